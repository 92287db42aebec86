package org.xinfang.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.ChineseCalendar;
import com.ibm.icu.util.TimeZone;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The statutory holidays of any year, the lunar festivals they rest on, and the shipped notices. */
class HolidaysTest {

    /** The Gregorian day of a Chinese calendar date, computed by ICU4J on Beijing time. */
    private static LocalDate icu(int year, int lunarMonth, int lunarDay) {
        ChineseCalendar c = new ChineseCalendar(TimeZone.getTimeZone("Asia/Shanghai"));
        com.ibm.icu.util.GregorianCalendar g = new com.ibm.icu.util.GregorianCalendar(TimeZone.getTimeZone("Asia/Shanghai"));
        g.clear();
        g.set(year, 0, 10, 12, 0);
        c.setTimeInMillis(g.getTimeInMillis());
        for (int i = 0; i < 400; i++) {
            boolean newYearSeen = c.get(Calendar.EXTENDED_YEAR) > 0 && g.get(Calendar.YEAR) == year;
            if (newYearSeen && c.get(ChineseCalendar.IS_LEAP_MONTH) == 0 && c.get(Calendar.MONTH) == lunarMonth - 1
                    && c.get(Calendar.DAY_OF_MONTH) == lunarDay) {
                return java.time.Instant.ofEpochMilli(c.getTimeInMillis()).atZone(ZoneId.of("Asia/Shanghai")).toLocalDate();
            }
            c.add(Calendar.DATE, 1);
            g.setTimeInMillis(c.getTimeInMillis());
        }
        throw new AssertionError("no " + lunarMonth + "/" + lunarDay + " in " + year);
    }

    /**
     * Every year of the table against ICU4J's Chinese calendar: the same day, except where the new moon falls
     * within minutes of midnight in Beijing and ICU's approximation lands on the other side of it (2027: the
     * conjunction about 23:56 on 02-06; 2030: about 00:07 on 02-03).
     */
    @Test
    void theLunarFestivalsAgreeWithAnIndependentComputation() {
        Set<Integer> nearMidnight = Set.of(2027, 2030);
        List<String> differ = new ArrayList<>();
        for (int year = LunarDates.FIRST; year <= LunarDates.LAST; year++) {
            LocalDate springIcu = icu(year, 1, 1);
            if (!LunarDates.springFestival(year).equals(springIcu)) {
                differ.add(year + " 春节 " + LunarDates.springFestival(year) + " vs " + springIcu);
                assertEquals(1, Math.abs(java.time.temporal.ChronoUnit.DAYS.between(springIcu,
                        LunarDates.springFestival(year))), "a day apart, never more");
            }
            assertEquals(icu(year, 5, 5), LunarDates.dragonBoat(year), year + " 端午");
            assertEquals(icu(year, 8, 15), LunarDates.midAutumn(year), year + " 中秋");
        }
        assertEquals(List.of(), differ.stream().filter(d -> !nearMidnight.contains(Integer.parseInt(d.substring(0, 4))))
                .toList());
        assertEquals(LocalDate.of(2027, 2, 6), LunarDates.springFestival(2027));
        assertEquals(LocalDate.of(2030, 2, 3), LunarDates.springFestival(2030));
    }

    @Test
    void qingmingFollowsTheSolarTerm() {
        for (int year = 2000; year <= 2099; year++) {
            // the same term as a four-year cycle that shifts a day every 33 years: Apr 4 from 2009 (year % 4 == 1),
            // 2042 (2), 2075 (3), always when year % 4 == 0; Apr 5 otherwise
            int[] fromApr4 = {1976, 2009, 2042, 2075};
            int day = year >= fromApr4[year % 4] ? 4 : 5;
            assertEquals(LocalDate.of(year, 4, day), StatutoryHolidays.qingming(year), String.valueOf(year));
        }
        assertEquals(LocalDate.of(2026, 4, 5), StatutoryHolidays.qingming(2026));
        assertEquals(LocalDate.of(2027, 4, 5), StatutoryHolidays.qingming(2027));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = ';', value = {
        // 1999 text: 春节 初一..初三, 劳动节 May 1-3, no 清明/端午/中秋
        "2005; 2005-01-01 2005-02-09 2005-02-10 2005-02-11 2005-05-01 2005-05-02 2005-05-03 2005-10-01 2005-10-02 2005-10-03",
        // 2007 text: 春节 除夕..初二; 清明, 劳动节 May 1, 端午, 中秋
        "2010; 2010-01-01 2010-02-13 2010-02-14 2010-02-15 2010-04-05 2010-05-01 2010-06-16 2010-09-22 2010-10-01 2010-10-02 2010-10-03",
        // 2013 text: 春节 初一..初三 (2024-02-10..12)
        "2024; 2024-01-01 2024-02-10 2024-02-11 2024-02-12 2024-04-04 2024-05-01 2024-06-10 2024-09-17 2024-10-01 2024-10-02 2024-10-03",
        // 2024 text: 春节 除夕..初三, 劳动节 May 1-2
        "2027; 2027-01-01 2027-02-05 2027-02-06 2027-02-07 2027-02-08 2027-04-05 2027-05-01 2027-05-02 2027-06-09 2027-09-15 2027-10-01 2027-10-02 2027-10-03",
    })
    void everyYearHasTheStatutoryHolidaysOfTheTextInForce(int year, String days) {
        List<LocalDate> expected = java.util.Arrays.stream(days.split(" ")).map(LocalDate::parse).toList();
        assertEquals(expected, new ArrayList<>(StatutoryHolidays.of(year).keySet()));
    }

    @Test
    void aYearWithoutItsNoticeRestsOnItsStatutoryHolidaysAndOneWithItOnTheNotice() throws Exception {
        HolidayCalendar none = HolidayCalendar.weekendsOnly();
        // Spring Festival 2027 without a notice: 除夕 Friday 02-05 and 初三 Monday 02-08 are off
        assertFalse(none.isWorkingDay(LocalDate.of(2027, 2, 5)));
        assertFalse(none.isWorkingDay(LocalDate.of(2027, 2, 8)));
        assertTrue(none.isWorkingDay(LocalDate.of(2027, 2, 9)));
        assertFalse(none.hasNotice(2027));
        // Spring Festival 2024: the statutory days are 02-10..12; the notice made it 02-10..17 and moved two Sundays
        assertFalse(none.isWorkingDay(LocalDate.of(2024, 2, 12)));
        assertTrue(none.isWorkingDay(LocalDate.of(2024, 2, 13)), "without the notice, Tuesday is a working day");
        HolidayCalendar shipped = shipped();
        assertTrue(shipped.hasNotice(2024));
        assertFalse(shipped.isWorkingDay(LocalDate.of(2024, 2, 13)), "the notice gives 02-10..02-17");
        assertTrue(shipped.isWorkingDay(LocalDate.of(2024, 2, 4)), "and makes Sunday 02-04 a working day");
        assertTrue(shipped.isWorkingDay(LocalDate.of(2024, 2, 18)), "and Sunday 02-18");
    }

    /** The calendar the distributions ship: every statutory holiday of a year with a notice is a day off in it. */
    @Test
    void theShippedNoticesGiveEveryStatutoryHolidayOff() throws Exception {
        HolidayCalendar shipped = shipped();
        assertEquals(Set.of(2024, 2025, 2026), shipped.noticeYears());
        for (int year : shipped.noticeYears()) {
            for (Map.Entry<LocalDate, String> holiday : StatutoryHolidays.of(year).entrySet()) {
                assertEquals(HolidayCalendar.DayType.HOLIDAY, shipped.days().get(holiday.getKey()),
                        holiday.getKey() + " " + holiday.getValue() + " is off in the " + year + " notice");
            }
        }
    }

    private static HolidayCalendar shipped() throws Exception {
        Path file = Path.of("../../distribution/overlay/etc/xinfang-calendar.csv");
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return HolidayCalendar.parse(in);
        }
    }
}
