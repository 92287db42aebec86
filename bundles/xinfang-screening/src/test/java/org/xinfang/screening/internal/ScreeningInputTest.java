package org.xinfang.screening.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xinfang.petition.ValidationException;
import org.xinfang.screening.ItemKind;
import org.xinfang.screening.RiskLevel;
import org.xinfang.screening.ScreeningItem;

/** A report's items as the API takes them: each failure a 400 naming its field under items[i], Chinese first. */
class ScreeningInputTest {
    private static final String ITEM = """
            {"kind": " hot_issue ", "summary": "征地补偿纠纷", "place": "柳树村", "peopleCount": 12,
             "risk": "HIGH", "responsibleName": "王五", "responsibleTitle": "副镇长"}""";

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    @Test
    void readsTheItems() throws Exception {
        List<ScreeningItem> items = ScreeningInput.items(json("{\"items\": [" + ITEM + "]}"));
        assertEquals(1, items.size());
        assertEquals(ItemKind.HOT_ISSUE, items.get(0).kind());
        assertEquals(RiskLevel.HIGH, items.get(0).risk());
        assertEquals(12, items.get(0).peopleCount());
        assertEquals("王五 · 副镇长", items.get(0).responsible());
    }

    @Test
    void noItemsIsAnEmptyReport() throws Exception {
        assertEquals(List.of(), ScreeningInput.items(json("{}")));
        assertEquals(List.of(), ScreeningInput.items(json("{\"items\": null}")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"items\": {}}|items|invalid_type|类型错误，应为数组 / must be an array",
        "{\"items\": [ITEM, 3]}|items[1]|invalid_type|类型错误，应为对象 / must be an object",
        "{\"items\": [ITEM, ITEM_KIND]}|items[1].kind|invalid_value"
                + "|取值无效，可选：HIDDEN_CONFLICT, HOT_ISSUE / must be one of HIDDEN_CONFLICT, HOT_ISSUE",
        "{\"items\": [ITEM_COUNT]}|items[0].peopleCount|invalid_type|类型错误，应为整数 / must be an integer",
        "{\"items\": [ITEM_PLACE]}|items[0].place|invalid_type|类型错误，应为字符串 / must be a string",
    })
    void namesTheFieldAtFault(String body, String field, String code, String message) throws Exception {
        String text = body.replace("ITEM_KIND", ITEM.replace("\" hot_issue \"", "\"RUMOUR\""))
                .replace("ITEM_COUNT", ITEM.replace("12", "\"12\""))
                .replace("ITEM_PLACE", ITEM.replace("\"柳树村\"", "[\"柳树村\"]"))
                .replace("ITEM", ITEM);
        ValidationException e = assertThrows(ValidationException.class, () -> ScreeningInput.items(json(text)));
        assertEquals(field, e.field());
        assertEquals(code, e.code());
        assertEquals(message, e.getMessage());
    }

    @Test
    void theItemsRulesAreNamedUnderTheItem() throws Exception {
        ValidationException e = assertThrows(ValidationException.class,
                () -> ScreeningInput.items(json("{\"items\": [" + ITEM.replace("\"risk\": \"HIGH\", ", "") + "]}")));
        assertEquals("items[0].risk", e.field());
    }
}
