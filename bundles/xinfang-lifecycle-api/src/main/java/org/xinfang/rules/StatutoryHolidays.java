package org.xinfang.rules;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The public holidays every year has by law, before the State Council's notice for the year adds its
 * make-up working days and bridge days: 《全国年节及纪念日放假办法》 in the version in force that year.
 * <ul>
 *   <li>1999 version (years to 2007): 元旦 1 day; 春节 3 days, 正月初一 to 初三; 劳动节 3 days, May 1-3; 国庆节 3
 *       days, October 1-3.</li>
 *   <li>2007 version (2008-2013): 元旦; 春节 3 days, 除夕 to 初二; 清明节; 劳动节 May 1; 端午节; 中秋节; 国庆节 October
 *       1-3.</li>
 *   <li>2013 version (2014-2024): as 2007, but 春节 正月初一 to 初三.</li>
 *   <li>2024 version (from 2025; 国务院令第795号): 元旦; 春节 4 days, 除夕 to 初三; 清明节; 劳动节 May 1-2; 端午节;
 *       中秋节; 国庆节 October 1-3.</li>
 * </ul>
 * 清明节 is the day of the solar term 清明 on Beijing time; lunar festivals come from {@link LunarDates}.
 */
public final class StatutoryHolidays {
    /** The years these rules answer for. */
    public static final int FIRST = 2000;
    public static final int LAST = 2099;

    private StatutoryHolidays() {
    }

    /** Whether the statutory holidays of this year are known here. */
    public static boolean covers(int year) {
        return year >= FIRST && year <= LAST;
    }

    /**
     * The statutory public holidays of {@code year}, by day, with their names.
     *
     * @throws IllegalArgumentException for a year outside {@link #FIRST} to {@link #LAST}
     */
    public static Map<LocalDate, String> of(int year) {
        if (!covers(year)) {
            throw new IllegalArgumentException("statutory holidays are known for " + FIRST + " to " + LAST + ", not " + year);
        }
        Map<LocalDate, String> days = new TreeMap<>();
        days.put(LocalDate.of(year, 1, 1), "元旦");
        LocalDate newYear = LunarDates.springFestival(year);
        LocalDate firstSpring = year >= 2025 || year >= 2008 && year <= 2013 ? newYear.minusDays(1) : newYear;
        int springDays = year >= 2025 ? 4 : 3;
        for (int i = 0; i < springDays; i++) {
            days.put(firstSpring.plusDays(i), "春节");
        }
        int labourDays = year <= 2007 ? 3 : year >= 2025 ? 2 : 1;
        for (int i = 0; i < labourDays; i++) {
            days.put(LocalDate.of(year, 5, 1 + i), "劳动节");
        }
        for (int i = 0; i < 3; i++) {
            days.put(LocalDate.of(year, 10, 1 + i), "国庆节");
        }
        if (year >= 2008) {
            days.put(qingming(year), "清明节");
            days.put(LunarDates.dragonBoat(year), "端午节");
            // in a year where 中秋 falls within the National Day holidays, the day stays one day off
            days.putIfAbsent(LunarDates.midAutumn(year), "中秋节");
        }
        return Collections.unmodifiableMap(days);
    }

    /**
     * The day of the solar term 清明 in {@code year} (2000-2099), on Beijing time: the usual formula for the
     * 21st century, [Y × 0.2422 + C] − [Y / 4] with Y the last two digits of the year and C = 4.81.
     */
    public static LocalDate qingming(int year) {
        if (year < 2000 || year > 2099) {
            throw new IllegalArgumentException("the 清明 formula here is for 2000 to 2099, not " + year);
        }
        int y = year % 100;
        return LocalDate.of(year, 4, (int) Math.floor(y * 0.2422 + 4.81) - y / 4);
    }
}
