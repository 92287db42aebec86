package org.xinfang.sync;

/**
 * A receipt this node holds and what its own journal has at the receipt's sequence now.
 *
 * @param journalHash the hash of the node's own entry at {@code receipt.seq()}, null when it is gone
 */
public record WitnessCheck(Receipt receipt, String journalHash) {
}
