package org.xinfang.sync;

/** A journal entry waiting to go up, with its position in this node's outbox. */
public record Outgoing(long pos, JournalEntry entry) {
}
