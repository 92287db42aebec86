package org.xinfang.node;

/** This node's identity and its view of the organisation tree. Published as an OSGi service. */
public interface NodeService {

    /** Who this node is. */
    NodeInfo info();

    /** The organisation tree. */
    UnitDirectory units();

    /** Working days and holidays, from etc/xinfang-calendar.csv; weekends only when there is none. */
    org.xinfang.rules.HolidayCalendar calendar();

    /**
     * Replaces the calendar file with {@code csv} (same format) and takes it into use. Writing the same
     * content twice is harmless.
     *
     * @throws IllegalArgumentException naming the malformed line
     */
    void replaceCalendar(String csv);
}
