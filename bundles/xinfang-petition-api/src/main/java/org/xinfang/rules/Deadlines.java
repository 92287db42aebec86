package org.xinfang.rules;

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
 *   <li>TRIAGE starts at receipt ({@code receivedAt}); met by ASSIGNED, REDIRECTED or NOT_ACCEPTED.</li>
 *   <li>NOTICE and OBJECTION start at the latest ASSIGNED; met by ACCEPTED (OBJECTED meets OBJECTION,
 *       and ends NOTICE: the case goes back for triage).</li>
 *   <li>HANDLING starts at ACCEPTED; EXTENDED adds its days; met by DECIDED or MEDIATED.</li>
 *   <li>REVIEW_REQUEST starts at DECIDED, met by REVIEW_REQUESTED, which starts REVIEW, met by REVIEWED.</li>
 *   <li>REREVIEW_REQUEST starts at REVIEWED, met by REREVIEW_REQUESTED, which starts REREVIEW, met by
 *       REREVIEWED; HEARING_STARTED to HEARING_ENDED does not count.</li>
 *   <li>SUPERVISION starts at SUPERVISED (the latest), met by SUPERVISION_ANSWERED.</li>
 * </ul>
 */
public final class Deadlines {
    /** Statutory days are counted on the office's calendar. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private Deadlines() {
    }

    private static final class Clock {
        LocalDate start;
        LocalDate met;
        boolean ended;
        int extended;
        int paused;
        LocalDate pauseStart;

        Clock(LocalDate start) {
            this.start = start;
        }
    }

    /** Every clock the case has started, in statutory order. */
    public static List<Deadline> of(Petition p, HolidayCalendar calendar, LocalDate today) {
        Map<Step, Clock> clocks = new EnumMap<>(Step.class);
        clocks.put(Step.TRIAGE, new Clock(p.receivedAt()));
        for (Event e : p.timeline()) {
            LocalDate day = LocalDate.ofInstant(e.at(), ZONE);
            switch (e.type()) {
                case ASSIGNED -> {
                    meet(clocks, Step.TRIAGE, day);
                    clocks.put(Step.NOTICE, new Clock(day));
                    clocks.put(Step.OBJECTION, new Clock(day));
                }
                case REDIRECTED, NOT_ACCEPTED, LINKED -> meet(clocks, Step.TRIAGE, day);
                case ACCEPTED -> {
                    meet(clocks, Step.NOTICE, day);
                    meet(clocks, Step.OBJECTION, day);
                    clocks.put(Step.HANDLING, new Clock(day));
                }
                case OBJECTED -> {
                    meet(clocks, Step.OBJECTION, day);
                    end(clocks, Step.NOTICE);
                }
                case EXTENDED -> {
                    Clock handling = clocks.get(Step.HANDLING);
                    if (handling != null) {
                        handling.extended += e.attrs().has(Attr.DAYS) ? e.attrs().get(Attr.DAYS) : 0;
                    }
                }
                case DECIDED, MEDIATED -> {
                    meet(clocks, Step.HANDLING, day);
                    if (e.type() == org.xinfang.petition.EventType.DECIDED) {
                        clocks.put(Step.REVIEW_REQUEST, new Clock(day));
                    }
                }
                case REVIEW_REQUESTED -> {
                    meet(clocks, Step.REVIEW_REQUEST, day);
                    clocks.put(Step.REVIEW, new Clock(day));
                }
                case REVIEWED -> {
                    meet(clocks, Step.REVIEW, day);
                    clocks.put(Step.REREVIEW_REQUEST, new Clock(day));
                }
                case REREVIEW_REQUESTED -> {
                    meet(clocks, Step.REREVIEW_REQUEST, day);
                    clocks.put(Step.REREVIEW, new Clock(day));
                }
                case HEARING_STARTED -> {
                    Clock c = clocks.get(Step.REREVIEW);
                    if (c != null && c.met == null && c.pauseStart == null) {
                        c.pauseStart = day;
                    }
                }
                case HEARING_ENDED -> {
                    Clock c = clocks.get(Step.REREVIEW);
                    if (c != null && c.pauseStart != null) {
                        c.paused += (int) ChronoUnit.DAYS.between(c.pauseStart, day); // R2022 Art. 36
                        c.pauseStart = null;
                    }
                }
                case REREVIEWED -> meet(clocks, Step.REREVIEW, day);
                case SUPERVISED -> clocks.put(Step.SUPERVISION, new Clock(day));
                case SUPERVISION_ANSWERED -> meet(clocks, Step.SUPERVISION, day);
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
            int openPause = c.pauseStart == null ? 0 : (int) ChronoUnit.DAYS.between(c.pauseStart, today);
            int length = step.length() + c.extended;
            LocalDate due = step.dayKind() == Step.DayKind.WORKING ? Periods.workingDays(c.start, length, calendar)
                    : Periods.calendarDays(c.start, length, calendar);
            due = due.plusDays(c.paused + openPause);
            Deadline.State state;
            if (c.met != null) {
                state = c.met.isAfter(due) ? Deadline.State.MISSED : Deadline.State.MET;
            } else if (c.pauseStart != null) {
                state = Deadline.State.PAUSED;
            } else {
                state = today.isAfter(due) ? Deadline.State.MISSED : Deadline.State.RUNNING;
            }
            list.add(new Deadline(step, c.start, due, state, c.paused + openPause, c.extended,
                    ChronoUnit.DAYS.between(today, due), c.met));
        }
        return list;
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
