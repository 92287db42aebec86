package org.xinfang.screening;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.xinfang.petition.ValidationException;

/**
 * The form the district defines for the monthly screening: the day of the next month by which a month's report
 * is due, the risk levels an item may take, and which of an item's optional fields a filed report must fill.
 * Defined in the district's {@code etc/org.xinfang.screening.cfg} and sent down to every department and
 * township, so that they file on the same form by the same day.
 *
 * @param dueDay the day of the month after the report's month by which it is due (1 to 28: every month has it)
 * @param riskLevels the risk levels offered, highest first (at least one)
 * @param required the fields every item of a filed report must fill, from {@link ScreeningItem#OPTIONAL_FIELDS}
 * @param definedBy the unit whose configuration this is (the district's code)
 */
public record ScreeningForm(int dueDay, List<RiskLevel> riskLevels, Set<String> required, String definedBy) {

    public ScreeningForm {
        if (dueDay < 1 || dueDay > 28) {
            throw new ValidationException("dueDay", "out_of_range", "报送截止日应在 1 至 28 日之间 / must be from 1 to 28");
        }
        if (riskLevels == null || riskLevels.isEmpty()) {
            throw new ValidationException("riskLevels", "required", "至少需要一个风险等级 / at least one risk level");
        }
        riskLevels = List.copyOf(new java.util.LinkedHashSet<>(riskLevels));
        required = Set.copyOf(required == null ? Set.of() : required);
        for (String field : required) {
            if (!ScreeningItem.OPTIONAL_FIELDS.contains(field)) {
                throw new ValidationException("required", "invalid_value", "未知的必填项：" + field + "，可选：" + String.join(", ",
                        ScreeningItem.OPTIONAL_FIELDS) + " / not an item field: " + field);
            }
        }
        java.util.Objects.requireNonNull(definedBy, "definedBy");
    }

    /** The last day a report of {@code month} may be filed on time: the due day of the next month. */
    public LocalDate dueDate(YearMonth month) {
        return month.plusMonths(1).atDay(dueDay);
    }

    /** The required fields in the order an item lists them. */
    public List<String> requiredInOrder() {
        return ScreeningItem.OPTIONAL_FIELDS.stream().filter(required::contains).toList();
    }

    /** The required fields, sorted (a stable text for comparing forms). */
    public Set<String> sortedRequired() {
        return new TreeSet<>(required);
    }
}
