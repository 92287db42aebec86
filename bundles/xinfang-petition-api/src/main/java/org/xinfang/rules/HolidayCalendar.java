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
 * make-up working days (调休上班) that move weekends. The calendar is configuration data, one line a day:
 * {@code 2025-10-01,HOLIDAY,国庆节} or {@code 2025-09-28,WORKDAY,国庆节调休}.
 */
public final class HolidayCalendar {
    /** What an entry of the calendar makes a day. */
    public enum DayType {
        HOLIDAY, WORKDAY
    }

    private final Map<LocalDate, DayType> days;

    public HolidayCalendar(Map<LocalDate, DayType> days) {
        this.days = Collections.unmodifiableMap(new TreeMap<>(days));
    }

    /** A calendar with weekends only: what applies to a year whose notice is not configured. */
    public static HolidayCalendar weekendsOnly() {
        return new HolidayCalendar(Map.of());
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

    /** Whether {@code day} is a working day. */
    public boolean isWorkingDay(LocalDate day) {
        DayType type = days.get(day);
        if (type != null) {
            return type == DayType.WORKDAY;
        }
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }

    /** The configured days, in date order. */
    public Map<LocalDate, DayType> days() {
        return days;
    }
}
