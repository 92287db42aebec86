package org.xinfang.sync;

/**
 * A child's journal entry that this node kept (its chain stays whole) but did not apply.
 *
 * @param origin the node the entry came from
 * @param seq its sequence in that node's chain
 * @param caseId the case it concerned, if any
 * @param from the child that pushed it
 * @param kind a stable code: {@code foreign_case}, {@code not_authorized}, {@code stale}, …
 * @param reason why, for people
 * @param atMillis when it was refused
 */
public record RefusedEntry(String origin, long seq, String caseId, String from, String kind, String reason,
        long atMillis) {
}
