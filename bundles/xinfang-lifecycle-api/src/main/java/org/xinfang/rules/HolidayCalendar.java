package org.xinfang.rules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which days are working days (工作日). Saturdays and Sundays are rest days and Monday to Friday working
 * days, except where the year's State Council notice says otherwise: public holidays (法定节假日) and the
 * make-up working days (调休上班) that move weekends. The notices are configuration data, one line a day:
 * {@code 2025-10-01,HOLIDAY,国庆节} or {@code 2025-09-28,WORKDAY,国庆节调休}; a year with at least one line is
 * a year whose notice is loaded. A year without its notice still has its statutory holidays
 * ({@link StatutoryHolidays}); its make-up days and bridge days are unknown, so what is counted on it is
 * provisional ({@link #hasNotice}).
 */
public final class HolidayCalendar {
    /** What an entry of the calendar makes a day. */
    public enum DayType {
        HOLIDAY, WORKDAY
    }

    private final Map<LocalDate, DayType> days;
    private final java.util.Set<Integer> noticeYears;
    private final Map<Integer, Map<LocalDate, String>> statutory = new java.util.concurrent.ConcurrentHashMap<>();

    public HolidayCalendar(Map<LocalDate, DayType> days) {
        this.days = Collections.unmodifiableMap(new TreeMap<>(days));
        java.util.Set<Integer> years = new java.util.TreeSet<>();
        days.keySet().forEach(d -> years.add(d.getYear()));
        this.noticeYears = Collections.unmodifiableSet(years);
    }

    /** A calendar without any notice loaded: weekends and the statutory holidays of every year. */
    public static HolidayCalendar weekendsOnly() {
        return new HolidayCalendar(Map.of());
    }

    /** Whether the State Council's notice for this year is loaded (its days are in the calendar). */
    public boolean hasNotice(int year) {
        return noticeYears.contains(year);
    }

    /** The years whose notice is loaded. */
    public java.util.Set<Integer> noticeYears() {
        return noticeYears;
    }

    /**
     * Reads {@code date,HOLIDAY|WORKDAY[,name]} lines; blank lines and lines starting with # are skipped.
     *
     * @throws IllegalArgumentException naming the line of a malformed entry
     */
    public static HolidayCalendar parse(Reader reader) throws IOException {
        Map<LocalDate, DayType> days = new TreeMap<>();
        BufferedReader in = new BufferedReader(reader);
        int lineNo = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNo++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("date,")) {
                continue;
            }
            String[] cells = trimmed.split(",", 3);
            try {
                days.put(LocalDate.parse(cells[0].strip()), DayType.valueOf(cells[1].strip().toUpperCase()));
            } catch (DateTimeParseException | IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                throw new IllegalArgumentException("calendar line " + lineNo + ": expected date,HOLIDAY|WORKDAY[,name]: "
                        + trimmed, e);
            }
        }
        return new HolidayCalendar(days);
    }

    /**
     * Whether {@code day} is a working day: as the year's notice says; in a year without its notice, not on
     * a statutory holiday; otherwise Monday to Friday.
     */
    public boolean isWorkingDay(LocalDate day) {
        DayType type = days.get(day);
        if (type != null) {
            return type == DayType.WORKDAY;
        }
        int year = day.getYear();
        if (!noticeYears.contains(year) && StatutoryHolidays.covers(year)
                && statutory.computeIfAbsent(year, StatutoryHolidays::of).containsKey(day)) {
            return false;
        }
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }

    /** The configured days, in date order. */
    public Map<LocalDate, DayType> days() {
        return days;
    }
}
