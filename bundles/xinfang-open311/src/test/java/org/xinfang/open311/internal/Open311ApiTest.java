package org.xinfang.open311.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xinfang.petition.Channel;
import org.xinfang.petition.EventType;
import org.xinfang.petition.Kind;
import org.xinfang.petition.PetitionDraft;
import org.xinfang.petition.Status;
import org.xinfang.portal.OnlineReceipt;

class Open311ApiTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    private final Cases cases = new Cases();
    private final PublicIds ids = new PublicIds(new byte[32]);
    private final List<PetitionDraft> submitted = new ArrayList<>();
    private final List<String> clients = new ArrayList<>();
    private final Open311Api api = new Open311Api(cases.service(), Cases.node(), (draft, client) -> {
        submitted.add(draft);
        clients.add(client);
        return new OnlineReceipt("510199-000042", "QX7K2M9P4R", "482913", TODAY, Status.REGISTERED, "已登记",
                "青溪区信访局");
    }, ids, Clock.fixed(TODAY.atTime(12, 0).atZone(ZONE).toInstant(), ZONE), "区信访局", 3);

    private static List<Object> field(List<Map<String, Object>> list, String name) {
        return list.stream().map(m -> m.get(name)).toList();
    }

    @Test
    void theListShowsClaimsAndSuggestionsOfTheLast90DaysNewestFirstButNeverAnAccusation() {
        cases.add("A-1", Kind.CLAIM, Status.DECIDED, TODAY.minusDays(100), EventType.REGISTERED);
        cases.add("A-2", Kind.CLAIM, Status.DECIDED, TODAY.minusDays(20), EventType.REGISTERED, EventType.DECIDED);
        cases.add("A-3", Kind.ACCUSATION, Status.ACCEPTED, TODAY.minusDays(10), EventType.REGISTERED);
        cases.add("A-4", Kind.SUGGESTION, Status.REGISTERED, TODAY.minusDays(5), EventType.REGISTERED);
        List<Map<String, Object>> list = api.requests(Map.of());
        assertEquals(List.of(ids.of("A-4"), ids.of("A-2")), field(list, "service_request_id"));
        assertEquals(List.of("open", "closed"), field(list, "status"));
        assertEquals(List.of("已登记", "已出具信访处理意见书"), field(list, "status_notes"));
        assertEquals(TODAY.minusDays(90), cases.queries.get(0).from(), "the standard's default window");
        assertEquals(List.of(), api.requests(Map.of("service_code", "ACCUSATION")));
        assertEquals(List.of(), api.requests(Map.of("service_request_id", ids.of("A-3"))), "not even by its id");
        assertEquals(404, assertThrows(Open311Error.class, () -> api.request(ids.of("A-3"))).status());
    }

    @Test
    void filtersByStatusServiceAndDatesAndAnswersAtMostTheConfiguredNumber() {
        for (int i = 1; i <= 5; i++) {
            cases.add("B-" + i, Kind.CLAIM, Status.HANDLING, TODAY.minusDays(i), EventType.REGISTERED);
        }
        cases.add("B-9", Kind.SUGGESTION, Status.REPLIED, TODAY.minusDays(3), EventType.REGISTERED, EventType.REPLIED);
        assertEquals(3, api.requests(Map.of()).size(), "max.results");
        assertEquals(List.of(ids.of("B-9")), field(api.requests(Map.of("status", "closed")), "service_request_id"));
        assertEquals(List.of(ids.of("B-9")), field(api.requests(Map.of("service_code", "suggestion")),
                "service_request_id"));
        List<Map<String, Object>> window = api.requests(Map.of("start_date", "2026-11-25T00:00:00+08:00",
                "end_date", "2026-11-26T23:59:59+08:00", "status", "open"));
        assertEquals(List.of(ids.of("B-3"), ids.of("B-4")), field(window, "service_request_id"));
        // a UTC instant is the office's day: 2026-11-24T16:00Z is 25 November in Beijing
        assertEquals(LocalDate.of(2026, 11, 25), Open311Api.day("start_date", "2026-11-24T16:00:00Z", ZONE));
        List<Map<String, Object>> two = api.requests(Map.of("service_request_id", ids.of("B-1") + ",nonsense," + ids.of("B-2")));
        assertEquals(List.of(ids.of("B-1"), ids.of("B-2")), field(two, "service_request_id"));
        assertEquals(ids.of("B-1"), api.request(ids.of("B-1")).get(0).get("service_request_id"));
    }

    @Test
    void badFiltersAre400NamingTheParameterInChineseFirst() {
        for (Map<String, String> bad : List.of(Map.of("status", "pending"), Map.of("service_code", "POTHOLE"),
                Map.of("start_date", "yesterday"), Map.of("start_date", "2026-11-20", "end_date", "2026-11-01"),
                Map.of("service_request_id", String.join(",", java.util.Collections.nCopies(51, "x"))))) {
            Open311Error e = assertThrows(Open311Error.class, () -> api.requests(bad), bad.toString());
            assertEquals(400, e.status());
            assertTrue(e.getMessage().startsWith(bad.keySet().stream().filter(k -> !k.equals("end_date")).findFirst()
                    .orElseThrow() + "："), e.getMessage());
            assertTrue(Character.UnicodeScript.of(e.getMessage().charAt(e.getMessage().indexOf('：') + 1))
                    == Character.UnicodeScript.HAN, e.getMessage());
        }
        assertEquals(404, assertThrows(Open311Error.class, () -> api.request("not-an-id")).status());
        assertEquals(404, assertThrows(Open311Error.class, () -> api.definition("POTHOLE")).status());
        assertEquals(List.of(), api.definition("claim").get("attributes"));
    }

    @Test
    void aPostedRequestIsAnOnlinePetitionThroughThePortalsRulesAndAnswersTheCodes() {
        List<Map<String, Object>> answer = api.submit(Cases.form("service_code", "CLAIM", "first_name", "秀英",
                "last_name", "张", "phone", "13912345678", "email", "zxy@example.cn", "address_string", "清河镇幸福村",
                "lat", "30.66", "long", "104.06", "description", "工资被拖欠三个月\n请帮助追讨。", "api_key", "anything"),
                "203.0.113.9");
        assertEquals(List.of("203.0.113.9"), clients, "the portal's rate limit counts the client's address");
        PetitionDraft d = submitted.get(0);
        assertEquals(Kind.CLAIM, d.kind());
        assertEquals(Channel.ONLINE, d.channel());
        assertEquals("张秀英", d.petitioners().get(0).name());
        assertEquals("13912345678", d.petitioners().get(0).phone());
        assertEquals("工资被拖欠三个月", d.subject());
        assertTrue(d.content().startsWith("工资被拖欠三个月\n请帮助追讨。\n事发地点：清河镇幸福村\n坐标：纬度 30.66，经度 104.06\n电子邮箱：zxy@example.cn"),
                d.content());
        Map<String, Object> r = answer.get(0);
        assertEquals(ids.of("510199-000042"), r.get("service_request_id"));
        assertEquals("QX7K2M9P4R", r.get("tracking_code"));
        assertEquals("482913", r.get("verification_code"));
        assertNull(r.get("account_id"));
        String notice = (String) r.get("service_notice");
        assertTrue(notice.startsWith("您的网上信访事项已登记") && notice.contains("查询码：QX7K2M9P4R")
                && notice.contains("验证码：482913"), notice);
    }

    @Test
    void aPostThatBreaksARuleIs400NamingTheOpen311FieldAndRegistersNothing() {
        String[][] bad = {
            {"service_code", "service_code", "", "description", "x", "first_name", "张"},
            {"service_code", "service_code", "POTHOLE", "description", "x", "first_name", "张"},
            {"description", "service_code", "CLAIM", "description", " ", "first_name", "张"},
            {"first_name", "service_code", "CLAIM", "description", "x"},
            {"phone", "service_code", "CLAIM", "description", "x", "first_name", "张", "phone", "call me"},
            {"lat", "service_code", "CLAIM", "description", "x", "first_name", "张", "lat", "91", "long", "1"},
            {"long", "service_code", "CLAIM", "description", "x", "first_name", "张", "lat", "30"},
            {"description", "service_code", "CLAIM", "description", "长".repeat(20_001), "first_name", "张"},
            {"first_name", "service_code", "CLAIM", "description", "x", "first_name", "张".repeat(51)},
        };
        for (String[] row : bad) {
            String[] pairs = Arrays.copyOfRange(row, 1, row.length);
            Open311Error e = assertThrows(Open311Error.class, () -> api.submit(Cases.form(pairs), "203.0.113.9"),
                    row[0]);
            assertEquals(400, e.status());
            assertTrue(e.getMessage().startsWith(row[0] + "："), row[0] + " ← " + e.getMessage());
        }
        assertEquals(List.of(), submitted);
    }

    @Test
    void namesFollowTheirOwnOrder() {
        assertEquals("张秀英", Submissions.name("秀英", "张"));
        assertEquals("Jane Doe", Submissions.name("Jane", "Doe"));
        assertEquals("王", Submissions.name(null, "王"));
        assertNull(Submissions.name(" ", null));
        assertEquals("一".repeat(Submissions.SUBJECT_CHARS) + "…", Submissions.subject("一".repeat(50)));
    }
}
