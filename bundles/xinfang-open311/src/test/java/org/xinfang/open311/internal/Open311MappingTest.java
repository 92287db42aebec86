package org.xinfang.open311.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.xinfang.petition.EventType;
import org.xinfang.petition.Kind;
import org.xinfang.petition.Petition;
import org.xinfang.petition.Status;

class Open311MappingTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Test
    void closedIsWhereTheOrganHoldingTheCaseHasDoneItsPartAndAReviewRequestOpensItAgain() {
        Set<Status> closed = EnumSet.of(Status.REDIRECTED, Status.NOT_ACCEPTED, Status.DECIDED, Status.REVIEWED,
                Status.REREVIEWED, Status.TERMINATED, Status.MEDIATED, Status.REPLIED, Status.ARCHIVED);
        for (Status s : Status.values()) {
            assertEquals(closed.contains(s) ? "closed" : "open", Open311Mapping.status(s), s.name());
        }
        assertEquals("open", Open311Mapping.status(Status.REVIEW_REQUESTED));
        assertEquals("open", Open311Mapping.status(Status.REREVIEW_REQUESTED));
    }

    @Test
    void theServicesAreTheThreeKindsWithoutAttributesAndAccusationsAreNeverListed() {
        for (Kind k : Kind.values()) {
            Map<String, Object> s = Open311Mapping.service(k);
            assertEquals(k.name(), s.get("service_code"));
            assertEquals(k.label(), s.get("service_name"));
            assertEquals(false, s.get("metadata"));
            assertEquals("realtime", s.get("type"));
            assertTrue(Character.UnicodeScript.of(((String) s.get("description")).codePointAt(0))
                    == Character.UnicodeScript.HAN, "Chinese first: " + s.get("description"));
            assertEquals(k, Open311Mapping.kind(k.name().toLowerCase()));
            assertEquals(k, Open311Mapping.kind(k.label()));
        }
        assertNull(Open311Mapping.kind("POTHOLE"));
        assertFalse(Open311Mapping.listable(Kind.ACCUSATION));
        assertTrue(Open311Mapping.listable(Kind.CLAIM));
        assertTrue(Open311Mapping.listable(Kind.SUGGESTION));
    }

    @Test
    void theViewOfACaseCarriesNoPersonalDataNoContentNoStaffAndDaysOnly() throws Exception {
        Cases cases = new Cases();
        Petition p = cases.add("510199101-000007", Kind.CLAIM, Status.ACCEPTED, LocalDate.of(2026, 11, 3),
                EventType.REGISTERED, EventType.ACCEPTED, EventType.MAJOR_FLAGGED);
        Map<String, Object> view = Open311Mapping.request(p, "PUBLIC", code -> Cases.TOWNSHIP_NAME, ZONE);
        String json = new ObjectMapper().writeValueAsString(view);
        for (String secret : new String[] {Cases.PERSON, Cases.ID_NUMBER, Cases.PHONE, Cases.HOME, Cases.CONTENT,
                Cases.SUBJECT, Cases.CLERK, "lidj", "劳动社保", p.id(), p.trackingCode(), "10:32", "02:32"}) {
            assertFalse(json.contains(secret), secret + " must not be public: " + json);
        }
        assertEquals("PUBLIC", view.get("service_request_id"));
        assertEquals("open", view.get("status"));
        // the latest step the public may see: the major-matter flag after it is the office's own business
        assertEquals("已受理，已出具受理告知书", view.get("status_notes"));
        assertEquals("申诉求决", view.get("service_name"));
        assertEquals("CLAIM", view.get("service_code"));
        assertEquals(Cases.TOWNSHIP_NAME, view.get("agency_responsible"));
        assertEquals("2026-11-03T00:00:00+08:00", view.get("requested_datetime"));
        assertEquals("2026-11-04T00:00:00+08:00", view.get("updated_datetime"));
        assertTrue(view.containsKey("lat") && view.get("lat") == null, "withheld fields are present and null");
    }
}
