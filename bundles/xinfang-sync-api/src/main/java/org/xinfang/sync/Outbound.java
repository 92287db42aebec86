package org.xinfang.sync;

/**
 * The node's way up: steps that must not wait for the next scheduled sync (a major or urgent matter,
 * R2022 Art. 25: reported at once) ask it to push now. A node without a parent has none.
 */
public interface Outbound {

    /** Pushes this node's journal to its parent as soon as possible (at once, or right after a sync under way). */
    void sendNow();
}
