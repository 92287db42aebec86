package org.xinfang.sync;

import java.util.Map;

/**
 * The parent's answer to a push.
 *
 * @param held for every origin in the batch, the highest sequence the parent now holds
 * @param accepted entries stored and applied by this push
 * @param duplicates entries the parent already had (acknowledged, ignored)
 * @param refused entries kept but not applied (the authority table did not allow them here)
 */
public record PushResult(Map<String, Long> held, int accepted, int duplicates, int refused) {
    public PushResult {
        held = Map.copyOf(held);
    }
}
