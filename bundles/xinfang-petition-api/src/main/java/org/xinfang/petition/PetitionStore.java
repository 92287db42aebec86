package org.xinfang.petition;

import java.util.Optional;

/**
 * Persistence of petitions behind portable SQL. One implementation serves embedded Derby and
 * PostgreSQL; which one is a matter of configuration.
 */
public interface PetitionStore {

    /** The next number of the named per-node sequence, durable and never repeated. */
    long nextSequence(String name);

    /**
     * Stores a new petition, its petitioners and its timeline, and appends the change to the node's
     * journal, in one transaction: all or nothing.
     *
     * @param verificationHash hash of the verification code
     * @param node the node recording it (the journal's origin)
     * @throws DuplicateException if the id or the tracking code is taken
     */
    void insert(Petition petition, String verificationHash, String node);

    /**
     * Changes a stored petition: owner, status and one new timeline event, journalled in the same
     * transaction; with {@code downward} also queues a message carrying the case to the child node
     * that leads to the new owner.
     *
     * @return the petition after the change
     * @throws NotFoundException if there is no such petition
     */
    Petition update(String id, Change change, Downward downward);

    /** Where a petition came from: origin node, origin journal sequence, the nodes it passed. */
    Optional<Provenance> provenance(String id);

    /**
     * A change to a case.
     *
     * @param eventType the timeline event it makes, e.g. {@code ASSIGNED}
     */
    record Change(String owner, Status status, String eventType, String actor, String unit, String node,
            String note, java.time.Instant at) {
    }

    /** Send the changed case down: to {@code childNode}, toward the {@code recipient} node. */
    record Downward(String childNode, String recipient, String messageType) {
    }

    /** Where a petition came from. */
    record Provenance(String originNode, Long originSeq, java.util.List<String> path) {
    }

    /** The petition with its timeline. */
    Optional<Petition> get(String id);

    /** The petition with this tracking code and the stored verification hash. */
    Optional<Tracked> findByTrackingCode(String trackingCode);

    /**
     * Open cases (not concluded) with a petitioner holding one of these identity numbers, other than
     * {@code excludeId}: candidates for a repeat petition (R2022 Art. 19). Newest first, at most 20.
     */
    java.util.List<PetitionSummary> openWithIdNumbers(java.util.Collection<String> idNumbers, String excludeId);

    /**
     * Every petition held here in one of these statuses, whole (petitioners and timeline), read in
     * three statements however many there are. The deadline, overdue and supervision lists work on the
     * open cases, which stay few while the register grows year by year; reading case by case through
     * {@link #find} pages made them cost minutes at a district.
     */
    java.util.List<Petition> whole(java.util.Set<Status> statuses);

    /** Every petition held here with at least one timeline event of this type, whole, as {@link #whole}. */
    java.util.List<Petition> wholeWithEvent(String eventType);

    /** Petitions matching the query, newest registration first, and the count of all matches. */
    Page<PetitionSummary> find(PetitionQuery query);

    /** A petition found by its tracking code, with the hash its verification code must match. */
    record Tracked(Petition petition, String verificationHash) {
    }

    /** An id or tracking code that is already taken. */
    class DuplicateException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public DuplicateException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The store could not do what was asked (database down, disk full, ...). */
    class StoreException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public StoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
