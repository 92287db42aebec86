package org.xinfang.rules;

import org.xinfang.petition.Hierarchy;
import org.xinfang.petition.Step;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xinfang.petition.Channel;
import org.xinfang.petition.Attr;
import org.xinfang.petition.Attributes;
import org.xinfang.petition.Event;
import org.xinfang.petition.EventType;
import org.xinfang.petition.Person;
import org.xinfang.petition.Kind;
import org.xinfang.petition.Petition;
import org.xinfang.petition.Petitioner;
import org.xinfang.petition.Status;

/**
 * Every clock against dates computed by hand. The calendar is the State Council's 2025 notice
 * (国办发明电〔2024〕12号): National Day and Mid-Autumn 10-01..10-08 off, Sunday 09-28 and Saturday 10-11
 * worked; Spring Festival 01-28..02-04 off, Sunday 01-26 and Saturday 02-08 worked; Labour Day
 * 05-01..05-05 off, Sunday 04-27 worked.
 */
class DeadlinesTest {
    static final HolidayCalendar Y2025;

    static {
        try {
            Y2025 = HolidayCalendar.parse(new StringReader("""
                    date,type,name
                    2025-01-01,HOLIDAY,元旦
                    2025-01-26,WORKDAY,春节调休
                    2025-01-28,HOLIDAY,春节
                    2025-01-29,HOLIDAY,春节
                    2025-01-30,HOLIDAY,春节
                    2025-01-31,HOLIDAY,春节
                    2025-02-01,HOLIDAY,春节
                    2025-02-02,HOLIDAY,春节
                    2025-02-03,HOLIDAY,春节
                    2025-02-04,HOLIDAY,春节
                    2025-02-08,WORKDAY,春节调休
                    2025-04-27,WORKDAY,劳动节调休
                    2025-05-01,HOLIDAY,劳动节
                    2025-05-02,HOLIDAY,劳动节
                    2025-05-03,HOLIDAY,劳动节
                    2025-05-04,HOLIDAY,劳动节
                    2025-05-05,HOLIDAY,劳动节
                    2025-09-28,WORKDAY,国庆节调休
                    2025-10-01,HOLIDAY,国庆节、中秋节
                    2025-10-02,HOLIDAY,国庆节、中秋节
                    2025-10-03,HOLIDAY,国庆节、中秋节
                    2025-10-04,HOLIDAY,国庆节、中秋节
                    2025-10-05,HOLIDAY,国庆节、中秋节
                    2025-10-06,HOLIDAY,国庆节、中秋节
                    2025-10-07,HOLIDAY,国庆节、中秋节
                    2025-10-08,HOLIDAY,国庆节、中秋节
                    2025-10-11,WORKDAY,国庆节调休
                    """));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0} + {1} calendar days -> {2}")
    @CsvSource({
        // day 1 is the day after the event; an ordinary weekday end
        "2025-03-03, 15, 2025-03-18",
        // ends on Saturday 2025-03-22: moves to Monday 03-24 (民法典 Art. 203)
        "2025-03-07, 15, 2025-03-24",
        // ends on 2025-10-01 inside National Day: moves to the first working day after it, Thursday 10-09
        "2025-09-16, 15, 2025-10-09",
        // ends on Sunday 2025-09-28, a make-up working day: stays
        "2025-09-13, 15, 2025-09-28",
        // 60-day handling across National Day, ends on an ordinary day
        "2025-09-01, 60, 2025-10-31",
        // ends on Saturday 2025-10-11, a make-up working day: stays
        "2025-09-11, 30, 2025-10-11",
        // ends during Spring Festival 2025-02-01: moves to Wednesday 02-05
        "2025-01-17, 15, 2025-02-05",
    })
    void calendarDayPeriods(LocalDate start, int days, LocalDate due) {
        assertEquals(due, Periods.calendarDays(start, days, Y2025));
    }

    @ParameterizedTest(name = "{0} + {1} working days -> {2}")
    @CsvSource({
        // Mon 03-03: Tue..Mon skipping the weekend
        "2025-03-03, 5, 2025-03-10",
        // Fri 09-26: Sun 09-28 (make-up) counts, Mon 29, Tue 30, then the holiday, Thu 10-09, Fri 10-10
        "2025-09-26, 5, 2025-10-10",
        // Thu 09-30 style: Tue 09-30 -> 10-09, 10-10, Sat 10-11 (make-up), Mon 13, Tue 14
        "2025-09-30, 5, 2025-10-14",
        // through Spring Festival: Fri 01-24 -> Sun 01-26 (make-up), Mon 27, Wed 02-05, Thu 06, Fri 07
        "2025-01-24, 5, 2025-02-07",
    })
    void workingDayPeriods(LocalDate start, int days, LocalDate due) {
        assertEquals(due, Periods.workingDays(start, days, Y2025));
    }

    // --- clocks derived from a timeline ----------------------------------------------------------

    private static Petition caseWith(LocalDate received, Object... typeAndDate) {
        return caseOf(Kind.CLAIM, received, typeAndDate);
    }

    /**
     * A case of unit U with these steps, each "type", "date[ more]": an extension's days ("2025-04-20 30"),
     * a delivery's document and day ("2025-05-06 DECIDED 2025-05-03"), a request's filing day
     * ("2025-06-10 2025-06-04").
     */
    private static Petition caseOf(Kind kind, LocalDate received, Object... typeAndDate) {
        List<Event> timeline = new ArrayList<>();
        Person clerk = new Person("clerk", "李娜", "登记员");
        timeline.add(new Event(1, "U#1", received.atTime(10, 0).atZone(Deadlines.ZONE).toInstant(), EventType.REGISTERED,
                clerk, "U", "U", Attributes.NONE, null));
        for (int i = 0; i < typeAndDate.length; i += 2) {
            EventType type = EventType.valueOf((String) typeAndDate[i]);
            // "2025-04-20 30": the date, and for an extension its days
            String[] parts = ((String) typeAndDate[i + 1]).split(" ", 2);
            Attributes attrs = switch (type) {
                case EXTENDED -> Attributes.builder().put(Attr.DAYS, Integer.valueOf(parts[1]))
                        .put(Attr.REASON, "需要补充调查").build();
                case DELIVERED -> {
                    String[] doc = parts[1].split(" ");
                    yield Attributes.builder().put(Attr.DOCUMENT, EventType.valueOf(doc[0]))
                            .put(Attr.DELIVERED_ON, LocalDate.parse(doc[1]))
                            .put(Attr.WAY, org.xinfang.petition.DeliveryWay.POST).build();
                }
                case REVIEW_REQUESTED, REREVIEW_REQUESTED -> parts.length > 1 ? Attributes.builder()
                        .put(Attr.REASON, "不服").put(Attr.FILED_ON, LocalDate.parse(parts[1])).build() : Attributes.NONE;
                default -> Attributes.NONE;
            };
            timeline.add(new Event(timeline.size() + 1, "U#" + (timeline.size() + 1), LocalDateTime.parse(parts[0]
                    + "T15:00").atZone(Deadlines.ZONE).toInstant(), type, clerk, "U", "U", attrs, null));
        }
        return new Petition("U-1", "TRK", kind, Channel.LETTER, "主题", "内容", null, null, received, 1,
                List.of(new Petitioner("张三", null, null, null)), "U", "U", Status.REGISTERED,
                received.atStartOfDay(Deadlines.ZONE).toInstant(), timeline);
    }

    private static Deadline clock(List<Deadline> all, Step step) {
        return all.stream().filter(d -> d.step() == step).findFirst().orElseThrow(() -> new AssertionError(step));
    }

    @Test
    void triageRunsFromTheReceiptDateEnteredByTheClerk() {
        // a letter received on 09-16 and registered days later: the clock counts from 09-16
        Petition p = caseWith(LocalDate.of(2025, 9, 16));
        List<Deadline> all = Deadlines.of(p, Y2025, LocalDate.of(2025, 9, 20));
        Deadline triage = clock(all, Step.TRIAGE);
        assertEquals(LocalDate.of(2025, 10, 9), triage.due());
        assertEquals(Deadline.State.RUNNING, triage.state());
        assertEquals(19, triage.daysRemaining());
        assertEquals(Step.TRIAGE, Deadlines.active(all).orElseThrow().step());
        assertEquals(Deadline.State.MISSED, clock(Deadlines.of(p, Y2025, LocalDate.of(2025, 10, 10)), Step.TRIAGE)
                .state());
    }

    @Test
    void assignmentStartsNoticeAndObjectionAndAcceptanceStartsHandling() {
        // received 09-12: triage due 09-27, a Saturday, so Sunday 09-28, a make-up working day
        Petition p = caseWith(LocalDate.of(2025, 9, 12), "ASSIGNED", "2025-09-26", "ACCEPTED", "2025-09-30");
        List<Deadline> all = Deadlines.of(p, Y2025, LocalDate.of(2025, 10, 2));
        assertEquals(LocalDate.of(2025, 9, 28), clock(all, Step.TRIAGE).due());
        assertEquals(Deadline.State.MET, clock(all, Step.TRIAGE).state());
        assertEquals(LocalDate.of(2025, 10, 11), clock(all, Step.NOTICE).due());
        assertEquals(Deadline.State.MET, clock(all, Step.NOTICE).state());
        assertEquals(LocalDate.of(2025, 10, 10), clock(all, Step.OBJECTION).due());
        Deadline handling = clock(all, Step.HANDLING);
        assertEquals(LocalDate.of(2025, 11, 29).plusDays(2), handling.due()); // 11-29 is a Saturday -> Mon 12-01
        assertEquals(Step.HANDLING, Deadlines.active(all).orElseThrow().step());
    }

    @Test
    void anApprovedExtensionAddsItsDaysOnce() {
        Petition p = caseWith(LocalDate.of(2025, 3, 1), "ASSIGNED", "2025-03-03", "ACCEPTED", "2025-03-05",
                "EXTENDED", "2025-04-20 30");
        Deadline handling = clock(Deadlines.of(p, Y2025, LocalDate.of(2025, 4, 21)), Step.HANDLING);
        // 03-05 + 90 days = 06-03 (Tuesday)
        assertEquals(LocalDate.of(2025, 6, 3), handling.due());
        assertEquals(30, handling.extendedDays());
    }

    @Test
    void aDecisionMeetsHandlingAndTheReviewWindowRunsFromItsDelivery() {
        Petition decided = caseWith(LocalDate.of(2025, 3, 1), "ASSIGNED", "2025-03-03", "ACCEPTED", "2025-03-05",
                "DECIDED", "2025-04-28");
        List<Deadline> before = Deadlines.of(decided, Y2025, LocalDate.of(2025, 4, 29));
        assertEquals(Deadline.State.MET, clock(before, Step.HANDLING).state());
        // R2022 Art. 35: 自收到书面答复之日起30日内 — no window runs before the petitioner has the answer
        assertTrue(before.stream().noneMatch(d -> d.step() == Step.REVIEW_REQUEST), before.toString());
        // signed 04-28, posted, received Tuesday 05-06 (recorded on 05-08): 05-06 + 30 = Thursday 06-05,
        // not the 05-28 the decision day would give
        Petition delivered = caseWith(LocalDate.of(2025, 3, 1), "ASSIGNED", "2025-03-03", "ACCEPTED", "2025-03-05",
                "DECIDED", "2025-04-28", "DELIVERED", "2025-05-08 DECIDED 2025-05-06");
        List<Deadline> all = Deadlines.of(delivered, Y2025, LocalDate.of(2025, 5, 29));
        Deadline window = clock(all, Step.REVIEW_REQUEST);
        assertEquals(LocalDate.of(2025, 5, 6), window.start());
        assertEquals(LocalDate.of(2025, 6, 5), window.due());
        assertEquals(Deadline.State.RUNNING, window.state());
        assertEquals(Step.Party.PETITIONER, window.step().party());
        assertTrue(Deadlines.active(all).isEmpty(), "no organ owes anything while the petitioner decides");
    }

    @Test
    void aReviewRequestCountsFromTheDayThePetitionerFiledIt() {
        // window 05-06 .. 06-05; filed Wednesday 06-04, typed in on 06-10: in time, and the review's 30 days run
        // from 06-04 to Friday 07-04
        Petition p = caseWith(LocalDate.of(2025, 3, 1), "ASSIGNED", "2025-03-03", "ACCEPTED", "2025-03-05",
                "DECIDED", "2025-04-28", "DELIVERED", "2025-05-08 DECIDED 2025-05-06",
                "REVIEW_REQUESTED", "2025-06-10 2025-06-04");
        List<Deadline> all = Deadlines.of(p, Y2025, LocalDate.of(2025, 6, 10));
        Deadline window = clock(all, Step.REVIEW_REQUEST);
        assertEquals(Deadline.State.MET, window.state());
        assertEquals(LocalDate.of(2025, 6, 4), window.metOn());
        Deadline review = clock(all, Step.REVIEW);
        assertEquals(LocalDate.of(2025, 6, 4), review.start());
        assertEquals(LocalDate.of(2025, 7, 4), review.due());
        // the re-review window waits for the review's delivery in the same way
        Petition reviewed = caseWith(LocalDate.of(2025, 3, 1), "ASSIGNED", "2025-03-03", "ACCEPTED", "2025-03-05",
                "DECIDED", "2025-04-28", "DELIVERED", "2025-05-08 DECIDED 2025-05-06",
                "REVIEW_REQUESTED", "2025-06-10 2025-06-04", "REVIEWED", "2025-07-01",
                "DELIVERED", "2025-07-03 REVIEWED 2025-07-02");
        // 07-02 + 30 = Friday 08-01
        assertEquals(LocalDate.of(2025, 8, 1), clock(Deadlines.of(reviewed, Y2025, LocalDate.of(2025, 7, 3)),
                Step.REREVIEW_REQUEST).due());
    }

    /** U decides matters itself (a department, a township): it accepts what it receives. */
    private static final Hierarchy U_COMPETENT = new Hierarchy() {
        @Override
        public boolean isWithin(String code, String ancestor) {
            return code.equals(ancestor);
        }

        @Override
        public java.util.Optional<String> childCodeToward(String from, String target) {
            return java.util.Optional.empty();
        }
    };

    @Test
    void aCompetentUnitThatReceivesAPetitionDirectlyHasItsNoticeClockFromReceiptAndNoTriageClock() {
        // received Monday 03-03 at the unit itself: R2022 Art. 23, 15 days -> Tuesday 03-18; Art. 22 (the
        // petition office's triage) does not apply
        Petition received = caseWith(LocalDate.of(2025, 3, 3));
        List<Deadline> waiting = Deadlines.of(received, Y2025, LocalDate.of(2025, 3, 5), U_COMPETENT);
        assertTrue(waiting.stream().noneMatch(d -> d.step() == Step.TRIAGE), waiting.toString());
        assertEquals(LocalDate.of(2025, 3, 18), clock(waiting, Step.NOTICE).due());
        assertEquals(Step.NOTICE, Deadlines.active(waiting).orElseThrow().step());
        // accepted directly on 03-10: notice met, handling 03-10 + 60 = Friday 05-09
        Petition accepted = caseWith(LocalDate.of(2025, 3, 3), "ACCEPTED", "2025-03-10");
        List<Deadline> all = Deadlines.of(accepted, Y2025, LocalDate.of(2025, 3, 11), U_COMPETENT);
        assertEquals(Deadline.State.MET, clock(all, Step.NOTICE).state());
        assertEquals(LocalDate.of(2025, 5, 9), clock(all, Step.HANDLING).due());
        // a petition office (or a village) that receives it has the triage clock instead, as before
        assertEquals(LocalDate.of(2025, 3, 18), clock(Deadlines.of(received, Y2025, LocalDate.of(2025, 3, 5)),
                Step.TRIAGE).due());
    }

    @Test
    void theAssigneesDaysRunFromItsReceiptNotFromTheSending() {
        // assigned Monday 03-03, received (签收) Thursday 03-06
        Petition sent = caseWith(LocalDate.of(2025, 3, 1), "ASSIGNED", "2025-03-03");
        List<Deadline> unreceived = Deadlines.of(sent, Y2025, LocalDate.of(2025, 3, 4));
        assertEquals(LocalDate.of(2025, 3, 18), clock(unreceived, Step.NOTICE).due());
        assertEquals(LocalDate.of(2025, 3, 10), clock(unreceived, Step.OBJECTION).due());
        Petition received = caseWith(LocalDate.of(2025, 3, 1), "ASSIGNED", "2025-03-03", "RECEIVED", "2025-03-06");
        List<Deadline> all = Deadlines.of(received, Y2025, LocalDate.of(2025, 3, 7));
        // 03-06 + 15 = Friday 03-21; 5 working days: Fri 07, Mon 10, Tue 11, Wed 12, Thu 13
        assertEquals(LocalDate.of(2025, 3, 21), clock(all, Step.NOTICE).due());
        assertEquals(LocalDate.of(2025, 3, 13), clock(all, Step.OBJECTION).due());
        // the triage clock was met by the assignment, whenever it arrived
        assertEquals(LocalDate.of(2025, 3, 3), clock(all, Step.TRIAGE).metOn());
    }

    @Test
    void aSuggestionHasNoHandlingClockAndNoReviewPath() {
        // R2022 Art. 29: studied and answered; Art. 34's 60 days and Art. 35's review follow a 信访处理意见书
        Petition p = caseOf(Kind.SUGGESTION, LocalDate.of(2025, 3, 1), "ASSIGNED", "2025-03-03", "ACCEPTED",
                "2025-03-05", "REPLIED", "2025-03-20", "DELIVERED", "2025-03-21 REPLIED 2025-03-21");
        List<Deadline> all = Deadlines.of(p, Y2025, LocalDate.of(2025, 6, 1));
        assertTrue(all.stream().noneMatch(d -> d.step() == Step.HANDLING || d.step() == Step.REVIEW_REQUEST),
                all.toString());
        assertTrue(Deadlines.active(all).isEmpty());
    }

    @Test
    void aLateDecisionIsRecordedAsMissed() {
        Petition p = caseWith(LocalDate.of(2025, 3, 1), "ASSIGNED", "2025-03-03", "ACCEPTED", "2025-03-05",
                "DECIDED", "2025-05-07");
        Deadline handling = clock(Deadlines.of(p, Y2025, LocalDate.of(2025, 5, 8)), Step.HANDLING);
        // 03-05 + 60 = Sunday 05-04, inside Labour Day: the first working day after it is Tuesday 05-06
        assertEquals(LocalDate.of(2025, 5, 6), handling.due());
        assertEquals(Deadline.State.MISSED, handling.state());
        assertEquals(LocalDate.of(2025, 5, 7), handling.metOn());
    }

    @Test
    void hearingTimeDoesNotCountAgainstTheReReview() {
        Petition p = caseWith(LocalDate.of(2025, 1, 2), "ASSIGNED", "2025-01-03", "ACCEPTED", "2025-01-06",
                "DECIDED", "2025-02-10", "REVIEW_REQUESTED", "2025-02-20", "REVIEWED", "2025-03-10",
                "REREVIEW_REQUESTED", "2025-03-20", "HEARING_STARTED", "2025-04-01", "HEARING_ENDED", "2025-04-11");
        Deadline rereview = clock(Deadlines.of(p, Y2025, LocalDate.of(2025, 4, 12)), Step.REREVIEW);
        // the hearing took 04-01..04-11, 11 days, which do not count: 03-20 + 30 + 11 = 04-30, a Wednesday.
        // (Adding the days after rolling 04-19 to 04-21 gave 05-01, a public holiday.)
        assertEquals(11, rereview.pausedDays());
        assertEquals(LocalDate.of(2025, 4, 30), rereview.due());
        assertEquals(Deadline.State.RUNNING, rereview.state());
        Petition inHearing = caseWith(LocalDate.of(2025, 1, 2), "REREVIEW_REQUESTED", "2025-03-20",
                "HEARING_STARTED", "2025-04-01");
        assertEquals(Deadline.State.PAUSED,
                clock(Deadlines.of(inHearing, Y2025, LocalDate.of(2025, 4, 5)), Step.REREVIEW).state());
    }

    @Test
    void anObjectionEndsTheNoticeClockAndAReassignmentRestartsBoth() {
        Petition p = caseWith(LocalDate.of(2025, 3, 1), "ASSIGNED", "2025-03-03", "OBJECTED", "2025-03-05",
                "ASSIGNED", "2025-03-07");
        List<Deadline> all = Deadlines.of(p, Y2025, LocalDate.of(2025, 3, 8));
        assertEquals(LocalDate.of(2025, 3, 7), clock(all, Step.NOTICE).start());
        assertEquals(LocalDate.of(2025, 3, 14), clock(all, Step.OBJECTION).due());
    }

    @Test
    void aMalformedCalendarLineIsNamed() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> HolidayCalendar.parse(new StringReader("2025-10-01,HOLIDAY\n2025-13-01,HOLIDAY\n")));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    /** R2022 Art. 36: the hearing lengthens the period; the end is rolled over rest days afterwards. */
    @ParameterizedTest(name = "re-review asked {0}, hearing {1}..{2}, on {3}: due {4}, {5} days paused")
    @CsvSource({
        // 03-03 + 30 = 04-02; a hearing Friday 03-07 to Monday 03-10 (4 days): 04-06, a Sunday in Qingming
        // (2025-04-04..06 off), so Monday 04-07. Adding after the roll gave Saturday 04-05.
        "2025-03-03, 2025-03-07, 2025-03-10, 2025-03-20, 2025-04-07, 4, RUNNING",
        // a one-day hearing pauses that day: 03-03 + 31 = Thursday 04-03
        "2025-03-03, 2025-03-05, 2025-03-05, 2025-03-20, 2025-04-03, 1, RUNNING",
        // still in the hearing on 03-07 (03-05..03-07, 3 days so far): 33 days, Saturday 04-05 -> Monday 04-07
        "2025-03-03, 2025-03-05, , 2025-03-07, 2025-04-07, 3, PAUSED",
    })
    void hearingDaysLengthenThePeriodBeforeItsEndIsRolled(LocalDate asked, LocalDate from, LocalDate to, LocalDate today,
            LocalDate due, int paused, Deadline.State state) {
        Petition p = to == null
                ? caseWith(LocalDate.of(2025, 1, 2), "REREVIEW_REQUESTED", asked.toString(), "HEARING_STARTED", from.toString())
                : caseWith(LocalDate.of(2025, 1, 2), "REREVIEW_REQUESTED", asked.toString(), "HEARING_STARTED", from.toString(),
                        "HEARING_ENDED", to.toString());
        Deadline rereview = clock(Deadlines.of(p, Y2025, today), Step.REREVIEW);
        assertEquals(due, rereview.due());
        assertEquals(paused, rereview.pausedDays());
        assertEquals(state, rereview.state());
    }

    /** R2022 Art. 34: an extension recorded after the period lapsed moves nothing; the lapse stays. */
    @Test
    void anExtensionRecordedOneDayAfterTheLapseLeavesTheClockMissed() {
        // accepted 03-05: 60 days end Sunday 05-04 in Labour Day, so Tuesday 05-06
        Petition late = caseWith(LocalDate.of(2025, 3, 1), "ASSIGNED", "2025-03-03", "ACCEPTED", "2025-03-05",
                "EXTENDED", "2025-05-07 30", "DECIDED", "2025-05-20");
        Deadline handling = clock(Deadlines.of(late, Y2025, LocalDate.of(2025, 5, 21)), Step.HANDLING);
        assertEquals(LocalDate.of(2025, 5, 6), handling.due());
        assertEquals(0, handling.extendedDays());
        assertEquals(Deadline.State.MISSED, handling.state());
        Petition onTheLastDay = caseWith(LocalDate.of(2025, 3, 1), "ASSIGNED", "2025-03-03", "ACCEPTED", "2025-03-05",
                "EXTENDED", "2025-05-06 30", "DECIDED", "2025-05-20");
        Deadline extended = clock(Deadlines.of(onTheLastDay, Y2025, LocalDate.of(2025, 5, 21)), Step.HANDLING);
        assertEquals(LocalDate.of(2025, 6, 3), extended.due(), "on the last day it still extends: 90 days, 06-03");
        assertEquals(Deadline.State.MET, extended.state());
    }

    /** A year without its notice has its statutory holidays, and a due day resting on it is provisional. */
    @ParameterizedTest(name = "{0} + {1} days: {2}")
    @CsvSource({
        // received 2026-12-20: 15 days end Monday 2027-01-04 (01-01 元旦 is statutory; 01-02/03 a weekend)
        "2026-12-20, 2027-01-04",
        // received 2027-01-21: 15 days end Friday 02-05, 除夕 (2024 text: 春节 除夕..初三, 02-05..02-08);
        // Saturday, Sunday, Monday 02-08 (初三) follow: Tuesday 02-09
        "2027-01-21, 2027-02-09",
        // received 2027-09-16: 15 days end Friday 10-01, 国庆节 10-01..10-03, then a weekend: Monday 10-04
        "2027-09-16, 2027-10-04",
    })
    void aClockInAYearWithoutItsNoticeCountsTheStatutoryHolidaysAndIsProvisional(LocalDate received, LocalDate due) {
        Deadline triage = clock(Deadlines.of(caseWith(received), Y2025, received), Step.TRIAGE);
        assertEquals(due, triage.due());
        assertTrue(triage.provisional(), "no 2027 notice is loaded");
        Deadline in2025 = clock(Deadlines.of(caseWith(LocalDate.of(2025, 9, 16)), Y2025, LocalDate.of(2025, 9, 16)),
                Step.TRIAGE);
        assertEquals(LocalDate.of(2025, 10, 9), in2025.due());
        org.junit.jupiter.api.Assertions.assertFalse(in2025.provisional(), "the 2025 notice is loaded");
    }

    /**
     * R2022 Art. 23(3): the objection limit is a window. Assigned Monday 03-03: it closes on Monday 03-10
     * (5 working days) and is then closed, not missed; the unit owes its acceptance notice (03-18).
     */
    @Test
    void theObjectionWindowClosesWithoutAnOffenceAndAnObjectionWaitsWithTheOffice() {
        Petition assigned = caseWith(LocalDate.of(2025, 3, 1), "ASSIGNED", "2025-03-03");
        List<Deadline> all = Deadlines.of(assigned, Y2025, LocalDate.of(2025, 3, 11));
        assertEquals(LocalDate.of(2025, 3, 10), clock(all, Step.OBJECTION).due());
        assertEquals(Deadline.State.CLOSED, clock(all, Step.OBJECTION).state());
        assertEquals(Step.NOTICE, Deadlines.active(all).orElseThrow().step());
        assertEquals(LocalDate.of(2025, 3, 18), Deadlines.active(all).orElseThrow().due());

        Petition objected = caseWith(LocalDate.of(2025, 3, 1), "ASSIGNED", "2025-03-03", "OBJECTED", "2025-03-05");
        Deadline reroute = Deadlines.active(Deadlines.of(objected, Y2025, LocalDate.of(2025, 3, 6))).orElseThrow();
        assertEquals(Step.REROUTE, reroute.step(), "the office owes a decision on the objection");
        assertEquals(LocalDate.of(2025, 3, 20), reroute.due());

        Petition declined = caseWith(LocalDate.of(2025, 3, 1), "ASSIGNED", "2025-03-03", "OBJECTED", "2025-03-05",
                "OBJECTION_DECLINED", "2025-03-07");
        List<Deadline> after = Deadlines.of(declined, Y2025, LocalDate.of(2025, 3, 8));
        assertEquals(Deadline.State.MET, clock(after, Step.REROUTE).state());
        // the unit has the case again: 15 days from 03-07 end Saturday 03-22, so Monday 03-24
        assertEquals(LocalDate.of(2025, 3, 24), Deadlines.active(after).orElseThrow().due());
    }
}
