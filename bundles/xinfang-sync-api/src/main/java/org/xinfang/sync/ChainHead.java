package org.xinfang.sync;

/**
 * The end of one origin's chain as held on this node, with when it was last witnessed here and the
 * latest head the network reported for that origin.
 *
 * @param seq the highest sequence held here
 * @param advancedAtMillis when this node last took an entry of the chain (0 if unknown)
 * @param reportedSeq the highest sequence a child said the origin has (0 if none reported)
 * @param reportedAtMillis when that was reported (0 if never)
 */
public record ChainHead(String origin, long seq, String hash, long advancedAtMillis, long reportedSeq,
        long reportedAtMillis) {
}
