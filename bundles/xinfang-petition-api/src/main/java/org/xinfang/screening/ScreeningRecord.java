package org.xinfang.screening;

/** How a unit kept to the monthly screening over a year, as the node that holds its reports sees it. */
public interface ScreeningRecord {

    /**
     * @param due months of the year whose report was due by today (the form's due day has passed)
     * @param filedOnTime of those, the months whose report stands filed on or before its due day
     */
    record OnTime(int filedOnTime, int due) {
    }

    /** The months of {@code year} due by today and filed in time by {@code unit}. */
    OnTime onTime(String unit, int year);
}
