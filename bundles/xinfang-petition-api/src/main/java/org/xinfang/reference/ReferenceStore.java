package org.xinfang.reference;

import java.util.Optional;

/**
 * Named reference data held by this node, each a versioned JSON document. The top node replaces a document
 * and, in the same transaction, queues it ({@code REFERENCE} message) for every child; a child applies a copy
 * from its parent only when its version is higher than the one held, and passes it on to its own children
 * in the same transaction. A child registered later is sent what is held when it is registered.
 */
public interface ReferenceStore {
    /** The message type of reference data travelling down. */
    String MESSAGE_TYPE = "REFERENCE";

    /** A document as held here. */
    record Document(String name, long version, String payload) {
    }

    /** The document named {@code name}, if one is held. */
    Optional<Document> get(String name);

    /**
     * Replaces the document here with {@code version} = the held version + 1 and queues it for every
     * registered child, in one transaction.
     *
     * @param expectedVersion the version the editor saw (0 when none is held)
     * @throws StaleException when another change came first
     */
    Document replace(String name, long expectedVersion, String payload);

    /** The document changed since the editor read it: nothing was written. */
    final class StaleException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final long current;

        public StaleException(String name, long expected, long current) {
            super("已被他人修改（第" + expected + "版已变为第" + current + "版），请刷新后重试 / " + name
                    + " changed since it was read (version " + expected + ", now " + current + ")");
            this.current = current;
        }

        /** The version held now. */
        public long current() {
            return current;
        }
    }
}
