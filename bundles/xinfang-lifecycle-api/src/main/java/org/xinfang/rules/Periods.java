package org.xinfang.rules;

import java.time.LocalDate;

/**
 * Counting periods as the Civil Code does (民法典 Art. 201, 203): the day of the starting event is not
 * counted, so day 1 is the next day; a period ends at the end of its last day; when the last day of a
 * period counted in days falls on a public holiday or rest day, the first working day after it is the
 * last day instead. A period in working days counts working days only.
 */
public final class Periods {
    private Periods() {
    }

    /** The last day of a period of {@code days} calendar days that starts with an event on {@code start}. */
    public static LocalDate calendarDays(LocalDate start, int days, HolidayCalendar calendar) {
        LocalDate last = start.plusDays(days);
        while (!calendar.isWorkingDay(last)) {
            last = last.plusDays(1); // 民法典 Art. 203(1)
        }
        return last;
    }

    /** The last day of a period of {@code days} working days that starts with an event on {@code start}. */
    public static LocalDate workingDays(LocalDate start, int days, HolidayCalendar calendar) {
        LocalDate day = start;
        int counted = 0;
        while (counted < days) {
            day = day.plusDays(1);
            if (calendar.isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }
}
