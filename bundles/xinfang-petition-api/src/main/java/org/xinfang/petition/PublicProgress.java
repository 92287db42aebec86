package org.xinfang.petition;

import java.time.LocalDate;
import java.util.List;

/**
 * What the public progress query shows: no personal data, no content, no names of staff.
 *
 * @param steps the timeline reduced to dates and what happened, in Chinese
 * @param rating the petitioner's rating of the latest result, or null when not rated yet
 * @param canRate whether a result has been issued that the petitioner has not rated yet (R2022 Art. 21)
 * @param documents the public copies of the numbered documents the petitioner is owed (ID numbers and phones
 *     masked, no staff names), in the order they were issued
 */
public record PublicProgress(String trackingCode, Kind kind, String kindLabel, String subject, LocalDate receivedAt,
        Status status, String statusLabel, String ownerName, List<Step> steps, Rating rating, boolean canRate,
        List<OfficialDocument> documents) {
    public PublicProgress {
        steps = List.copyOf(steps);
        documents = List.copyOf(documents);
        if (documents.stream().anyMatch(d -> !d.publicCopy())) {
            throw new IllegalArgumentException("the public progress holds only public copies of documents");
        }
    }

    /** Progress without numbered documents. */
    public PublicProgress(String trackingCode, Kind kind, String kindLabel, String subject, LocalDate receivedAt,
            Status status, String statusLabel, String ownerName, List<Step> steps, Rating rating, boolean canRate) {
        this(trackingCode, kind, kindLabel, subject, receivedAt, status, statusLabel, ownerName, steps, rating, canRate,
                List.of());
    }

    /**
     * One public step of the timeline.
     *
     * @param notice the written notice the petitioner is owed at this step (acceptance, extension with
     *     its reason, decision, review), without staff names; null for other steps
     */
    public record Step(LocalDate date, String type, String label, String notice) {
    }
}
