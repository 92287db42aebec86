package org.xinfang.node;

/** This node's identity and its view of the organisation tree. Published as an OSGi service. */
public interface NodeService {

    /** Who this node is. */
    NodeInfo info();

    /** The organisation tree. */
    UnitDirectory units();

    /** Working days and holidays, from etc/xinfang-calendar.csv; weekends only when there is none. */
    org.xinfang.rules.HolidayCalendar calendar();
}
