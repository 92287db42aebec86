package org.xinfang.screening.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.xinfang.petition.ValidationException;
import org.xinfang.screening.ItemKind;
import org.xinfang.screening.RiskLevel;
import org.xinfang.screening.ScreeningItem;

/**
 * A report's contents as the API takes them: {@code {"version", "nothingToReport", "items": [{"kind", "summary",
 * "place", "peopleCount", "peopleDescription", "risk", "measures", "responsibleName", "responsibleTitle",
 * "caseId"}]}}. Every failure names its field, an item's under {@code items[i]}.
 */
final class ScreeningInput {
    private ScreeningInput() {
    }

    static List<ScreeningItem> items(JsonNode root) {
        JsonNode node = root.get("items");
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw typeError("items", "数组 / an array");
        }
        List<ScreeningItem> items = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String path = "items[" + i + "]";
            JsonNode o = node.get(i);
            if (!o.isObject()) {
                throw typeError(path, "对象 / an object");
            }
            try {
                items.add(new ScreeningItem(choice(o, "kind", ItemKind.class), string(o, "summary"), string(o, "place"),
                        integer(o, "peopleCount"), string(o, "peopleDescription"), choice(o, "risk", RiskLevel.class),
                        string(o, "measures"), string(o, "responsibleName"), string(o, "responsibleTitle"),
                        string(o, "caseId")));
            } catch (ValidationException e) {
                throw e.under(path);
            }
        }
        return items;
    }

    static boolean bool(JsonNode root, String field) {
        JsonNode v = root.get(field);
        if (v == null || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            throw typeError(field, "布尔值 / a boolean");
        }
        return v.booleanValue();
    }

    static Integer integer(JsonNode root, String field) {
        JsonNode v = root.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw typeError(field, "整数 / an integer");
        }
        return v.intValue();
    }

    static String string(JsonNode root, String field) {
        JsonNode v = root.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw typeError(field, "字符串 / a string");
        }
        return v.textValue();
    }

    private static <E extends Enum<E>> E choice(JsonNode root, String field, Class<E> type) {
        String text = string(root, field);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> allowed = new ArrayList<>();
            for (E c : type.getEnumConstants()) {
                allowed.add(c.name());
            }
            throw new ValidationException(field, "invalid_value", "取值无效，可选：" + String.join(", ", allowed)
                    + " / must be one of " + String.join(", ", allowed));
        }
    }

    private static ValidationException typeError(String field, String expected) {
        return new ValidationException(field, "invalid_type", "类型错误，应为" + expected.replace(" / ", " / must be "));
    }
}
