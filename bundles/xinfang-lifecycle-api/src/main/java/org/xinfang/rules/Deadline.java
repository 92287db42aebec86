package org.xinfang.rules;

import org.xinfang.petition.Step;
import java.time.LocalDate;

/**
 * One clock of a case.
 *
 * @param step which clock
 * @param start the day of the event that started it (not counted)
 * @param due the last day allowed
 * @param state running, paused, met or missed
 * @param pausedDays days that did not count (a hearing during re-review)
 * @param extendedDays days added by an approved extension
 * @param daysRemaining days from today to {@code due}; negative when past; 0 on the last day
 * @param metOn the day the clock was met (on time or late), null while open
 * @param provisional whether the due day rests on a year whose State Council notice is not loaded: the
 *     statutory holidays are counted, but make-up working days and bridge days may still move it
 */
public record Deadline(Step step, LocalDate start, LocalDate due, State state, int pausedDays, int extendedDays,
        long daysRemaining, LocalDate metOn, boolean provisional) {

    /** Where a clock stands. */
    public enum State {
        /** Running. */
        RUNNING,
        /** Paused by a hearing. */
        PAUSED,
        /** Met in time. */
        MET,
        /** An organ's duty not met in time (超期): it stays so in the record. */
        MISSED,
        /** A window (the petitioner's, or an organ's option such as objecting) that closed unused: no offence. */
        CLOSED;

        /** As written in the API. */
        public String json() {
            return name().toLowerCase();
        }
    }
}
