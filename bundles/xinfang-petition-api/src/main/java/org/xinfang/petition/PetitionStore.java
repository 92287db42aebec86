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
     * Stores a new petition, its petitioners and its timeline (one REGISTERED event), and appends the
     * change to the node's journal, in one transaction: all or nothing. The registration event gets its
     * network-wide identity here ({@code node#journal sequence}).
     *
     * @param verificationHash hash of the verification code
     * @param node the node recording it (the journal's origin)
     * @return the petition as stored
     * @throws DuplicateException if the id or the tracking code is taken
     */
    Petition insert(Petition petition, String verificationHash, String node);

    /**
     * Stores a new petition as {@link #insert} does, numbered in the same transaction: its id is
     * {@code numbering} applied to the next value of {@code sequence}, so a number is used only by a
     * registration that is stored, and numbering spends no commit of its own (issue 16). The id of the
     * petition given is a placeholder.
     *
     * @return the petition as stored, with its id
     * @throws DuplicateException if the tracking code is taken (the number is not used up)
     */
    default Petition insertNumbered(Petition petition, String sequence, java.util.function.LongFunction<String> numbering,
            String verificationHash, String node) {
        String id = numbering.apply(nextSequence(sequence));
        return insert(new Petition(id, petition.trackingCode(), petition.kind(), petition.channel(), petition.subject(),
                petition.content(), petition.category(), petition.location(), petition.receivedAt(), petition.headcount(),
                petition.petitioners(), petition.registeredBy(), petition.owner(), petition.status(),
                petition.registeredAt(), petition.timeline()), verificationHash, node);
    }

    /**
     * Records a step: appends {@code event} to the case's timeline if the case is still at version
     * {@code basedOn} (the version the step was checked on), derives the case's state and owner from
     * the timeline, journals the event, and sends the case as it is now down to each of
     * {@code copyTo} (child nodes that hold a copy) — all in one transaction. Of several steps checked
     * on the same version only the first is recorded.
     *
     * @return the petition after the change
     * @throws NotFoundException if there is no such petition
     * @throws org.xinfang.petition.VersionConflictException if the case is no longer at {@code basedOn}
     */
    Petition append(String id, int basedOn, NewEvent event, java.util.Collection<String> copyTo);

    /**
     * Stores cases imported from the office's old register, closed, in one transaction: for each, as
     * {@link #insert}, the import's key (the registration's {@link Attr#IMPORTED_FROM} and
     * {@link Attr#SOURCE_NUMBER}, unique in the database) and its closing event with its own journal entry.
     * All or nothing: one key taken stores none of them.
     *
     * @return the petitions as stored, with both events, in the order given
     * @throws HistoricRegister.AlreadyImportedException if a key is taken (nothing is stored)
     * @throws DuplicateException if an id or a tracking code is taken (nothing is stored)
     */
    java.util.List<Petition> insertImported(java.util.List<Imported> cases, String node);

    /** A historic case to store: the case as registered, the hash of its verification code, its closing event. */
    record Imported(Petition petition, String verificationHash, NewEvent closing) {
    }

    /**
     * Reserves {@code count} consecutive numbers of the named per-node sequence at once; returns the first.
     * Numbers of a block that are not used stay unused (a gap), as after any failed registration.
     */
    default long nextSequences(String name, int count) {
        long first = nextSequence(name);
        for (int i = 1; i < count; i++) {
            nextSequence(name);
        }
        return first;
    }

    /** Of these source numbers of {@code source}, the ones imported here, with the id of their case. */
    java.util.Map<String, String> importedIds(String source, java.util.Collection<String> sourceNumbers);

    /** Where a petition came from: origin node, origin journal sequence, the nodes it passed. */
    Optional<Provenance> provenance(String id);

    /** Where a petition came from. */
    record Provenance(String originNode, Long originSeq, java.util.List<String> path) {
    }

    /**
     * Steps taken on this node that the owner of the stage above refused (the case had moved on), newest
     * first: what the clerk who took them is told. For one case, or for all when {@code caseId} is null.
     */
    java.util.List<Conflict> conflicts(String caseId, int limit);

    /**
     * A step of this node that a node above did not take.
     *
     * @param eventId the refused event's identity
     * @param refusedBy the node that refused it
     * @param reason why, for the clerk (zh-CN first)
     * @param noticedAt when the notice arrived here
     */
    record Conflict(String eventId, String caseId, EventType type, Person actor, String unit, java.time.Instant at,
            String refusedBy, String reason, java.time.Instant noticedAt) {
    }

    /**
     * For every case held here: its version and a digest of its timeline's event identities, which are
     * equal on two nodes exactly when their copies hold the same events in the same order.
     */
    java.util.List<CaseDigest> digests();

    /** A case's version and timeline digest, and the units that say which children should hold it. */
    record CaseDigest(String id, int version, String digest, String registeredBy, String owner) {
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
    java.util.List<Petition> wholeWithEvent(EventType eventType);

    /**
     * The cases received from {@code from} to {@code to} (both included), whole. Statistics count the facts the
     * procedure's store keeps of them (its {@code eachFact}); this is the recount they must always equal.
     */
    java.util.List<Petition> wholeReceived(java.time.LocalDate from, java.time.LocalDate to);

    /** How many cases were received on each day from {@code from} to {@code to}, from the index alone. */
    java.util.Map<java.time.LocalDate, Long> receivedPerDay(java.time.LocalDate from, java.time.LocalDate to);


    /**
     * The cases {@code unit} holds now in one of these states, whole: found through the owner's index, so in
     * proportion to the cases of that unit, not to the register.
     */
    java.util.List<Petition> wholeOwned(String unit, java.util.Set<Status> statuses);

    /** The cases with these ids, whole, in this order; an id not held here is left out. */
    java.util.List<Petition> wholeByIds(java.util.List<String> ids);

    /** Petitions matching the query, in its order (newest registration first by default), and the count of all matches. */
    Page<PetitionSummary> find(PetitionQuery query);

    /**
     * Every petition matching the query's filters, in its order, handed to {@code each} as it is read (its
     * offset and limit ignored): an export of any size streams through without being held.
     */
    void eachSummary(PetitionQuery query, java.util.function.Consumer<PetitionSummary> each);

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
