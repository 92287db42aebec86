package org.xinfang.rest.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xinfang.petition.Channel;
import org.xinfang.petition.PetitionDraft;
import org.xinfang.petition.ValidationException;
import org.xinfang.rest.support.ApiException;

class PetitionRequestsTest {
    private final PetitionRequests requests = new PetitionRequests();

    private static final String GOOD = """
            {"kind": "CLAIM", "channel": "WALK_IN", "subject": "拖欠工资", "content": "某公司拖欠工资三个月",
             "category": "劳动社保", "location": "510199", "receivedAt": "2026-11-20", "headcount": 3,
             "petitioners": [{"name": "张三", "idNumber": "11010519491231002X", "phone": "13812345678",
                              "address": "柳树村3组", "gender": "FEMALE", "workUnit": "柳树村小学"}],
             "someFutureField": true}
            """;

    private PetitionDraft parse(String json) {
        return requests.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "version {0}")
    @CsvSource({"0", "-5", "\"3\"", "1.5"})
    void aStepsVersionIsAWholeNumberFromOne(String version) {
        byte[] body = ("{\"unit\": \"510199D01\", \"version\": " + version + "}").getBytes(StandardCharsets.UTF_8);
        ValidationException e = assertThrows(ValidationException.class, () -> requests.actionInput(body));
        assertEquals("version", e.field());
    }

    @Test
    void aDayTheCalendarDoesNotHaveIsNamedAsSuchNotAsAWrongForm() {
        ValidationException noSuchDay = assertThrows(ValidationException.class,
                () -> parse(GOOD.replace("2026-11-20", "2026-02-30")));
        assertEquals("receivedAt", noSuchDay.field());
        org.junit.jupiter.api.Assertions.assertTrue(noSuchDay.getMessage().startsWith("日历上没有这一天"), noSuchDay.getMessage());
        ValidationException form = assertThrows(ValidationException.class,
                () -> parse(GOOD.replace("2026-11-20", "20/11/2026")));
        org.junit.jupiter.api.Assertions.assertTrue(form.getMessage().startsWith("日期格式应为 YYYY-MM-DD"), form.getMessage());
    }

    @Test
    void aStepsVersionAsReadIsKept() {
        assertEquals(4, requests.actionInput("{\"version\": 4}".getBytes(StandardCharsets.UTF_8)).version());
        assertEquals(null, requests.actionInput("{\"note\": \"x\"}".getBytes(StandardCharsets.UTF_8)).version());
    }

    @Test
    void readsTheContractShape() {
        PetitionDraft draft = parse(GOOD);
        assertEquals(Channel.WALK_IN, draft.channel());
        assertEquals(LocalDate.of(2026, 11, 20), draft.receivedAt());
        assertEquals(3, draft.headcount());
        assertEquals("11010519491231002X", draft.petitioners().get(0).idNumber());
        assertEquals(org.xinfang.petition.Gender.FEMALE, draft.petitioners().get(0).gender());
        assertEquals("柳树村小学", draft.petitioners().get(0).workUnit());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "\"kind\": \"CLAIM\"|\"kind\": \"COMPLAINT\"|kind",
        "\"kind\": \"CLAIM\"|\"kind\": 3|kind",
        "\"headcount\": 3|\"headcount\": \"three\"|headcount",
        "\"receivedAt\": \"2026-11-20\"|\"receivedAt\": \"20/11/2026\"|receivedAt",
        "\"subject\": \"拖欠工资\",|\"subject\": null,|subject",
        "\"11010519491231002X\"|\"110105194912310021\"|petitioners[0].idNumber",
        "\"name\": \"张三\"|\"name\": [1]|petitioners[0].name",
        "\"location\": \"510199\"|\"location\": \"5101\"|location",
        "\"gender\": \"FEMALE\"|\"gender\": \"F\"|petitioners[0].gender",
        "\"workUnit\": \"柳树村小学\"|\"workUnit\": 5|petitioners[0].workUnit",
    })
    void namesTheFieldAtFault(String from, String to, String field) {
        String json = GOOD.replace(from, to);
        ValidationException e = assertThrows(ValidationException.class, () -> parse(json));
        assertEquals(field, e.field());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"{\"kind\": |malformed_json", "[1, 2]|invalid_type", "|malformed_json",
        "{} {}|malformed_json"})
    void refusesWhatIsNotAJsonObject(String body, String error) {
        ApiException e = assertThrows(ApiException.class, () -> parse(body == null ? "" : body));
        assertEquals(400, e.status());
        assertEquals(error, e.body().error());
    }

    @Test
    void refusesBodiesOverTheLimit() {
        byte[] big = new byte[PetitionRequests.MAX_BODY_BYTES + 1];
        ApiException e = assertThrows(ApiException.class,
                () -> PetitionRequests.readLimited(new ByteArrayInputStream(big)));
        assertEquals(413, e.status());
    }
}
