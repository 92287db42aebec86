package org.xinfang.rules;

import org.xinfang.petition.Hierarchy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xinfang.lifecycle.ForbiddenActionException;
import org.xinfang.lifecycle.IllegalTransitionException;
import org.xinfang.petition.Attr;
import org.xinfang.petition.Attributes;
import org.xinfang.petition.Channel;
import org.xinfang.petition.Event;
import org.xinfang.petition.EventType;
import org.xinfang.petition.HistoricResult;
import org.xinfang.petition.Kind;
import org.xinfang.petition.NewEvent;
import org.xinfang.petition.Petition;
import org.xinfang.petition.Petitioner;
import org.xinfang.petition.Status;
import org.xinfang.petition.ValidationException;

/** 历史办结 (ARCHIVED): only an imported case, right after its import, by the importing unit; no clocks on it. */
class HistoricAuthorityTest {
    static final Hierarchy UNITS = AuthorityKindsTest.UNITS;
    static final Instant NOW = AuthorityKindsTest.NOW;

    private static Petition registered(boolean imported, NewEvent... steps) {
        Attributes facts = imported ? Attributes.builder().put(Attr.IMPORTED_FROM, "2019台账")
                .put(Attr.SOURCE_NUMBER, "2019-001").build() : Attributes.NONE;
        List<Event> timeline = new ArrayList<>();
        timeline.add(new Event(1, "DX#1", NOW, EventType.REGISTERED, AuthorityKindsTest.HEAD, "DX", "DX", facts, null));
        for (NewEvent e : steps) {
            timeline.add(e.recorded(timeline.size() + 1, "DX#" + (timeline.size() + 1)));
        }
        return new Petition("DX-1", "TRK", Kind.CLAIM, Channel.LETTER, "主题", "内容", null, null, LocalDate.of(2019, 3, 4),
                1, List.of(new Petitioner("张三", null, null, null)), "DX", "DX", Status.REGISTERED, NOW, timeline);
    }

    private static NewEvent archived(String unit, LocalDate closedOn) {
        return new NewEvent(EventType.ARCHIVED, AuthorityKindsTest.HEAD, unit, unit, NOW, Attributes.builder()
                .put(Attr.HISTORIC_RESULT, HistoricResult.SUPPORTED).put(Attr.CLOSED_ON, closedOn).build(), null);
    }

    @Test
    void anImportedCaseIsClosedRightAfterItsImportByTheImportingUnit() {
        Petition p = registered(true);
        Authority.check(CaseState.of(p), archived("DX", LocalDate.of(2019, 4, 1)), UNITS);
        Petition closed = registered(true, archived("DX", LocalDate.of(2019, 4, 1)));
        CaseState s = CaseState.of(closed);
        assertEquals(Status.ARCHIVED, s.status());
        assertFalse(s.open());
        assertTrue(Deadlines.of(closed, HolidayCalendar.weekendsOnly(), LocalDate.of(2026, 3, 20), UNITS).isEmpty());
        assertTrue(Deadlines.of(p, HolidayCalendar.weekendsOnly(), LocalDate.of(2026, 3, 20), UNITS).isEmpty(),
                "no clocks from the import on, whatever an old receipt date would say");
    }

    @Test
    void aLiveCaseALaterStepAnotherUnitOrAFutureDayAreRefused() {
        assertThrows(IllegalTransitionException.class, () -> Authority.check(CaseState.of(registered(false)),
                archived("DX", LocalDate.of(2019, 4, 1)), UNITS), "a case registered live is never closed as history");
        Petition assigned = registered(true, new NewEvent(EventType.ASSIGNED, AuthorityKindsTest.HEAD, "DX", "DX", NOW,
                Attributes.builder().put(Attr.UNIT, "TX").build(), null));
        assertThrows(IllegalTransitionException.class, () -> Authority.check(CaseState.of(assigned),
                archived("DX", LocalDate.of(2019, 4, 1)), UNITS));
        assertThrows(ForbiddenActionException.class, () -> Authority.check(CaseState.of(registered(true)),
                archived("TX", LocalDate.of(2019, 4, 1)), UNITS));
        assertEquals("closedOn", assertThrows(ValidationException.class, () -> Authority.check(
                CaseState.of(registered(true)), archived("DX", LocalDate.of(2026, 3, 21)), UNITS)).field());
        Petition closed = registered(true, archived("DX", LocalDate.of(2019, 4, 1)));
        assertThrows(IllegalTransitionException.class, () -> Authority.check(CaseState.of(closed),
                archived("DX", LocalDate.of(2019, 4, 1)), UNITS), "closed once");
    }
}
