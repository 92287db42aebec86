package org.xinfang.rules;

import org.xinfang.petition.Hierarchy;
import org.xinfang.petition.Step;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.xinfang.petition.Attr;
import org.xinfang.petition.Channel;
import org.xinfang.petition.Event;
import org.xinfang.petition.Kind;
import org.xinfang.petition.Petition;
import org.xinfang.petition.Status;

/**
 * What the statistics count of one case, kept beside it and rewritten in the transaction of every change
 * to it, so that a figure over a million cases reads one narrow row per case instead of the case itself.
 * It holds nothing that depends on the day it is read: a clock still open keeps its due day, and whether
 * it has lapsed is decided when counting ({@link #missed}, {@link #overdue}). The due days do depend on the
 * holiday calendar: when the calendar changes, the facts of open cases are derived again.
 *
 * @param id the case
 * @param receivedOn the day it was received (the statistics' period counts this day)
 * @param kind its kind
 * @param status its status now
 * @param channel how it came in
 * @param category the category as registered (free text of older cases included; the list maps it)
 * @param owner the unit that holds it now
 * @param registeredBy the unit that registered it
 * @param headcount how many people came (5 or more is a mass visit)
 * @param repeated whether it was linked to an earlier case as a repeat (LINKED)
 * @param supervised whether it was ever supervised (SUPERVISED)
 * @param major whether it was ever flagged as a major matter (MAJOR_FLAGGED)
 * @param rating the petitioner's latest rating (a {@code Rating} name), or null
 * @param activeDue the due day of the organ clock the case waits on now (earliest, not paused), or null when
 *     the case is final or waits on no organ
 * @param clocks each organ clock the case started, where it stands
 */
public record CaseFact(String id, LocalDate receivedOn, Kind kind, Status status, Channel channel, String category,
        String owner, String registeredBy, int headcount, boolean repeated, boolean supervised, boolean major,
        String rating, LocalDate activeDue, Map<Step, Clock> clocks) {

    /** How many people make a mass visit (集体访): five or more (R2022 Art. 18). */
    public static final int MASS_VISIT = 5;

    public CaseFact {
        clocks = Collections.unmodifiableMap(clocks.isEmpty() ? new EnumMap<>(Step.class) : new EnumMap<>(clocks));
    }

    /** Where one organ clock stands, apart from the day. */
    public enum ClockState {
        /** Met on or before its due day. */
        MET('M'),
        /** Met after its due day (超期 stays in the record). */
        LATE('L'),
        /** Not met yet: lapsed once {@code due} is past. */
        OPEN('R'),
        /** Paused by a hearing: its due day moves with the pause. */
        PAUSED('P');

        private final char code;

        ClockState(char code) {
            this.code = code;
        }

        /** The one-letter code it is stored as. */
        public char code() {
            return code;
        }

        static ClockState of(char code) {
            for (ClockState s : values()) {
                if (s.code == code) {
                    return s;
                }
            }
            throw new IllegalArgumentException("no clock state " + code);
        }
    }

    /** One organ clock: its state and its due day (null while paused). */
    public record Clock(ClockState state, LocalDate due) {
    }

    /** Whether it is a mass visit. */
    public boolean massVisit() {
        return headcount >= MASS_VISIT;
    }

    /** Whether the clock of {@code step} was met in time. */
    public boolean met(Step step) {
        Clock c = clocks.get(step);
        return c != null && c.state() == ClockState.MET;
    }

    /** Whether the clock of {@code step} was missed as of {@code today}: met late, or open past its due day. */
    public boolean missed(Step step, LocalDate today) {
        Clock c = clocks.get(step);
        return c != null && (c.state() == ClockState.LATE
                || c.state() == ClockState.OPEN && today.isAfter(c.due()));
    }

    /** Whether the case is overdue on {@code today}: the clock it waits on is past its due day. */
    public boolean overdue(LocalDate today) {
        return activeDue != null && today.isAfter(activeDue);
    }

    /**
     * The facts of a case, from its timeline on this calendar and organisation tree: the same clocks as
     * {@link Deadlines#of(Petition, HolidayCalendar, LocalDate, Hierarchy)} computes, read without a day.
     */
    public static CaseFact of(Petition p, HolidayCalendar calendar, Hierarchy units) {
        Map<Step, Clock> clocks = new EnumMap<>(Step.class);
        LocalDate activeDue = null;
        // counted as on the day of receipt: nothing has lapsed yet, so every clock not met shows its due day
        for (Deadline d : Deadlines.of(p, calendar, p.receivedAt(), units)) {
            if (d.step().party() != Step.Party.ORGAN) {
                continue;
            }
            ClockState state;
            if (d.metOn() != null) {
                state = d.metOn().isAfter(d.due()) ? ClockState.LATE : ClockState.MET;
            } else if (d.state() == Deadline.State.PAUSED) {
                state = ClockState.PAUSED;
            } else {
                state = ClockState.OPEN;
                if (activeDue == null || d.due().isBefore(activeDue)) {
                    activeDue = d.due();
                }
            }
            clocks.put(d.step(), new Clock(state, state == ClockState.PAUSED ? null : d.due()));
        }
        if (p.status().closed()) {
            activeDue = null;
        }
        boolean repeated = false;
        boolean supervised = false;
        boolean major = false;
        String rating = null;
        for (Event e : p.timeline()) {
            switch (e.type()) {
                case LINKED -> repeated = true;
                case SUPERVISED -> supervised = true;
                case MAJOR_FLAGGED -> major = true;
                case RATED -> {
                    if (e.attrs().has(Attr.LEVEL)) {
                        rating = e.attrs().get(Attr.LEVEL).name();
                    }
                }
                default -> {
                    // counts nothing
                }
            }
        }
        return new CaseFact(p.id(), p.receivedAt(), p.kind(), p.status(), p.channel(), p.category(), p.owner(),
                p.registeredBy(), p.headcount(), repeated, supervised, major, rating, activeDue, clocks);
    }

    /** The clocks as stored: {@code STEP=Sdue} items joined by {@code ;} (due as yyyy-MM-dd, empty when paused). */
    public String clocksText() {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<Step, Clock> e : clocks.entrySet()) {
            if (b.length() > 0) {
                b.append(';');
            }
            b.append(e.getKey().name()).append('=').append(e.getValue().state().code());
            if (e.getValue().due() != null) {
                b.append(e.getValue().due());
            }
        }
        return b.toString();
    }

    /** The clocks read back from {@link #clocksText()}. */
    public static Map<Step, Clock> clocks(String text) {
        Map<Step, Clock> clocks = new EnumMap<>(Step.class);
        if (text == null || text.isEmpty()) {
            return clocks;
        }
        for (String item : text.split(";")) {
            int eq = item.indexOf('=');
            Step step = Step.valueOf(item.substring(0, eq));
            ClockState state = ClockState.of(item.charAt(eq + 1));
            String due = item.substring(eq + 2);
            clocks.put(step, new Clock(state, due.isEmpty() ? null : LocalDate.parse(due)));
        }
        return clocks;
    }

    /** The organ steps whose clocks a fact may hold, in statutory order. */
    public static List<Step> organSteps() {
        return java.util.Arrays.stream(Step.values()).filter(s -> s.party() == Step.Party.ORGAN).toList();
    }
}
