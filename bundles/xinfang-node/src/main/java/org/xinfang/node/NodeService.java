package org.xinfang.node;

/** This node's identity and its view of the organisation tree. Published as an OSGi service. */
public interface NodeService extends org.xinfang.rules.ClockRules {

    /** Who this node is. */
    NodeInfo info();

    /** The organisation tree. */
    @Override
    UnitDirectory units();

    /**
     * The person behind a staff account: name and title from {@code etc/xinfang-staff.csv}, which
     * operators keep beside {@code etc/users.properties}. An account the list does not name is known by
     * its login only ({@link org.xinfang.petition.Person#named()} is false).
     */
    org.xinfang.petition.Person person(String login);

    /** Every person the staff list names, by login. */
    java.util.List<org.xinfang.petition.Person> staff();

    /** Working days and holidays, from etc/xinfang-calendar.csv; weekends only when there is none. */
    @Override
    org.xinfang.rules.HolidayCalendar calendar();

    /**
     * Replaces the calendar file with {@code csv} (same format) and takes it into use. Writing the same
     * content twice is harmless.
     *
     * @throws IllegalArgumentException naming the malformed line
     */
    void replaceCalendar(String csv);
}
