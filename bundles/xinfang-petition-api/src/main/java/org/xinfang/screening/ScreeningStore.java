package org.xinfang.screening;

import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The monthly screening reports held by this node: its own unit's and those of the units below that synced
 * here. Every change is journalled ({@code SCREENING_REPORT}, the whole report) in the same transaction, so it
 * travels up to the district; a change made above the unit is also queued down to the unit's node.
 */
public interface ScreeningStore {

    /** The report of {@code unit} for {@code month}, if held here. */
    Optional<ScreeningReport> get(String unit, YearMonth month);

    /**
     * Stores a new report (version 1) and journals it on {@code node}'s chain, in one transaction.
     *
     * @throws IllegalStateException when the unit's report of that month is already stored
     */
    ScreeningReport insert(ScreeningReport report, String node);

    /**
     * Changes a stored report under its row lock: {@code change} gets the report as stored and answers the report
     * after (the next version; it may throw to refuse). The result is stored and journalled on {@code node}'s chain
     * in the same transaction and, when {@code downVia} is not null, queued for that child of this node on the way
     * down to the report's unit (its node is named by the unit's code).
     *
     * @throws org.xinfang.petition.NotFoundException when no such report is held here
     */
    ScreeningReport update(String unit, YearMonth month, UnaryOperator<ScreeningReport> change, String node,
            String downVia);

    /** The reports of {@code month} of these units (all held when empty), by unit. */
    List<ScreeningReport> month(YearMonth month, Collection<String> units);

    /** The reports of one unit, newest month first, at most {@code limit}. */
    List<ScreeningReport> ofUnit(String unit, int limit);

    /**
     * The earliest month any report held here is of: the month screening began to be kept in this system
     * (months before it were reported on paper, if at all).
     */
    Optional<YearMonth> firstMonth();

    /** The form received from above (the district's), if any has arrived. */
    Optional<ScreeningForm> receivedForm();

    /**
     * Sends {@code form} down to each of these units' nodes: the value is the child of this node on the way to
     * the unit (the key). Each unit's node keeps the newest form it received. Sending the same form again queues
     * nothing new.
     */
    void sendForm(ScreeningForm form, java.util.Map<String, String> viaByUnit);
}
