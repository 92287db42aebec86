package org.xinfang.rules;

import org.xinfang.petition.Hierarchy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.xinfang.lifecycle.ForbiddenActionException;
import org.xinfang.lifecycle.IllegalTransitionException;
import org.xinfang.petition.Adoption;
import org.xinfang.petition.Attr;
import org.xinfang.petition.Attributes;
import org.xinfang.petition.Channel;
import org.xinfang.petition.DeliveryWay;
import org.xinfang.petition.Event;
import org.xinfang.petition.EventType;
import org.xinfang.petition.Kind;
import org.xinfang.petition.NewEvent;
import org.xinfang.petition.Outcome;
import org.xinfang.petition.Person;
import org.xinfang.petition.Petition;
import org.xinfang.petition.Petitioner;
import org.xinfang.petition.RedirectChannel;
import org.xinfang.petition.ReviewResult;
import org.xinfang.petition.Status;
import org.xinfang.petition.ValidationException;

/**
 * The authority table's rules that depend on the kind of unit and the kind of matter: who accepts what
 * it received itself (R2022 Art. 23), who is assigned a case (Art. 22), where an accusation goes (Art. 30),
 * how a suggestion ends (Art. 29), and who records which delivery on which day (Art. 35, 36).
 */
class AuthorityKindsTest {
    /** DX: the district petition office; D01: a department; TX: a township; VX: a village below TX. */
    static final Hierarchy UNITS = new Hierarchy() {
        final Map<String, String> parent = Map.of("D01", "DX", "TX", "DX", "VX", "TX");

        @Override
        public boolean isWithin(String code, String ancestor) {
            for (String u = code; u != null; u = parent.get(u)) {
                if (u.equals(ancestor)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public boolean competent(String code) {
            return code.equals("D01") || code.equals("TX");
        }

        @Override
        public Optional<String> childCodeToward(String from, String target) {
            return Optional.empty();
        }

        @Override
        public String nameOf(String code) {
            return Map.of("DX", "青溪区信访局", "D01", "区人社局", "TX", "清河镇", "VX", "柳树村").getOrDefault(code, code);
        }
    };
    static final Person HEAD = new Person("head", "王强", "局长");
    static final Instant NOW = LocalDate.of(2026, 3, 20).atTime(10, 0).atZone(Deadlines.ZONE).toInstant();

    private static Petition registeredAt(String unit, Kind kind, NewEvent... steps) {
        List<Event> timeline = new ArrayList<>();
        timeline.add(new Event(1, unit + "#1", NOW.minusSeconds(86400 * 30), EventType.REGISTERED, HEAD, unit, unit,
                Attributes.NONE, null));
        for (NewEvent e : steps) {
            timeline.add(e.recorded(timeline.size() + 1, e.node() + "#" + (timeline.size() + 1)));
        }
        return new Petition(unit + "-1", "TRK", kind, Channel.LETTER, "主题", "内容", null, null,
                LocalDate.of(2026, 2, 18), 1, List.of(new Petitioner("张三", null, null, null)), unit, unit,
                Status.REGISTERED, NOW.minusSeconds(86400 * 30), timeline);
    }

    private static NewEvent step(EventType type, String unit, String day, Attributes attrs) {
        Instant at = day == null ? NOW : LocalDate.parse(day).atTime(10, 0).atZone(Deadlines.ZONE).toInstant();
        return new NewEvent(type, HEAD, unit, unit, at, attrs, null);
    }

    private static NewEvent step(EventType type, String unit) {
        return step(type, unit, null, Attributes.NONE);
    }

    private static void check(Petition p, NewEvent e) {
        Authority.check(CaseState.of(p), e, UNITS);
    }

    @Test
    void aCompetentUnitAcceptsWhatItReceivedItselfAndOthersDoNot() {
        check(registeredAt("D01", Kind.CLAIM), step(EventType.ACCEPTED, "D01"));
        check(registeredAt("TX", Kind.CLAIM), step(EventType.ACCEPTED, "TX"));
        ForbiddenActionException village = assertThrows(ForbiddenActionException.class,
                () -> check(registeredAt("VX", Kind.CLAIM), step(EventType.ACCEPTED, "VX")));
        assertTrue(village.getMessage().contains("柳树村不是有权处理的机关"), "by name: " + village.getMessage());
        assertThrows(ForbiddenActionException.class, () -> check(registeredAt("DX", Kind.CLAIM), step(EventType.ACCEPTED, "DX")));
    }

    @Test
    void aRefusalNamesTheUnitsByNameNotByCode() {
        CaseState township = CaseState.of(registeredAt("TX", Kind.CLAIM));
        ForbiddenActionException above = assertThrows(ForbiddenActionException.class,
                () -> Authority.checkUnit(township, EventType.SUPERVISED, "TX", UNITS));
        assertTrue(above.getMessage().startsWith("须由清河镇的上级机关办理"), above.getMessage());
        ForbiddenActionException owner = assertThrows(ForbiddenActionException.class,
                () -> Authority.checkUnit(township, EventType.ACCEPTED, "D01", UNITS));
        assertTrue(owner.getMessage().startsWith("本件由清河镇负责，区人社局不能"), owner.getMessage());
        assertTrue(!owner.getMessage().contains("TX") && !owner.getMessage().contains("D01"), owner.getMessage());
    }

    @Test
    void aCaseIsAssignedOnlyToACompetentOrgan() {
        Petition p = registeredAt("DX", Kind.CLAIM);
        check(p, step(EventType.ASSIGNED, "DX", null, Attributes.builder().put(Attr.UNIT, "TX").build()));
        ValidationException v = assertThrows(ValidationException.class, () -> check(p, step(EventType.ASSIGNED, "DX", null,
                Attributes.builder().put(Attr.UNIT, "VX").build())));
        assertEquals("unit", v.field());
        assertEquals("not_competent", v.code());
    }

    @Test
    void theAssigneeReceivesAnAssignmentOnce() {
        NewEvent assign = step(EventType.ASSIGNED, "DX", "2026-03-02", Attributes.builder().put(Attr.UNIT, "D01").build());
        Petition sent = registeredAt("DX", Kind.CLAIM, assign);
        assertTrue(CaseState.of(sent).awaitingReceipt());
        check(sent, step(EventType.RECEIVED, "D01"));
        assertThrows(ForbiddenActionException.class, () -> check(sent, step(EventType.RECEIVED, "TX")));
        Petition received = registeredAt("DX", Kind.CLAIM, assign, step(EventType.RECEIVED, "D01", "2026-03-03",
                Attributes.NONE));
        IllegalTransitionException twice = assertThrows(IllegalTransitionException.class,
                () -> check(received, step(EventType.RECEIVED, "D01")));
        // each language's half of the message holds its own half of the reason
        assertTrue(twice.getMessage().startsWith("当前状态为「") && twice.getMessage().contains("：本次交办已签收 / "),
                twice.getMessage());
        assertTrue(twice.getMessage().endsWith("is not allowed (this assignment was received already)"), twice.getMessage());
    }

    @Test
    void anAccusationGoesToTheDisciplineChannelOnly() {
        Petition p = registeredAt("DX", Kind.ACCUSATION);
        assertThrows(IllegalTransitionException.class, () -> check(p, step(EventType.ASSIGNED, "DX", null,
                Attributes.builder().put(Attr.UNIT, "D01").build())));
        assertThrows(IllegalTransitionException.class, () -> check(registeredAt("D01", Kind.ACCUSATION),
                step(EventType.ACCEPTED, "D01")));
        ValidationException legal = assertThrows(ValidationException.class, () -> check(p, step(EventType.REDIRECTED, "DX",
                null, Attributes.builder().put(Attr.CHANNEL, RedirectChannel.LEGAL).put(Attr.REASON, "涉法").build())));
        assertEquals("channel", legal.field());
        check(p, step(EventType.REDIRECTED, "DX", null, Attributes.builder().put(Attr.CHANNEL, RedirectChannel.DISCIPLINE)
                .put(Attr.REASON, "反映公职人员违纪问题").build()));
    }

    /** An accusation registered at the village it accuses (VX), or at its township (TX) against the village. */
    private static Petition accusationAgainst(String unit, String accused) {
        Event registered = new Event(1, unit + "#1", NOW.minusSeconds(86400 * 30), EventType.REGISTERED, HEAD, unit, unit,
                Attributes.builder().put(Attr.ACCUSED_UNIT, accused).build(), null);
        return new Petition(unit + "-1", "TRK", Kind.ACCUSATION, Channel.LETTER, "主题", "内容", null, null,
                LocalDate.of(2026, 2, 18), 1, List.of(new Petitioner("张三", null, null, null)), unit, unit,
                Status.REGISTERED, NOW.minusSeconds(86400 * 30), List.of(registered));
    }

    @Test
    void theAccusedUnitOnlyRoutesAnAccusationAgainstItself() {
        Petition own = accusationAgainst("VX", "VX");
        assertEquals("VX", CaseState.of(own).accusedUnit());
        Attributes discipline = Attributes.builder().put(Attr.CHANNEL, RedirectChannel.DISCIPLINE)
                .put(Attr.REASON, "反映村干部违纪问题").build();
        // the accused village may hand it to the discipline channel, and nothing else: no 不予受理, no 并案, no 包案
        check(own, step(EventType.REDIRECTED, "VX", null, discipline));
        for (EventType buried : List.of(EventType.NOT_ACCEPTED, EventType.LINKED, EventType.LEADER_TOOK,
                EventType.MAJOR_FLAGGED)) {
            ForbiddenActionException refused = assertThrows(ForbiddenActionException.class,
                    () -> Authority.checkUnit(CaseState.of(own), buried, "VX", UNITS), buried.name());
            assertTrue(refused.getMessage().contains("被检举控告的单位"), refused.getMessage());
        }
        // a unit below the accused one is refused too; the township above routes it, and may decline it
        Petition againstTownship = accusationAgainst("TX", "TX");
        assertThrows(ForbiddenActionException.class,
                () -> Authority.checkUnit(CaseState.of(againstTownship), EventType.NOT_ACCEPTED, "VX", UNITS));
        Petition atTownship = accusationAgainst("TX", "VX");
        Authority.checkUnit(CaseState.of(atTownship), EventType.NOT_ACCEPTED, "TX", UNITS);
        check(own, step(EventType.REDIRECTED, "TX", null, discipline));
        // an accusation that names no accused unit is the owner's as before
        Authority.checkUnit(CaseState.of(registeredAt("VX", Kind.ACCUSATION)), EventType.NOT_ACCEPTED, "VX", UNITS);
    }

    @Test
    void aSuggestionEndsInAReplyAndAClaimInADecision() {
        Petition suggestion = registeredAt("D01", Kind.SUGGESTION, step(EventType.ACCEPTED, "D01", "2026-03-02",
                Attributes.NONE));
        Attributes reply = Attributes.builder().put(Attr.ADOPTION, Adoption.PARTLY_ADOPTED).put(Attr.REPLY, "已纳入明年计划").build();
        check(suggestion, step(EventType.REPLIED, "D01", null, reply));
        Attributes decision = Attributes.builder().put(Attr.REQUEST, "诉求").put(Attr.FACTS, "事实")
                .put(Attr.OUTCOME, Outcome.SUPPORT).put(Attr.BASIS, "依据").build();
        assertThrows(IllegalTransitionException.class, () -> check(suggestion, step(EventType.DECIDED, "D01", null, decision)));
        assertThrows(IllegalTransitionException.class, () -> check(suggestion, step(EventType.EXTENDED, "D01", null,
                Attributes.builder().put(Attr.DAYS, 10).put(Attr.REASON, "需要调查").build())));
        Petition claim = registeredAt("D01", Kind.CLAIM, step(EventType.ACCEPTED, "D01", "2026-03-02", Attributes.NONE));
        check(claim, step(EventType.DECIDED, "D01", null, decision));
        assertThrows(IllegalTransitionException.class, () -> check(claim, step(EventType.REPLIED, "D01", null, reply)));
        // a replied suggestion is closed: no review path
        Petition replied = registeredAt("D01", Kind.SUGGESTION, step(EventType.ACCEPTED, "D01", "2026-03-02",
                Attributes.NONE), step(EventType.REPLIED, "D01", "2026-03-10", reply));
        assertEquals(Status.REPLIED, CaseState.of(replied).status());
        assertThrows(IllegalTransitionException.class, () -> check(replied, step(EventType.REVIEW_REQUESTED, "DX", null,
                Attributes.builder().put(Attr.REASON, "不服").build())));
    }

    private static Attributes delivery(EventType doc, String on) {
        return Attributes.builder().put(Attr.DOCUMENT, doc).put(Attr.DELIVERED_ON, LocalDate.parse(on))
                .put(Attr.WAY, DeliveryWay.IN_PERSON).build();
    }

    @Test
    void theIssuerRecordsADeliveryOnceOnADayBetweenTheDocumentAndToday() {
        Attributes decision = Attributes.builder().put(Attr.REQUEST, "诉求").put(Attr.FACTS, "事实")
                .put(Attr.OUTCOME, Outcome.EXPLAIN).put(Attr.BASIS, "依据").build();
        Petition decided = registeredAt("D01", Kind.CLAIM, step(EventType.ACCEPTED, "D01", "2026-03-02", Attributes.NONE),
                step(EventType.DECIDED, "D01", "2026-03-10", decision));
        check(decided, step(EventType.DELIVERED, "D01", null, delivery(EventType.DECIDED, "2026-03-12")));
        check(decided, step(EventType.DELIVERED, "D01", null, delivery(EventType.DECIDED, "2026-03-10")));
        ValidationException early = assertThrows(ValidationException.class, () -> check(decided,
                step(EventType.DELIVERED, "D01", null, delivery(EventType.DECIDED, "2026-03-09"))));
        assertEquals("deliveredOn", early.field());
        ValidationException future = assertThrows(ValidationException.class, () -> check(decided,
                step(EventType.DELIVERED, "D01", null, delivery(EventType.DECIDED, "2026-03-21"))));
        assertEquals("in_future", future.code());
        ValidationException none = assertThrows(ValidationException.class, () -> check(decided,
                step(EventType.DELIVERED, "D01", null, delivery(EventType.REVIEWED, "2026-03-12"))));
        assertEquals("not_issued", none.code());
        assertThrows(ForbiddenActionException.class, () -> check(decided,
                step(EventType.DELIVERED, "DX", null, delivery(EventType.DECIDED, "2026-03-12"))));
        Petition delivered = registeredAt("D01", Kind.CLAIM, step(EventType.ACCEPTED, "D01", "2026-03-02", Attributes.NONE),
                step(EventType.DECIDED, "D01", "2026-03-10", decision),
                step(EventType.DELIVERED, "D01", "2026-03-12", delivery(EventType.DECIDED, "2026-03-11")),
                step(EventType.DELIVERED, "D01", "2026-03-12", delivery(EventType.ACCEPTED, "2026-03-03")));
        assertEquals(LocalDate.of(2026, 3, 11), CaseState.of(delivered).documents().get(EventType.DECIDED).deliveredOn());
        assertThrows(IllegalTransitionException.class, () -> check(delivered,
                step(EventType.DELIVERED, "D01", null, delivery(EventType.DECIDED, "2026-03-12"))));
        // a review request is filed on a day between the answer and today
        ValidationException filedEarly = assertThrows(ValidationException.class, () -> check(delivered,
                step(EventType.REVIEW_REQUESTED, "DX", null, Attributes.builder().put(Attr.REASON, "不服")
                        .put(Attr.FILED_ON, LocalDate.of(2026, 3, 9)).build())));
        assertEquals("filedOn", filedEarly.field());
        check(delivered, step(EventType.REVIEW_REQUESTED, "DX", null, Attributes.builder().put(Attr.REASON, "不服")
                .put(Attr.FILED_ON, LocalDate.of(2026, 3, 15)).build()));
        // a review judges the opinion: its result, not a new decision
        Attributes review = Attributes.builder().put(Attr.REQUEST, "诉求").put(Attr.FACTS, "事实")
                .put(Attr.RESULT, ReviewResult.UPHOLD).put(Attr.BASIS, "依据").build();
        EventType.REVIEWED.checkComplete(review);
        ValidationException old = assertThrows(ValidationException.class, () -> EventType.REVIEWED.checkComplete(
                Attributes.builder().put(Attr.REQUEST, "诉求").put(Attr.FACTS, "事实").put(Attr.OUTCOME, Outcome.SUPPORT)
                        .put(Attr.BASIS, "依据").build()));
        assertEquals("result", old.field());
    }
}
