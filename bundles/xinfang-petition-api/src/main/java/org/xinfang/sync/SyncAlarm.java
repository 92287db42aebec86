package org.xinfang.sync;

/**
 * Something in sync that needs a person: a refused batch or entry, a forged or replayed call.
 *
 * @param node the node the alarm is about (the caller, or the origin of a refused entry)
 * @param raisedAt the node that raised it (this one, or one below whose alarm travelled up)
 */
public record SyncAlarm(long id, long atMillis, String kind, String node, String message, String raisedAt) {
}
