package org.xinfang.sync;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Durable sync state of a node, in the same database as its petitions: the journal (outbox), what
 * children sent, the queues of messages for children, registered children and their nonces, alarms.
 */
public interface SyncStore {

    /** Journal entries after outbox position {@code afterPos}, oldest first. */
    List<Outgoing> outbox(long afterPos, int limit);

    /** The newest outbox position, 0 when empty. */
    long lastPos();

    /** Where an origin's entry sits in this node's outbox. */
    Optional<Long> positionOf(String origin, long seq);

    /**
     * Stores and applies a child's batch in one transaction. Entries already held are acknowledged and
     * ignored; an entry that skips a sequence, breaks its origin's chain or comes from an origin the
     * sender may not speak for refuses the whole batch. Every other entry is stored (the chain stays
     * whole) and applied if {@code policy} allows it against this node's own copy of the case; one it
     * does not allow is kept, marked refused, and answered as the policy's verdict says (an alarm that
     * travels up, the case sent back to the child with a conflict notice). A case that changes is sent
     * down to the children that hold a copy.
     *
     * @throws SyncRefusedException when the batch is refused; nothing is stored then
     */
    PushResult receive(String fromNode, SyncPolicy policy, List<JournalEntry> entries);

    /** Entries kept but not applied, newest first. */
    List<RefusedEntry> refused(int limit);

    /** The highest sequence held per origin. */
    Map<String, Long> held();

    /** Re-checks every origin's chain as stored. */
    List<ChainReport> verifyChains();

    /** The end of every chain held here, with when it was witnessed and what the network reported. */
    List<ChainHead> heads();

    /** Records the heads a child reports for origins in its subtree (how far the chains go below). */
    void reportHeads(String child, java.util.Map<String, Long> heads, java.util.function.Predicate<String> allowed);

    /** Keeps a receipt the parent signed for this node's own chain. */
    void keepReceipt(Receipt receipt);

    /** The receipts kept for this node's own chain, by sequence, each with the journal's hash there now. */
    List<WitnessCheck> witnessChecks(String self);

    /** Keeps the result of comparing a node's copies with its parent's (one per node, the newest). */
    void keepConsistencyReport(ConsistencyReport report);

    /** The newest comparison of each node this node heard of, itself included. */
    List<ConsistencyReport> consistencyReports();

    /** Messages queued for a child after its cursor, oldest first. */
    List<Message> messagesFor(String childNode, long afterSeq, int limit);

    /**
     * Applies a pulled message in one transaction with the new pull cursor. A case from the parent
     * replaces this node's copy, unless this node's copy only adds steps of its own on top of it (they
     * are on their way up); conflict notices about this node's steps are kept for the clerk; the case is
     * passed on to the children that hold a copy. Other messages for a node below go to the next hop.
     * Applying an id twice changes nothing.
     */
    void applyMessage(Message message, SyncPolicy policy, String cursorKey);

    /** Queues a message for each of these children in one transaction; a message id is queued once per child. */
    void queueForChildren(Message message, java.util.Collection<String> children);

    /**
     * Acknowledges a pulled message meant for every node (reference data such as the calendar): queues
     * it for each of this node's children, with the new pull cursor, in one transaction.
     */
    void applyBroadcast(Message message, java.util.Collection<String> children, String cursorKey);

    /** A value of the node's sync state (cursors, marks), if set. */
    Optional<String> state(String key);

    /** Sets a value of the node's sync state. */
    void setState(String key, String value);

    /** Registers (or re-keys) a child node with the secret it signs its calls with. */
    void registerChild(String node, String secret);

    /** The secret of a registered child. */
    Optional<String> childSecret(String node);

    /** Registered children and when each was last heard from (epoch ms, 0 if never). */
    Map<String, Long> children();

    /** Records that a child called; used for the status view. */
    void childSeen(String node, long atMillis);

    /** Uses a request nonce once; false if it was used before (a replay). */
    boolean useNonce(String node, String nonce, long expiresMillis);

    /** Raises an alarm; kept even when the batch that caused it is rolled back. The node is its source. */
    default void alarm(String kind, String node, String message) {
        alarm(kind, node, node, message);
    }

    /**
     * Raises an alarm about {@code node} (null when unknown) from {@code source} (the caller's address, or the
     * node), kept even when the batch that caused it is rolled back. At most one row per source and kind within
     * {@link #ALARM_INTERVAL_MILLIS}: a repeat counts on the row already raised. At most {@link #ALARMS_KEPT}
     * rows are kept; the oldest go first. So no caller, signed or not, can fill the disk or push real alarms out
     * of view faster than one row per source, kind and interval.
     */
    void alarm(String kind, String node, String source, String message);

    /** Repeats of one kind of alarm from one source within this are counted on one row. */
    long ALARM_INTERVAL_MILLIS = 10 * 60_000L;

    /** How many alarm rows a node keeps. */
    int ALARMS_KEPT = 1000;

    /**
     * Raises an alarm that also travels up to the top of the network: kept here and journalled, in one
     * transaction.
     */
    void alarmUpward(String self, String kind, String node, String message);

    /** The newest alarms first. */
    List<SyncAlarm> alarms(int limit);
}
