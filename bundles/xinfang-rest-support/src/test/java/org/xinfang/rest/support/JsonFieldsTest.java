package org.xinfang.rest.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xinfang.petition.Channel;
import org.xinfang.petition.ValidationException;

class JsonFieldsTest {
    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    @Test
    void readsEachType() throws Exception {
        JsonNode root = json("""
                {"s": "文字", "i": 7, "b": true, "c": " walk_in ", "blank": " ", "o": [{"s": "a"}, {"s": "b"}]}""");
        assertEquals("文字", JsonFields.string(root, "s"));
        assertEquals(7, JsonFields.integer(root, "i"));
        assertEquals(true, JsonFields.bool(root, "b"));
        assertEquals(Channel.WALK_IN, JsonFields.choice(root, "c", Channel.class));
        assertNull(JsonFields.choice(root, "blank", Channel.class));
        assertEquals(List.of("a", "b"), JsonFields.objects(root, "o", o -> JsonFields.string(o, "s")));
    }

    @Test
    void absentAndNullAreNull() throws Exception {
        JsonNode root = json("{\"n\": null}");
        for (String field : List.of("n", "missing")) {
            assertNull(JsonFields.string(root, field));
            assertNull(JsonFields.integer(root, field));
            assertNull(JsonFields.bool(root, field));
            assertNull(JsonFields.choice(root, field, Channel.class));
            assertNull(JsonFields.objects(root, field, o -> o));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"f\": 1}|string|f|invalid_type|类型错误，应为字符串 / must be a string",
        "{\"f\": 1.5}|integer|f|invalid_type|类型错误，应为整数 / must be an integer",
        "{\"f\": 3000000000}|integer|f|invalid_type|类型错误，应为整数 / must be an integer",
        "{\"f\": \"true\"}|bool|f|invalid_type|类型错误，应为布尔值 / must be a boolean",
        "{\"f\": \"LETTERS\"}|choice|f|invalid_value|取值无效，可选：ONLINE, LETTER, WALK_IN, PHONE, FAX, EMAIL"
                + " / must be one of ONLINE, LETTER, WALK_IN, PHONE, FAX, EMAIL",
        "{\"f\": {}}|objects|f|invalid_type|类型错误，应为数组 / must be an array",
        "{\"f\": [{}, 2]}|objects|f[1]|invalid_type|类型错误，应为对象 / must be an object",
        "{\"f\": [{}, {\"s\": []}]}|objects|f[1].s|invalid_type|类型错误，应为字符串 / must be a string",
    })
    void refusesWithTheFieldAndWhatItShouldBe(String body, String reader, String field, String code, String message)
            throws Exception {
        JsonNode root = json(body);
        ValidationException e = assertThrows(ValidationException.class, () -> {
            switch (reader) {
                case "string" -> JsonFields.string(root, "f");
                case "integer" -> JsonFields.integer(root, "f");
                case "bool" -> JsonFields.bool(root, "f");
                case "choice" -> JsonFields.choice(root, "f", Channel.class);
                default -> JsonFields.objects(root, "f", o -> JsonFields.string(o, "s"));
            }
        });
        assertEquals(field, e.field());
        assertEquals(code, e.code());
        assertEquals(message, e.getMessage());
    }
}
