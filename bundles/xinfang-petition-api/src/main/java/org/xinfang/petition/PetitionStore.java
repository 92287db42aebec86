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
     * Stores a new petition, its petitioners and its timeline in one transaction: all or nothing.
     *
     * @param verificationHash hash of the verification code
     * @throws DuplicateException if the id or the tracking code is taken
     */
    void insert(Petition petition, String verificationHash);

    /** The petition with its timeline. */
    Optional<Petition> get(String id);

    /** The petition with this tracking code and the stored verification hash. */
    Optional<Tracked> findByTrackingCode(String trackingCode);

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
