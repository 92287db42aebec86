package org.xinfang.assessment.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinfang.assessment.AssessmentStore;
import org.xinfang.lifecycle.CaseService;
import org.xinfang.node.internal.ConfiguredNode;
import org.xinfang.petition.Person;
import org.xinfang.petition.ValidationException;
import org.xinfang.screening.ScreeningRecord;
import org.xinfang.store.jdbc.internal.JdbcAssessmentStore;
import org.xinfang.store.jdbc.internal.JdbcPetitionStore;
import org.xinfang.store.jdbc.internal.JdbcReferenceStore;

/**
 * Scores worked out by hand from the figures of each unit's cases (a fake case service hands them over, as the
 * statistics would count them); rules and closed years on real Derby.
 */
class AssessmentServiceTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    private static final Person LEADER = new Person("leader", "陈静", "区委副书记");

    @TempDir
    Path dir;
    AssessmentService service;
    /** The figures the fake case service answers, by owner; and the periods it was asked for. */
    Map<String, Map<String, Long>> figures = new HashMap<>();
    LocalDate askedFrom;
    LocalDate askedTo;

    @BeforeEach
    void start() throws Exception {
        Path units = dir.resolve("units.csv");
        Files.writeString(units, "510199,青溪区信访局,DISTRICT,\n510199101,清河镇,TOWNSHIP,510199\n"
                + "510199102,白沙街道,TOWNSHIP,510199\n510199201,区人社局,DEPARTMENT,510199\n"
                + "510199101201,柳树村,VILLAGE,510199101\n");
        ConfiguredNode node = new ConfiguredNode("", "district", "510199", "青溪区信访局", "DISTRICT", "", "",
                units.toString());
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(dir.resolve("db").toString());
        ds.setCreateDatabase("create");
        new JdbcPetitionStore(ds).start();
        CaseService cases = (CaseService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {CaseService.class}, (proxy, method, args) -> {
                    if (method.getName().equals("figuresByOwner")) {
                        askedFrom = (LocalDate) args[0];
                        askedTo = (LocalDate) args[1];
                        return figures;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        service = new AssessmentService(cases, node, new JdbcReferenceStore(ds), new JdbcAssessmentStore(ds), CLOCK);
    }

    private static JsonNode unit(JsonNode a, String code) {
        for (JsonNode u : a.get("units")) {
            if (u.get("unit").asText().equals(code)) {
                return u;
            }
        }
        throw new AssertionError("no unit " + code + " in " + a);
    }

    private static JsonNode indicator(JsonNode unit, String name) {
        for (JsonNode i : unit.get("indicators")) {
            if (i.get("indicator").asText().equals(name)) {
                return i;
            }
        }
        throw new AssertionError(name);
    }

    @Test
    void pointsAreTheWeightTimesTheRateAndTheScoreIsScaledOverWhatApplies() {
        // 清河镇: 10 cases, notices 8 met 2 missed, decisions 4 met 1 missed, 1 repeat, 4 rated of whom 3 satisfied
        figures.put("510199101", Map.of("total", 10L, "NOTICE.met", 8L, "NOTICE.missed", 2L, "HANDLING.met", 4L,
                "HANDLING.missed", 1L, "repeats", 1L, "rated", 4L, "satisfied", 3L));
        // 白沙街道: 2 cases, both notices in time, nothing else ended
        figures.put("510199102", Map.of("total", 2L, "NOTICE.met", 2L));
        JsonNode a = service.assessment(2026);
        assertEquals(LocalDate.of(2026, 1, 1), askedFrom);
        assertEquals(LocalDate.of(2026, 11, 25), askedTo, "this year so far");
        JsonNode q = unit(a, "510199101");
        assertEquals(16.0, indicator(q, "NOTICE_ON_TIME").get("points").asDouble(), "20 x 8/10");
        assertEquals(20.0, indicator(q, "HANDLING_ON_TIME").get("points").asDouble(), "25 x 4/5");
        assertFalse(indicator(q, "SUPERVISION_ON_TIME").get("applies").asBoolean(), "nothing supervised");
        assertEquals(13.5, indicator(q, "REPEAT").get("points").asDouble(), "15 x 9/10");
        assertEquals(11.25, indicator(q, "SATISFACTION").get("points").asDouble(), "15 x 3/4");
        assertEquals(60.75, q.get("pointsWon").asDouble());
        assertEquals(75, q.get("pointsPossible").asInt(), "20 + 25 + 15 + 15: supervision and screening do not apply");
        assertEquals(81.0, q.get("score").asDouble(), "60.75 / 75 x 100");
        JsonNode b = unit(a, "510199102");
        assertEquals(100.0, b.get("score").asDouble(), "notices all in time, 0 repeats in 2 cases: 35 of 35");
        JsonNode dept = unit(a, "510199201");
        assertEquals(100.0, dept.get("score").asDouble(), "nothing to count: neither helps nor hurts");
        assertEquals(1, b.get("rank").asInt());
        assertEquals(1, dept.get("rank").asInt(), "equal scores share a rank");
        assertEquals(3, q.get("rank").asInt());
        assertEquals(3, a.get("units").size(), "competent units only: the village is not assessed");
        // every point lost leads to its cases
        JsonNode lost = indicator(q, "NOTICE_ON_TIME");
        assertEquals(2, lost.get("lost").asInt());
        assertEquals("onTime", lost.get("casesLost").get("figure").asText());
        assertEquals("NOTICE:missed", lost.get("casesLost").get("key").asText());
        assertEquals("510199101", lost.get("casesLost").get("owner").asText());
    }

    @Test
    void screeningReportsFiledOnTimeCountWhereTheScreeningIsKept() {
        service.setScreening(List.of((unit, y) -> unit.equals("510199101") ? new ScreeningRecord.OnTime(8, 10)
                : new ScreeningRecord.OnTime(0, 0)));
        figures.put("510199101", Map.of("total", 1L, "NOTICE.met", 1L));
        JsonNode q = unit(service.assessment(2026), "510199101");
        JsonNode screening = indicator(q, "SCREENING");
        assertEquals(8.0, screening.get("points").asDouble(), "10 x 8/10");
        assertEquals(2, screening.get("lost").asInt(), "two months late or missing");
        assertEquals(43.0 * 100 / 45, q.get("score").asDouble(), 0.01, "(20 + 15 + 8) / (20 + 15 + 10)");
    }

    @Test
    void theWeightsAreTheDistrictsToSetByVersion() {
        var rules = service.replaceRules("{\"version\":0,\"weights\":{\"NOTICE_ON_TIME\":50,\"HANDLING_ON_TIME\":50}}");
        assertEquals(1, rules.version());
        figures.put("510199101", Map.of("total", 4L, "NOTICE.met", 3L, "NOTICE.missed", 1L, "HANDLING.met", 1L,
                "HANDLING.missed", 1L));
        JsonNode q = unit(service.assessment(2026), "510199101");
        assertEquals(62.5, q.get("score").asDouble(), "(50 x 3/4 + 50 x 1/2) / 100");
        assertEquals("weights.COLOUR", assertThrows(ValidationException.class,
                () -> service.replaceRules("{\"version\":1,\"weights\":{\"COLOUR\":5}}")).field());
        assertEquals("weights.REPEAT", assertThrows(ValidationException.class,
                () -> service.replaceRules("{\"version\":1,\"weights\":{\"REPEAT\":101}}")).field());
        assertEquals("weights", assertThrows(ValidationException.class,
                () -> service.replaceRules("{\"version\":1,\"weights\":{\"REPEAT\":0}}")).field());
    }

    @Test
    void aClosedYearIsShownAsClosedWhateverTheCasesSayLater() {
        figures.put("510199101", Map.of("total", 2L, "NOTICE.met", 1L, "NOTICE.missed", 1L));
        assertEquals("not_over", assertThrows(ValidationException.class, () -> service.close(2026, LEADER)).code());
        JsonNode closed = service.close(2025, LEADER);
        assertTrue(closed.get("closed").asBoolean());
        assertEquals(71.43, unit(closed, "510199101").get("score").asDouble(), "(20 x 1/2 + 15 x 2/2) / 35");
        assertEquals(LocalDate.of(2025, 12, 31), askedTo);
        // the cases change afterwards (a late notice recorded, more cases): the closed year does not
        figures.put("510199101", Map.of("total", 9L, "NOTICE.met", 9L));
        JsonNode again = service.assessment(2025);
        assertEquals(71.43, unit(again, "510199101").get("score").asDouble());
        assertEquals(closed.get("digest").asText(), again.get("digest").asText());
        assertEquals("陈静", again.get("closedBy").get("name").asText());
        assertThrows(AssessmentStore.AlreadyClosedException.class, () -> service.close(2025, LEADER));
        assertEquals(100.0, unit(service.assessment(2026), "510199101").get("score").asDouble(), "an open year is live");
        assertEquals("year", assertThrows(ValidationException.class, () -> service.assessment(2027)).field());
        assertEquals("closedBy", assertThrows(ValidationException.class,
                () -> service.close(2024, new Person("temp", null, null))).field());
    }
}
