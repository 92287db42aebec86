package org.xinfang.petition;

import java.time.LocalDate;

/**
 * What the office's old register says of a case handled before this system, beyond the petition itself:
 * where it comes from and how it ended. Validated on construction against the attributes that record it;
 * a {@link ValidationException} names the attribute.
 *
 * @param source the import's source: the name of the old register (or of the file) the case comes from
 * @param sourceNumber the case's number in that register; with {@code source}, the key that imports it once
 * @param result how it ended (required: an unfinished case is not imported closed)
 * @param closedOn the day it was closed (required)
 * @param responsibleUnit the code of the unit that handled it, or null
 * @param summary what the register says of the handling (办理情况), or null
 */
public record HistoricCase(String source, String sourceNumber, HistoricResult result, LocalDate closedOn,
        String responsibleUnit, String summary) {
    public HistoricCase {
        source = Attr.IMPORTED_FROM.parse(source, Attr.IMPORTED_FROM.name());
        sourceNumber = Attr.SOURCE_NUMBER.parse(sourceNumber, Attr.SOURCE_NUMBER.name());
        result = Attr.HISTORIC_RESULT.parse(result, Attr.HISTORIC_RESULT.name());
        closedOn = Attr.CLOSED_ON.parse(closedOn, Attr.CLOSED_ON.name());
        responsibleUnit = responsibleUnit == null || responsibleUnit.isBlank() ? null
                : Attr.RESPONSIBLE_UNIT.parse(responsibleUnit, Attr.RESPONSIBLE_UNIT.name());
        summary = summary == null || summary.isBlank() ? null : Attr.SUMMARY.parse(summary, Attr.SUMMARY.name());
    }

    /** The facts the registration records: the import and the number in the old register. */
    public Attributes registrationFacts() {
        return Attributes.builder().put(Attr.IMPORTED_FROM, source).put(Attr.SOURCE_NUMBER, sourceNumber).build();
    }

    /** The facts of the closing event (历史办结). */
    public Attributes closingFacts() {
        return Attributes.builder().put(Attr.HISTORIC_RESULT, result).put(Attr.CLOSED_ON, closedOn)
                .put(Attr.RESPONSIBLE_UNIT, responsibleUnit).put(Attr.SUMMARY, summary).build();
    }
}
