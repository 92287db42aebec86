package org.xinfang.rest.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import org.xinfang.petition.ValidationException;

/**
 * The typed fields of a JSON request body, read alike by every endpoint: an absent or null field is null, a field
 * of the wrong JSON type or an unknown choice is a {@link ValidationException} (HTTP 400) that names the field and
 * says what it should be, Chinese first.
 */
public final class JsonFields {
    private JsonFields() {
    }

    /** A string field; a non-string is {@code invalid_type}. */
    public static String string(JsonNode root, String field) {
        JsonNode value = present(root, field, JsonNode::isTextual, "字符串 / a string");
        return value == null ? null : value.textValue();
    }

    /** A whole number that fits an int; anything else is {@code invalid_type}. */
    public static Integer integer(JsonNode root, String field) {
        JsonNode value = present(root, field, v -> v.isIntegralNumber() && v.canConvertToInt(), "整数 / an integer");
        return value == null ? null : value.intValue();
    }

    /** A JSON boolean; anything else is {@code invalid_type}. */
    public static Boolean bool(JsonNode root, String field) {
        JsonNode value = present(root, field, JsonNode::isBoolean, "布尔值 / a boolean");
        return value == null ? null : value.booleanValue();
    }

    /**
     * One of {@code type}'s constants by name, in any case and with blanks around it; a blank string is null, any
     * other name is {@code invalid_value} listing the names allowed.
     */
    public static <E extends Enum<E>> E choice(JsonNode root, String field, Class<E> type) {
        String text = string(root, field);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> names = new ArrayList<>();
            for (E constant : type.getEnumConstants()) {
                names.add(constant.name());
            }
            String allowed = String.join(", ", names);
            throw new ValidationException(field, "invalid_value", "取值无效，可选：" + allowed + " / must be one of "
                    + allowed);
        }
    }

    /**
     * An array of objects, each read by {@code item}: a non-array is {@code invalid_type} of the field, a non-object
     * {@code invalid_type} of {@code field[i]}, and what {@code item} refuses is named under {@code field[i]} (e.g.
     * {@code petitioners[0].name}).
     */
    public static <T> List<T> objects(JsonNode root, String field, Function<JsonNode, T> item) {
        JsonNode node = present(root, field, JsonNode::isArray, "数组 / an array");
        if (node == null) {
            return null;
        }
        List<T> list = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String path = field + "[" + i + "]";
            JsonNode o = node.get(i);
            if (!o.isObject()) {
                throw typeError(path, "对象 / an object");
            }
            try {
                list.add(item.apply(o));
            } catch (ValidationException e) {
                throw e.under(path);
            }
        }
        return list;
    }

    /** The field's value, null when absent or null; {@code invalid_type} when it is not what {@code ok} wants. */
    private static JsonNode present(JsonNode root, String field, Predicate<JsonNode> ok, String expected) {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!ok.test(value)) {
            throw typeError(field, expected);
        }
        return value;
    }

    /** {@code expected} is "中文 / English" (e.g. "整数 / an integer"). */
    private static ValidationException typeError(String field, String expected) {
        return new ValidationException(field, "invalid_type", "类型错误，应为" + expected.replace(" / ", " / must be "));
    }
}
