package org.xinfang.sync;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

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
     * Stores and applies a child's batch in one transaction. Entries already held are acknowledged
     * and ignored; an entry that skips a sequence, breaks its origin's chain or comes from an origin
     * the sender may not speak for refuses the whole batch.
     *
     * @param self this node's id, appended to each entry's path
     * @throws SyncRefusedException when refused; nothing is stored then
     */
    PushResult receive(String fromNode, Predicate<String> originAllowed, List<JournalEntry> entries, String self);

    /** The highest sequence held per origin. */
    Map<String, Long> held();

    /** Re-checks every origin's chain as stored. */
    List<ChainReport> verifyChains();

    /** Messages queued for a child after its cursor, oldest first. */
    List<Message> messagesFor(String childNode, long afterSeq, int limit);

    /**
     * Applies a pulled message in one transaction with the new pull cursor: for this node it updates
     * the case, for a node below it queues the message for {@code nextHop}. Applying an id twice
     * changes nothing.
     *
     * @param nextHop the child to pass it to, or null when this node is the recipient
     */
    void applyMessage(Message message, String nextHop, String cursorKey);

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

    /** Raises an alarm; kept even when the batch that caused it is rolled back. */
    void alarm(String kind, String node, String message);

    /** The newest alarms first. */
    List<SyncAlarm> alarms(int limit);
}
