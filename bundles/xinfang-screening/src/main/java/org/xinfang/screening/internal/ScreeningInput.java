package org.xinfang.screening.internal;

import static org.xinfang.rest.support.JsonFields.choice;
import static org.xinfang.rest.support.JsonFields.integer;
import static org.xinfang.rest.support.JsonFields.objects;
import static org.xinfang.rest.support.JsonFields.string;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.xinfang.screening.ItemKind;
import org.xinfang.screening.RiskLevel;
import org.xinfang.screening.ScreeningItem;

/**
 * A report's items as the API takes them: {@code {"items": [{"kind", "summary", "place", "peopleCount",
 * "peopleDescription", "risk", "measures", "responsibleName", "responsibleTitle", "caseId"}]}}, read with the
 * fields every endpoint reads ({@link org.xinfang.rest.support.JsonFields}). Every failure names its field, an
 * item's under {@code items[i]}.
 */
final class ScreeningInput {
    private ScreeningInput() {
    }

    /** The items; none when the field is absent or null. */
    static List<ScreeningItem> items(JsonNode root) {
        List<ScreeningItem> items = objects(root, "items", ScreeningInput::item);
        return items == null ? List.of() : items;
    }

    private static ScreeningItem item(JsonNode o) {
        return new ScreeningItem(choice(o, "kind", ItemKind.class), string(o, "summary"), string(o, "place"),
                integer(o, "peopleCount"), string(o, "peopleDescription"), choice(o, "risk", RiskLevel.class),
                string(o, "measures"), string(o, "responsibleName"), string(o, "responsibleTitle"), string(o, "caseId"));
    }
}
