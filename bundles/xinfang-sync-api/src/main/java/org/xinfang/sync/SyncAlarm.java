package org.xinfang.sync;

/**
 * Something in sync that needs a person: a refused batch or entry, a forged or replayed call.
 *
 * @param atMillis when it was first raised
 * @param node the node the alarm is about (the caller, or the origin of a refused entry); null when unknown
 * @param raisedAt the node that raised it (this one, or one below whose alarm travelled up)
 * @param source where it came from (the caller's address or the node); null for alarms that travelled up
 * @param count how many times it was raised from that source within the interval (see {@link SyncStore#alarm})
 * @param lastAtMillis when it was last raised
 */
public record SyncAlarm(long id, long atMillis, String kind, String node, String message, String raisedAt,
        String source, int count, long lastAtMillis) {
}
