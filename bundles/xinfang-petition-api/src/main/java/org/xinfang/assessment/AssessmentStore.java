package org.xinfang.assessment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.xinfang.petition.Person;

/** The closed years of this node's assessment, each kept as it was closed and never changed. */
public interface AssessmentStore {

    /**
     * A closed year.
     *
     * @param year the year assessed
     * @param payload the assessment as shown when it was closed (JSON)
     * @param digest SHA-256 of {@code payload}, hex: what was published can be checked against it
     * @param closedBy the named person who closed it
     * @param closedAt when
     */
    record Closed(int year, String payload, String digest, Person closedBy, Instant closedAt) {
    }

    /** The year as closed, if it was. */
    Optional<Closed> closed(int year);

    /** The years closed, newest first. */
    List<Integer> closedYears();

    /**
     * Keeps {@code payload} as the year's assessment, once.
     *
     * @throws AlreadyClosedException when the year was closed before (nothing is written)
     */
    Closed close(int year, String payload, Person closedBy, Instant closedAt);

    /** The year was closed before: a closed year is never changed. */
    final class AlreadyClosedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public AlreadyClosedException(int year) {
            super(year + "年度考核已经关账，不能更改 / the assessment of " + year + " is closed and cannot change");
        }
    }
}
