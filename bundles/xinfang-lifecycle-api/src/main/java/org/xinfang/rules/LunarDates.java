package org.xinfang.rules;

import java.time.LocalDate;

/**
 * The days of the lunar festivals that are public holidays, for 2000 to 2100: 春节 (正月初一), 端午节 (五月初五)
 * and 中秋节 (八月十五). 除夕, the eve of the Spring Festival, is the day before 正月初一. The dates are data from
 * published tables of the Chinese calendar (computed on Beijing time, as 《农历的编算和颁行》 GB/T 33661-2017
 * prescribes). The tests check them year by year against an independent computation, ICU4J's Chinese
 * calendar, which agrees for every year except 2027 and 2030: there the new moon falls within minutes of
 * midnight in Beijing and ICU's approximation lands on the other side of it.
 */
public final class LunarDates {
    /** The first year and the last year the table covers. */
    public static final int FIRST = 2000;
    public static final int LAST = 2100;

    /** Per year from {@link #FIRST}: MMDD of 春节, 端午, 中秋, twelve digits and a space. */
    private static final String TABLE = ""
            + "020506060912 012406251001 021206150921 020106040911 012206220928 020906110918 012905311006 021806190925 "
            + "020706080914 012605281003 021406160922 020306060912 012306230930 021006120919 013106020908 021906200927 "
            + "020806090915 012805301004 021606180924 020506070913 012506251001 021206140921 020106030910 012206220929 "
            + "021006100917 012905311006 021706190925 020606090915 012605281003 021306160922 020306050912 012306241001 "
            + "021106120919 013106010908 021906200927 020806100916 012805301004 021506180924 020406070913 012405271002 "
            + "021206140920 020106030910 012206220928 021006110917 013005311005 021706190925 020606080915 012605291004 "
            + "021406150922 020206040911 012306230930 021106130919 020106010907 021906200926 020806100916 012805301005 "
            + "021506170924 020406060913 012406251002 021206140921 020206030909 012106220928 020906110917 012906011006 "
            + "021706190925 020506080915 012605281003 021406160923 020306040911 012306230929 021106130919 013106020908 "
            + "021906200926 020706100916 012705301005 021506170924 020506060912 012406241001 021206140920 020206040910 "
            + "012206220928 020906110917 012906011006 021706190926 020606070914 012605271003 021406150922 020306050911 "
            + "012406230929 021006130918 013006020908 021806210927 020706090916 012705291005 021506170924 020506060913 "
            + "012506240930 021206140920 020106040909 012106230929 020906120918 ";

    private LunarDates() {
    }

    /** 正月初一, the first day of the Spring Festival. */
    public static LocalDate springFestival(int year) {
        return day(year, 0);
    }

    /** 农历除夕, the eve of the Spring Festival. */
    public static LocalDate springFestivalEve(int year) {
        return springFestival(year).minusDays(1);
    }

    /** 端午节, the fifth day of the fifth month. */
    public static LocalDate dragonBoat(int year) {
        return day(year, 1);
    }

    /** 中秋节, the fifteenth day of the eighth month. */
    public static LocalDate midAutumn(int year) {
        return day(year, 2);
    }

    /** Whether the table covers this year. */
    public static boolean covers(int year) {
        return year >= FIRST && year <= LAST;
    }

    private static LocalDate day(int year, int which) {
        if (!covers(year)) {
            throw new IllegalArgumentException("lunar festival dates are known for " + FIRST + " to " + LAST + ", not "
                    + year);
        }
        int at = (year - FIRST) * 13 + which * 4;
        return LocalDate.of(year, Integer.parseInt(TABLE.substring(at, at + 2)), Integer.parseInt(TABLE.substring(at + 2,
                at + 4)));
    }
}
