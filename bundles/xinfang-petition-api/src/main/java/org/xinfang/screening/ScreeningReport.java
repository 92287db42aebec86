package org.xinfang.screening;

import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.xinfang.petition.Checks;
import org.xinfang.petition.Person;
import org.xinfang.petition.ValidationException;

/**
 * A unit's monthly screening report (矛盾纠纷排查月报): one per unit and month. Every change travels up whole
 * ({@code SCREENING_REPORT} journal entries); a change made above the unit (sent back, an item registered as
 * a case) travels down to the unit's node the same way. A copy is replaced only by a higher version.
 * Validated on construction; a {@link ValidationException} names the API's field.
 *
 * @param unit the reporting unit's code (a department or township)
 * @param month the month reported on
 * @param items the conflicts and hot issues found (at most {@value #MAX_ITEMS}), numbered from 1 in this order
 * @param nothingToReport the unit states it found nothing this month (本月无矛盾纠纷); then there are no items
 * @param state draft, filed or returned
 * @param filedAt when it was last filed, null before
 * @param filedBy who last filed it, null before
 * @param returnedAt when it was last sent back, null before
 * @param returnedBy who last sent it back (a person of a unit above), null before
 * @param comments why it was sent back (required when returned, at most {@value #MAX_COMMENTS})
 * @param changedBy who made the latest change
 * @param changedAt when
 * @param version 1 when first saved, one more for every change
 */
public record ScreeningReport(String unit, YearMonth month, List<ScreeningItem> items, boolean nothingToReport,
        ReportState state, Instant filedAt, Person filedBy, Instant returnedAt, Person returnedBy, String comments,
        Person changedBy, Instant changedAt, int version) {

    public static final int MAX_ITEMS = 50;
    public static final int MAX_COMMENTS = 2000;
    private static final Pattern ID = Pattern.compile("([0-9A-Z]{2,20})-S(\\d{6})");
    private static final Pattern ITEM_ID = Pattern.compile("([0-9A-Z]{2,20})-S(\\d{6})-(\\d{1,2})");
    private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("yyyyMM");

    public ScreeningReport {
        Objects.requireNonNull(unit, "unit");
        Checks.required("month", month);
        items = List.copyOf(items == null ? List.of() : items);
        if (items.size() > MAX_ITEMS) {
            throw new ValidationException("items", "too_many", "每月最多报送 " + MAX_ITEMS + " 项 / at most " + MAX_ITEMS
                    + " items a month");
        }
        if (nothingToReport && !items.isEmpty()) {
            throw new ValidationException("nothingToReport", "conflict", "已填写排查事项，不能同时声明本月无矛盾纠纷"
                    + " / a report with items cannot state that there is nothing to report");
        }
        Checks.required("state", state);
        comments = Checks.optionalText("comments", comments, MAX_COMMENTS);
        if (state == ReportState.FILED && (filedAt == null || filedBy == null)) {
            throw new IllegalArgumentException("a filed report names when and by whom");
        }
        if (state == ReportState.RETURNED && (returnedAt == null || returnedBy == null || comments == null)) {
            throw new ValidationException("comments", "required", "退回须写明意见 / the comments are required");
        }
        Objects.requireNonNull(changedBy, "changedBy");
        Objects.requireNonNull(changedAt, "changedAt");
        if (version < 1) {
            throw new IllegalArgumentException("version must be positive");
        }
    }

    /** The report's id, network-wide: {@code <unit>-S<yyyyMM>}. */
    public String id() {
        return id(unit, month);
    }

    /** The id of {@code unit}'s report of {@code month}. */
    public static String id(String unit, YearMonth month) {
        return unit + "-S" + month.format(COMPACT);
    }

    /** The id of item {@code n} (from 1), as a case registered from it names it: {@code <unit>-S<yyyyMM>-<n>}. */
    public String itemId(int n) {
        return id() + "-" + n;
    }

    /** Whether the text is an item id ({@link #itemId}). */
    public static boolean isItemId(String text) {
        return text != null && ITEM_ID.matcher(text).matches();
    }

    /** A new draft. */
    public static ScreeningReport draft(String unit, YearMonth month, List<ScreeningItem> items, boolean nothing,
            Person by, Instant at) {
        return new ScreeningReport(unit, month, items, nothing, ReportState.DRAFT, null, null, null, null, null, by, at, 1);
    }

    /** The report with new contents, in the same state (a draft stays a draft, a returned report stays returned). */
    public ScreeningReport edited(List<ScreeningItem> newItems, boolean nothing, Person by, Instant at) {
        return new ScreeningReport(unit, month, newItems, nothing, state, filedAt, filedBy, returnedAt, returnedBy,
                comments, by, at, version + 1);
    }

    /** The report filed (again). The last return's comments stay on record. */
    public ScreeningReport filed(Person by, Instant at) {
        return new ScreeningReport(unit, month, items, nothingToReport, ReportState.FILED, at, by, returnedAt, returnedBy,
                comments, by, at, version + 1);
    }

    /** The report sent back with comments. */
    public ScreeningReport returned(String why, Person by, Instant at) {
        return new ScreeningReport(unit, month, items, nothingToReport, ReportState.RETURNED, filedAt, filedBy, at, by,
                why, by, at, version + 1);
    }

    /** The report with item {@code n} (from 1) registered as case {@code caseId}. */
    public ScreeningReport withCase(int n, String caseId, Person by, Instant at) {
        List<ScreeningItem> changed = new ArrayList<>(items);
        changed.set(n - 1, items.get(n - 1).registered(caseId));
        return new ScreeningReport(unit, month, changed, nothingToReport, state, filedAt, filedBy, returnedAt, returnedBy,
                comments, by, at, version + 1);
    }
}
