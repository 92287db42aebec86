package org.xinfang.petition;

import java.util.Optional;

/** Registers petitions and answers questions about them. Published as an OSGi service. */
public interface PetitionService {

    /**
     * Registers a petition at this node: issues its id, tracking and verification codes, stores it
     * with its first timeline event in one transaction.
     *
     * @param actor the user registering it (first-contact owner)
     * @throws ValidationException when the draft breaks a rule that needs the node's context
     *     (e.g. a receipt date in the future)
     */
    Registration register(PetitionDraft draft, String actor);

    /** The petition with its timeline, if this node holds it. */
    Optional<Petition> get(String id);

    /** Petitions matching the query, newest registration first. */
    Page<PetitionSummary> find(PetitionQuery query);

    /**
     * Progress for the petitioner: only when both codes match. A wrong code and an unknown tracking
     * code give the same empty answer, so the query cannot be used to probe for codes.
     */
    Optional<PublicProgress> publicProgress(String trackingCode, String verificationCode);
}
