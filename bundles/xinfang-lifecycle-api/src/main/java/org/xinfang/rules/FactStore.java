package org.xinfang.rules;

import org.xinfang.petition.PetitionStore;

/**
 * The petition store with the facts the clocks and the statistics count: one narrow row per case, written with
 * every change to it ({@link CaseFact}), its active due day indexed. The procedure programs against this; the
 * cases and their registration know only {@link PetitionStore}.
 */
public interface FactStore extends PetitionStore {
    /**
     * Hands {@code each} the facts of every case received from {@code from} to {@code to} (both included),
     * one narrow row per case, streamed: nothing is held. The facts are written with every change to a case
     * ({@link CaseFact}); what statistics count.
     */
    void eachFact(java.time.LocalDate from, java.time.LocalDate to,
            java.util.function.Consumer<CaseFact> each);

    /**
     * The facts of the cases waiting on an organ clock due from {@code from} to {@code to} (both included;
     * null for an open end), earliest due first: found through the due day's index, however large the
     * register.
     */
    java.util.List<CaseFact> factsDue(java.time.LocalDate from, java.time.LocalDate to);

    /** The first {@code limit} of {@link #factsDue}, earliest due first. */
    java.util.List<CaseFact> factsDue(java.time.LocalDate from, java.time.LocalDate to, int limit);

    /** How many cases {@link #factsDue} finds, counted on the due day's index. */
    long countDue(java.time.LocalDate from, java.time.LocalDate to);

    /**
     * The facts of the open cases that wait on an organ clock paused by a hearing and on no running one (so have no
     * due day for {@link #factsDue}): found through an index of their own, however large the register. With
     * {@code factsDue(null, null)} they are every case with a clock running.
     */
    java.util.List<CaseFact> factsPaused();
}
