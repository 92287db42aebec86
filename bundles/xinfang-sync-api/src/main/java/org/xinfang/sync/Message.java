package org.xinfang.sync;

/**
 * A message travelling down: an assignment, a notice, a decision, reference data.
 *
 * @param seq position in the queue of the child that will pull it (assigned by the store)
 * @param id globally unique id (origin node and its number); applying the same id twice is harmless
 * @param recipient the node the message is for; relays pass it on toward it
 * @param type what it is, e.g. {@code ASSIGNMENT}
 * @param payload JSON
 * @param createdMillis when the sender created it
 */
public record Message(long seq, String id, String recipient, String type, String payload, long createdMillis) {
}
