package org.xinfang.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Historic cases imported from a spreadsheet at the real district (历史数据导入, docs/import.md): a file of good
 * and bad rows saved as Chinese Excel saves CSV (GB18030); the dry run lists every bad row with its reason;
 * the import takes the good ones, closed, marked as imported and not overdue; the same file again adds
 * nothing; malformed files answer 400 with the reason, never 500.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImportIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PW = "Import-test-admin-pw-1";
    private static final String HEAD = "head";
    private static final String HEAD_PW = "Import-test-head-pw-1";
    private static final String CLERK = "importclerk";
    private static final String CLERK_PW = "Import-test-clerk-pw-1";
    private static final String SOURCE = "青溪区2019年信访台账";
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    /** Four good rows (one with an unknown column's cell) and three bad ones; rows as the spreadsheet numbers them. */
    private static final String FILE = "原编号,登记日期,信访形式,信访类别,信访人,身份证号,电话,人数,问题分类,标题,诉求内容,责任单位,办理结果,办结日期,办理情况,备注\r\n"
            + "QX2019-001,2019-03-04,来访,申诉求决,陈大勇,11010519491231002X,13712345678,32,劳动社保,拖欠农民工工资,"
            + "\"某工地30余名农民工反映被拖欠工资，要求\"\"尽快\"\"支付\",清河镇,支持,2019/4/20,已督促支付,x\r\n"
            + "QX2019-002,2019/5/6,来信,建议意见,李红,,,,城建,村口路灯不亮,建议修复柳树村村口路灯,柳树村,已回复,2019年5月30日,,\r\n"
            + "QX2019-003,2019-06-01,网上,申诉求决,王强,,,,,标题,内容,不存在的单位,解释说明,2019-06-20,,\r\n"
            + "QX2019-004,2019-07-01,来访,申诉求决,赵六,110105194912310021,,,,标题,内容,,调解,2019-07-20,,\r\n"
            + "QX2019-005,2019-08-01,来访,申诉求决,钱七,,,,,尚未办结,内容,,,,,\r\n"
            + "QX2019-006,2019-09-01,电话,检举控告,孙八,,,,,举报,举报内容,,导入其他渠道,2019-09-02,,\r\n"
            + "QX2019-007,2019-10-01,来访,申诉求决,周九,,,,,征地补偿,要求提高补偿标准,区住房和城乡建设局,不支持,2019-11-30,,\r\n";
    private static final Set<String> GOOD = Set.of("QX2019-001", "QX2019-002", "QX2019-006", "QX2019-007");

    private TierNode district;

    @BeforeAll
    void boot() throws Exception {
        district = TierNode.unpack("district", "im-district").user(HEAD, HEAD_PW, "head")
                .person(HEAD, "赵敏", "青溪区信访局局长").user(CLERK, CLERK_PW, "clerk").start(PW);
        district.awaitReady();
    }

    @AfterAll
    void stop() throws Exception {
        if (district != null) {
            district.close();
        }
    }

    private HttpResponse<String> upload(String login, String password, String query, byte[] body, String type)
            throws Exception {
        return district.send(HttpRequest.newBuilder(java.net.URI.create(district.baseUrl() + "/api/v1/imports" + query))
                .timeout(Duration.ofSeconds(60)).header("Authorization", TierNode.basic(login, password))
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    private HttpResponse<String> upload(String query, byte[] body) throws Exception {
        return upload(HEAD, HEAD_PW, query, body, "text/csv");
    }

    private static String q(String source, boolean dryRun) {
        return "?source=" + URLEncoder.encode(source, StandardCharsets.UTF_8) + (dryRun ? "&dryRun=true" : "");
    }

    private static byte[] gb18030() {
        return FILE.getBytes(Charset.forName("GB18030"));
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    @Test
    @Order(1)
    void malformedFilesAnswer400WithTheReasonAndOnlyHeadsImport() throws Exception {
        String[][] cases = {
            {"", "empty_file"},
            {"原编号,登记日期,信访形式,信访类别,信访人,标题,诉求内容,办理结果,办结日期\r\n", "no_rows"},
            {"原编号,登记日期,信访形式,信访类别,信访人,标题,诉求内容,办理结果,办结日期\r\nA-1,\"2019-01-01,来", "unterminated_quote"},
            {"原编号,登记日期\r\nA-1,2019-01-01\r\n", "missing_column"},
        };
        for (String[] c : cases) {
            HttpResponse<String> r = upload(q(SOURCE, true), c[0].getBytes(StandardCharsets.UTF_8));
            assertEquals(400, r.statusCode(), c[1] + ": " + r.body());
            assertEquals(c[1], json(r).get("error").asText());
            assertEquals("file", json(r).get("field").asText());
        }
        HttpResponse<String> xlsx = upload(q(SOURCE, false), new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0});
        assertEquals(400, xlsx.statusCode());
        assertEquals("unsupported_format", json(xlsx).get("error").asText());
        HttpResponse<String> notText = upload(q(SOURCE, true), new byte[] {'a', ',', (byte) 0xFF, (byte) 0xFF, (byte) 0x80});
        assertEquals("invalid_encoding", json(notText).get("error").asText());
        HttpResponse<String> noSource = upload("?dryRun=true", gb18030());
        assertEquals(400, noSource.statusCode());
        assertEquals("source", json(noSource).get("field").asText());
        assertEquals(403, upload(CLERK, CLERK_PW, q(SOURCE, true), gb18030(), "text/csv").statusCode(),
                "a clerk registers one by one; the head imports");
        assertEquals(0, json(district.get("/api/v1/petitions?status=ARCHIVED")).get("total").asInt());
    }

    @Test
    @Order(2)
    void theDryRunListsEveryBadRowWithItsReasonAndStoresNothing() throws Exception {
        HttpResponse<String> r = upload(q(SOURCE, true), gb18030());
        assertEquals(200, r.statusCode(), r.body());
        JsonNode report = json(r);
        assertEquals("GB18030", report.get("encoding").asText());
        assertEquals(7, report.get("rows").asInt());
        assertEquals(4, report.get("valid").asInt());
        assertEquals(3, report.get("invalid").asInt());
        assertEquals(0, report.get("duplicates").asInt());
        List<String> errors = new ArrayList<>();
        for (JsonNode e : report.get("errors")) {
            errors.add(e.get("row").asInt() + ":" + e.get("field").asText() + ":" + e.get("reason").asText());
            assertTrue(e.get("message").asText().matches("^[^A-Za-z]*[\\u4e00-\\u9fff].*"), "Chinese first: " + e);
        }
        assertEquals(List.of("4:unit:unknown_unit", "5:idNumber:check_digit", "6:outcome:unfinished"), errors);
        assertEquals("备注", report.get("warnings").get(0).get("column").asText());
        assertEquals(0, json(district.get("/api/v1/petitions?status=ARCHIVED")).get("total").asInt());
    }

    private JsonNode importAndWait(byte[] file) throws Exception {
        HttpResponse<String> started = upload(q(SOURCE, false), file);
        assertEquals(202, started.statusCode(), started.body());
        String id = json(started).get("id").asText();
        assertEquals("/api/v1/imports/" + id, started.headers().firstValue("Location").orElseThrow()
                .replaceFirst("^https?://[^/]+", ""));
        long until = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < until) {
            HttpResponse<String> r = district.getAs(HEAD, HEAD_PW, "/api/v1/imports/" + id);
            assertEquals(200, r.statusCode(), r.body());
            JsonNode job = json(r);
            assertTrue(job.get("processed").asInt() <= job.get("total").asInt());
            if (job.get("state").asText().equals("DONE") || job.get("state").asText().equals("FAILED")) {
                return job;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("import " + id + " did not finish");
    }

    @Test
    @Order(3)
    void theImportTakesTheGoodRowsClosedMarkedAndNotOverdue() throws Exception {
        JsonNode job = importAndWait(gb18030());
        assertEquals("DONE", job.get("state").asText(), job.toString());
        assertEquals(7, job.get("total").asInt());
        assertEquals(7, job.get("processed").asInt());
        assertEquals(4, job.get("imported").asInt());
        assertEquals(0, job.get("skipped").asInt());
        assertEquals(3, job.get("failed").asInt());
        assertEquals(3, job.get("errors").size(), "the same row report at the end");

        JsonNode list = json(district.get("/api/v1/petitions?status=ARCHIVED&limit=50"));
        assertEquals(4, list.get("total").asInt());
        Set<String> ids = new HashSet<>();
        Set<String> numbers = new HashSet<>();
        for (JsonNode item : list.get("items")) {
            ids.add(item.get("id").asText());
            assertEquals("历史办结", item.get("statusLabel").asText());
            assertTrue(item.get("activeDeadline").isNull(), "no clock runs on a historic case: " + item);
            JsonNode c = json(district.get("/api/v1/petitions/" + item.get("id").asText()));
            JsonNode registered = c.get("timeline").get(0);
            assertEquals("REGISTERED", registered.get("type").asText());
            assertEquals(SOURCE, registered.get("attrs").get("importedFrom").asText(), "marked as imported");
            numbers.add(registered.get("attrs").get("sourceNumber").asText());
            assertEquals("赵敏 · 青溪区信访局局长", registered.get("actorDisplay").asText());
            assertEquals("ARCHIVED", c.get("timeline").get(1).get("type").asText());
            assertEquals(0, c.get("deadlines").size());
            assertTrue(c.get("activeDeadline").isNull());
            assertEquals(0, c.get("allowedActions").size(), "nothing is done on a closed historic case: " + c.get("allowedActions"));
        }
        assertEquals(GOOD, numbers);
        JsonNode first = json(district.get("/api/v1/petitions?q=" + URLEncoder.encode("拖欠农民工工资", StandardCharsets.UTF_8)))
                .get("items").get(0);
        JsonNode c = json(district.get("/api/v1/petitions/" + first.get("id").asText()));
        assertEquals("2019-03-04", c.get("receivedAt").asText());
        assertEquals(32, c.get("headcount").asInt());
        assertEquals("某工地30余名农民工反映被拖欠工资，要求\"尽快\"支付", c.get("content").asText());
        JsonNode closed = c.get("timeline").get(1).get("attrs");
        assertEquals("SUPPORTED", closed.get("historicResult").asText());
        assertEquals("2019-04-20", closed.get("closedOn").asText());
        assertEquals("510199101", closed.get("responsibleUnit").asText());

        // not overdue, not supervised: the deadline lists and the overdue scan pass them by
        JsonNode overdue = json(district.get("/api/v1/deadlines?filter=overdue"));
        for (JsonNode item : overdue.get("items")) {
            assertFalse(ids.contains(item.get("id").asText()), "a historic case is never overdue: " + item);
        }
        HttpResponse<String> scan = district.send(district.request("/api/v1/supervision/scan")
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, scan.statusCode(), scan.body());
        for (JsonNode id : json(scan).get("supervised")) {
            assertFalse(ids.contains(id.asText()), "a historic case is never supervised");
        }
    }

    @Test
    @Order(4)
    void theSameFileAgainAddsNothing() throws Exception {
        JsonNode dry = json(upload(q(SOURCE, true), gb18030()));
        assertEquals(0, dry.get("valid").asInt());
        assertEquals(4, dry.get("duplicates").asInt());
        assertEquals(3, dry.get("invalid").asInt());
        assertEquals("already_imported", dry.get("duplicateRows").get(0).get("reason").asText());
        // the same file as Excel's CSV UTF-8 (with a byte-order mark) is the same rows
        byte[] utf8 = ("\uFEFF" + FILE).getBytes(StandardCharsets.UTF_8);
        JsonNode job = importAndWait(utf8);
        assertEquals("DONE", job.get("state").asText());
        assertEquals(0, job.get("imported").asInt());
        assertEquals(4, job.get("skipped").asInt());
        assertEquals(3, job.get("failed").asInt());
        assertEquals(4, json(district.get("/api/v1/petitions?status=ARCHIVED")).get("total").asInt());
    }
}
