package org.xinfang.rules;

import org.xinfang.petition.Hierarchy;

/**
 * What a case's clocks are counted on: the working-day calendar and the organisation tree (who is competent
 * to decide). The node provides it; the store derives each case's {@link CaseFact} with it.
 */
public interface ClockRules {

    /** Working days and holidays. */
    HolidayCalendar calendar();

    /** The organisation tree. */
    Hierarchy units();

    /** Weekends only, every unit competent and alone in its tree: for stores used without a node (tests, tools). */
    ClockRules PLAIN = new ClockRules() {
        private final HolidayCalendar weekends = HolidayCalendar.weekendsOnly();

        @Override
        public HolidayCalendar calendar() {
            return weekends;
        }

        @Override
        public Hierarchy units() {
            return new Hierarchy() {
                @Override
                public boolean isWithin(String code, String ancestor) {
                    return code.equals(ancestor);
                }

                @Override
                public java.util.Optional<String> childCodeToward(String from, String target) {
                    return java.util.Optional.empty();
                }
            };
        }
    };
}
