package org.xinfang.rules;

import org.xinfang.petition.Hierarchy;
import org.xinfang.petition.Step;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.xinfang.petition.Attr;
import org.xinfang.petition.Event;
import org.xinfang.petition.Petition;

/**
 * The clocks of a case, derived from its timeline. Nothing about deadlines is stored: every node that
 * holds the same timeline and calendar computes the same deadlines.
 *
 * <p>Which events start and stop which clock:
 * <ul>
 *   <li>A case registered by a competent organ (有权处理的机关) starts NOTICE at receipt ({@code receivedAt}):
 *       it decides on acceptance itself (R2022 Art. 23). A case registered anywhere else starts TRIAGE at
 *       receipt, the petition office's 15 days (Art. 22). Either is met by ASSIGNED, REDIRECTED,
 *       NOT_ACCEPTED or LINKED; NOTICE by ACCEPTED too.</li>
 *   <li>NOTICE and OBJECTION start at the latest ASSIGNED and start again at its RECEIVED (签收: 自收到之日起);
 *       met by ACCEPTED. OBJECTION is a window, not a duty. OBJECTED ends NOTICE and starts REROUTE for the
 *       assigning office, met when it re-routes the case or declines the objection (OBJECTION_DECLINED,
 *       which starts NOTICE again).</li>
 *   <li>HANDLING starts at ACCEPTED of a claim (申诉求决, Art. 34 concerns the matters of Art. 31(6) that end in
 *       a 信访处理意见书); EXTENDED adds its days if recorded before the period lapsed; met by DECIDED or
 *       MEDIATED. A suggestion (建议意见, Art. 29) or an accusation (Art. 30) has no handling clock here.</li>
 *   <li>REVIEW_REQUEST starts at the delivery of the decision (DELIVERED, its {@code deliveredOn}: 自收到书面答复
 *       之日起, Art. 35), met by REVIEW_REQUESTED on the day it was filed ({@code filedOn}), which starts
 *       REVIEW, met by REVIEWED. No window runs before the delivery is recorded.</li>
 *   <li>REREVIEW_REQUEST starts at the delivery of the review, met by REREVIEW_REQUESTED (filed), which
 *       starts REREVIEW, met by REREVIEWED; the days from HEARING_STARTED to HEARING_ENDED (both counted)
 *       lengthen it.</li>
 *   <li>SUPERVISION starts at SUPERVISED (the latest), due on the day the notice states, met by
 *       SUPERVISION_ANSWERED.</li>
 *   <li>A case imported from the office's old register (its REGISTERED names the import) has no clocks: it
 *       was handled under clocks this system never kept, and is closed as it is imported.</li>
 * </ul>
 */
public final class Deadlines {
    /** Statutory days are counted on the office's calendar ({@link Step#ZONE}). */
    public static final ZoneId ZONE = Step.ZONE;

    private Deadlines() {
    }

    /** Whether the case was imported from the office's old register: it has no clocks here. */
    public static boolean imported(Petition p) {
        return !p.timeline().isEmpty() && p.timeline().get(0).attrs().has(Attr.IMPORTED_FROM);
    }

    private static final class Clock {
        LocalDate start;
        LocalDate met;
        boolean ended;
        int extended;
        int paused;
        LocalDate pauseStart;
        /** The due day a notice fixed (a supervision notice's answer day), or null: counted from start. */
        LocalDate fixedDue;

        Clock(LocalDate start) {
            this.start = start;
        }
    }

    /**
     * Every clock the case has started, in statutory order, for a case registered by a unit that routes
     * (a petition office or a village): the triage clock runs from receipt.
     */
    public static List<Deadline> of(Petition p, HolidayCalendar calendar, LocalDate today) {
        return of(p, calendar, today, new Hierarchy() {
            @Override
            public boolean isWithin(String code, String ancestor) {
                return code.equals(ancestor);
            }

            @Override
            public boolean competent(String code) {
                return false;
            }

            @Override
            public Optional<String> childCodeToward(String from, String target) {
                return Optional.empty();
            }
        });
    }

    /** Every clock the case has started, in statutory order; {@code units} says who is competent. */
    public static List<Deadline> of(Petition p, HolidayCalendar calendar, LocalDate today, Hierarchy units) {
        if (imported(p)) {
            // handled before this system under its own clocks: nothing here can say when they ran
            return List.of();
        }
        Map<Step, Clock> clocks = new EnumMap<>(Step.class);
        // R2022 Art. 22 binds the petition office (信访部门); Art. 23 the organ competent to decide
        clocks.put(units.competent(p.registeredBy()) ? Step.NOTICE : Step.TRIAGE, new Clock(p.receivedAt()));
        boolean claim = p.kind() == null || p.kind() == org.xinfang.petition.Kind.CLAIM;
        boolean awaitingReceipt = false;
        for (Event e : p.timeline()) {
            LocalDate day = LocalDate.ofInstant(e.at(), ZONE);
            switch (e.type()) {
                case ASSIGNED -> {
                    meet(clocks, Step.TRIAGE, day);
                    meet(clocks, Step.REROUTE, day); // re-routing agrees with an objection
                    clocks.put(Step.NOTICE, new Clock(day));
                    clocks.put(Step.OBJECTION, new Clock(day));
                    awaitingReceipt = true;
                }
                case RECEIVED -> {
                    // R2022 Art. 23: 自收到之日起 — the assignee's days run from its receipt, not the sending
                    Clock notice = clocks.get(Step.NOTICE);
                    if (awaitingReceipt && notice != null && notice.met == null && day.isAfter(notice.start)) {
                        clocks.put(Step.NOTICE, new Clock(day));
                        clocks.put(Step.OBJECTION, new Clock(day));
                    }
                    awaitingReceipt = false;
                }
                case REDIRECTED, NOT_ACCEPTED, LINKED -> {
                    meet(clocks, Step.TRIAGE, day);
                    meet(clocks, Step.REROUTE, day);
                    meet(clocks, Step.NOTICE, day); // a competent organ's written answer on acceptance
                }
                case ACCEPTED -> {
                    meet(clocks, Step.NOTICE, day);
                    meet(clocks, Step.OBJECTION, day);
                    awaitingReceipt = false;
                    if (claim) {
                        clocks.put(Step.HANDLING, new Clock(day));
                    }
                }
                case OBJECTED -> {
                    awaitingReceipt = false;
                    meet(clocks, Step.OBJECTION, day);
                    end(clocks, Step.NOTICE);
                    clocks.put(Step.REROUTE, new Clock(day));
                }
                case OBJECTION_DECLINED -> {
                    meet(clocks, Step.REROUTE, day);
                    clocks.put(Step.NOTICE, new Clock(day)); // the unit has the case again: 15 days to accept
                }
                case EXTENDED -> {
                    Clock handling = clocks.get(Step.HANDLING);
                    // R2022 Art. 34: an extension is approved before the period ends; one recorded after the
                    // lapse does not move the due day, and the lapse stays in the record (Art. 45: 超期)
                    if (handling != null && handling.met == null && !day.isAfter(due(Step.HANDLING, handling, 0,
                            calendar))) {
                        handling.extended += e.attrs().has(Attr.DAYS) ? e.attrs().get(Attr.DAYS) : 0;
                    }
                }
                case DECIDED, MEDIATED -> meet(clocks, Step.HANDLING, day);
                case DELIVERED -> {
                    // R2022 Art. 35, 36: the petitioner's 30 days run from receiving the written answer
                    org.xinfang.petition.EventType doc = e.attrs().get(Attr.DOCUMENT);
                    Step window = doc == org.xinfang.petition.EventType.DECIDED ? Step.REVIEW_REQUEST
                            : doc == org.xinfang.petition.EventType.REVIEWED ? Step.REREVIEW_REQUEST : null;
                    if (window != null && !clocks.containsKey(window) && e.attrs().has(Attr.DELIVERED_ON)) {
                        clocks.put(window, new Clock(e.attrs().get(Attr.DELIVERED_ON)));
                    }
                }
                case REVIEW_REQUESTED -> {
                    LocalDate filed = e.attrs().has(Attr.FILED_ON) ? e.attrs().get(Attr.FILED_ON) : day;
                    meet(clocks, Step.REVIEW_REQUEST, filed);
                    clocks.put(Step.REVIEW, new Clock(filed));
                }
                case REVIEWED -> meet(clocks, Step.REVIEW, day);
                case REREVIEW_REQUESTED -> {
                    LocalDate filed = e.attrs().has(Attr.FILED_ON) ? e.attrs().get(Attr.FILED_ON) : day;
                    meet(clocks, Step.REREVIEW_REQUEST, filed);
                    clocks.put(Step.REREVIEW, new Clock(filed));
                }
                case HEARING_STARTED -> {
                    Clock c = clocks.get(Step.REREVIEW);
                    if (c != null && c.met == null && c.pauseStart == null) {
                        // the day of the request is not in the period (day 1 is the next day)
                        c.pauseStart = day.isAfter(c.start) ? day : c.start.plusDays(1);
                    }
                }
                case HEARING_ENDED -> {
                    Clock c = clocks.get(Step.REREVIEW);
                    if (c != null && c.pauseStart != null) {
                        c.paused += hearingDays(c.pauseStart, day); // R2022 Art. 36
                        c.pauseStart = null;
                    }
                }
                case REREVIEWED -> meet(clocks, Step.REREVIEW, day);
                case SUPERVISED -> {
                    Clock c = new Clock(day);
                    // the notice states the day the answer is due (the term in force where it was raised)
                    c.fixedDue = e.attrs().get(Attr.ANSWER_DUE);
                    clocks.put(Step.SUPERVISION, c);
                }
                case SUPERVISION_ANSWERED -> meet(clocks, Step.SUPERVISION, day);
                case SUPERVISION_RETURNED -> {
                    // the answer was not enough: a new one is due on the day the return states
                    Clock c = new Clock(day);
                    c.fixedDue = e.attrs().get(Attr.ANSWER_DUE);
                    clocks.put(Step.SUPERVISION, c);
                }
                case TERMINATED -> clocks.values().forEach(c -> c.ended = c.met == null || c.ended);
                default -> {
                    // events that move no clock
                }
            }
        }
        List<Deadline> list = new ArrayList<>();
        for (Map.Entry<Step, Clock> entry : clocks.entrySet()) {
            Step step = entry.getKey();
            Clock c = entry.getValue();
            if (c.ended && c.met == null) {
                continue;
            }
            int openPause = c.pauseStart == null ? 0 : hearingDays(c.pauseStart, today);
            LocalDate due = due(step, c, c.paused + openPause, calendar);
            Deadline.State state;
            if (c.met != null) {
                state = c.met.isAfter(due) ? Deadline.State.MISSED : Deadline.State.MET;
            } else if (c.pauseStart != null) {
                state = Deadline.State.PAUSED;
            } else if (!today.isAfter(due)) {
                state = Deadline.State.RUNNING;
            } else {
                state = step.party() == Step.Party.ORGAN ? Deadline.State.MISSED : Deadline.State.CLOSED;
            }
            list.add(new Deadline(step, c.start, due, state, c.paused + openPause, c.extended,
                    ChronoUnit.DAYS.between(today, due), c.met, provisional(c.start, due, calendar)));
        }
        return list;
    }

    /**
     * The last day of a clock: its length (and extension) counted from its start, the days a hearing took
     * added before the end is rolled over rest days (R2022 Art. 36: 听证所需时间不计算在前款规定的期限内; the
     * pause lengthens the period, 民法典 Art. 203 then moves an end that falls on a rest day).
     */
    private static LocalDate due(Step step, Clock c, int pausedDays, HolidayCalendar calendar) {
        if (c.fixedDue != null) {
            return c.fixedDue;
        }
        int length = step.length() + c.extended;
        return step.dayKind() == Step.DayKind.WORKING ? Periods.workingDays(c.start, length + pausedDays, calendar)
                : Periods.calendarDays(c.start, length + pausedDays, calendar);
    }

    /** The days a hearing from {@code first} to {@code last} takes, both counted: a one-day hearing pauses one day. */
    private static int hearingDays(LocalDate first, LocalDate last) {
        return last.isBefore(first) ? 0 : (int) ChronoUnit.DAYS.between(first, last) + 1;
    }

    /** Whether any year the clock runs through lacks its State Council notice. */
    private static boolean provisional(LocalDate start, LocalDate due, HolidayCalendar calendar) {
        for (int year = start.getYear(); year <= due.getYear(); year++) {
            if (!calendar.hasNotice(year)) {
                return true;
            }
        }
        return false;
    }

    /** The organ's clock still open (running, paused, or past due and not met), earliest due first. */
    public static Optional<Deadline> active(List<Deadline> deadlines) {
        return deadlines.stream()
                .filter(d -> d.step().party() == Step.Party.ORGAN && d.metOn() == null)
                .min((a, b) -> a.due().compareTo(b.due()));
    }

    private static void meet(Map<Step, Clock> clocks, Step step, LocalDate day) {
        Clock c = clocks.get(step);
        if (c != null && c.met == null && !c.ended) {
            c.met = day;
        }
    }

    private static void end(Map<Step, Clock> clocks, Step step) {
        Clock c = clocks.get(step);
        if (c != null && c.met == null) {
            c.ended = true;
        }
    }
}
