package org.xinfang.sync;

/**
 * The result of re-checking one origin's chain as stored on this node.
 *
 * @param count entries held
 * @param head the highest sequence held
 * @param intact whether sequences are contiguous from 1 and every hash links and verifies
 * @param firstBroken the first sequence at which it does not, 0 when intact
 */
public record ChainReport(String origin, long count, long head, boolean intact, long firstBroken) {
}
