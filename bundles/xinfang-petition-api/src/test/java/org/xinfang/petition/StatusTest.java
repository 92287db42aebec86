package org.xinfang.petition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StatusTest {
    @Test
    void theClosedStatesAreTheSixThatEndTheProcedure() {
        // docs/lifecycle.md: redirect, not-accept (and link), mediate, terminate, reply close a case; an import
        // closes a historic one. A decision, a review and a re-review leave the next request open (R2022 Art. 35, 36).
        Set<Status> closed = EnumSet.of(Status.REDIRECTED, Status.NOT_ACCEPTED, Status.MEDIATED, Status.TERMINATED,
                Status.REPLIED, Status.ARCHIVED);
        assertEquals(closed, Status.closedStates());
        for (Status s : Status.values()) {
            assertEquals(closed.contains(s), s.closed(), s.name());
        }
        assertThrows(UnsupportedOperationException.class, () -> Status.closedStates().add(Status.DECIDED));
    }
}
