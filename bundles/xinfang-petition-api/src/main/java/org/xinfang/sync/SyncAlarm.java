package org.xinfang.sync;

/** Something in sync that needs a person: a refused batch, a forged or replayed call. */
public record SyncAlarm(long id, long atMillis, String kind, String node, String message) {
}
