package org.xinfang.screening;

import java.util.List;
import org.xinfang.petition.Checks;
import org.xinfang.petition.ValidationException;

/**
 * One conflict or hot issue of a monthly screening report: what, where, who is involved, how risky, what is
 * being done and who answers for it; once registered as a petition, the case's id. Validated on construction
 * (a {@link ValidationException} names the API's field, e.g. {@code place}; the report puts it under
 * {@code items[n]}). Which of the optional fields a filed report must fill is the form's to say
 * ({@link ScreeningForm#required()}).
 *
 * @param kind hidden conflict or hot issue (required)
 * @param summary what it is about (required, at most {@value #MAX_SUMMARY} characters)
 * @param place where (at most {@value #MAX_PLACE})
 * @param peopleCount how many people are involved (at least 1, at most {@value #MAX_PEOPLE})
 * @param peopleDescription who they are (at most {@value #MAX_DESCRIPTION}), e.g. 某小区业主
 * @param risk high, medium or low (required)
 * @param measures what is being done about it (at most {@value #MAX_MEASURES})
 * @param responsibleName the person who answers for it, by name (at most 50)
 * @param responsibleTitle that person's title (at most 100)
 * @param caseId the petition registered from this item, null before
 */
public record ScreeningItem(ItemKind kind, String summary, String place, Integer peopleCount, String peopleDescription,
        RiskLevel risk, String measures, String responsibleName, String responsibleTitle, String caseId) {

    public static final int MAX_SUMMARY = 500;
    public static final int MAX_PLACE = 200;
    public static final int MAX_DESCRIPTION = 500;
    public static final int MAX_MEASURES = 2000;
    public static final int MAX_PEOPLE = 100_000;
    /** The fields a form may require of every item of a filed report, by their API names. */
    public static final List<String> OPTIONAL_FIELDS = List.of("place", "peopleCount", "peopleDescription", "measures",
            "responsibleName", "responsibleTitle");

    public ScreeningItem {
        Checks.required("kind", kind);
        summary = Checks.text("summary", summary, MAX_SUMMARY);
        place = Checks.optionalText("place", place, MAX_PLACE);
        if (peopleCount != null && (peopleCount < 1 || peopleCount > MAX_PEOPLE)) {
            throw new ValidationException("peopleCount", "out_of_range", "涉及人数应在 1 至 " + MAX_PEOPLE
                    + " 之间 / must be from 1 to " + MAX_PEOPLE);
        }
        peopleDescription = Checks.optionalText("peopleDescription", peopleDescription, MAX_DESCRIPTION);
        Checks.required("risk", risk);
        measures = Checks.optionalText("measures", measures, MAX_MEASURES);
        responsibleName = Checks.optionalText("responsibleName", responsibleName, 50);
        responsibleTitle = Checks.optionalText("responsibleTitle", responsibleTitle, 100);
        caseId = Checks.optionalText("caseId", caseId, 60);
    }

    /** Whether the item fills the field the form names ({@link #OPTIONAL_FIELDS}). */
    public boolean has(String field) {
        return switch (field) {
            case "place" -> place != null;
            case "peopleCount" -> peopleCount != null;
            case "peopleDescription" -> peopleDescription != null;
            case "measures" -> measures != null;
            case "responsibleName" -> responsibleName != null;
            case "responsibleTitle" -> responsibleTitle != null;
            default -> throw new IllegalArgumentException("not an item field: " + field);
        };
    }

    /** The same item, registered as case {@code id}. */
    public ScreeningItem registered(String id) {
        return new ScreeningItem(kind, summary, place, peopleCount, peopleDescription, risk, measures, responsibleName,
                responsibleTitle, id);
    }

    /** The person who answers for it as a reader sees them: name · title. */
    public String responsible() {
        if (responsibleName == null) {
            return responsibleTitle;
        }
        return responsibleTitle == null ? responsibleName : responsibleName + " · " + responsibleTitle;
    }
}
