package org.xinfang.petition;

import java.time.LocalDate;
import java.util.List;

/**
 * What the public progress query shows: no personal data, no content, no names of staff.
 *
 * @param steps the timeline reduced to dates and what happened, in Chinese
 * @param rating the petitioner's rating of the latest result, or null when not rated yet
 * @param canRate whether a result has been issued that the petitioner has not rated yet (R2022 Art. 21)
 */
public record PublicProgress(String trackingCode, Kind kind, String kindLabel, String subject, LocalDate receivedAt,
        Status status, String statusLabel, String ownerName, List<Step> steps, Rating rating, boolean canRate) {
    public PublicProgress {
        steps = List.copyOf(steps);
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
