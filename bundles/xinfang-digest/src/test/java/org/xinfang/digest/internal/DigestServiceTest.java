package org.xinfang.digest.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinfang.digest.DigestConflictException;
import org.xinfang.digest.DigestConflictException.Reason;
import org.xinfang.digest.DigestStatus;
import org.xinfang.digest.DigestStore.Stored;
import org.xinfang.lifecycle.Action;
import org.xinfang.lifecycle.ActionInput;
import org.xinfang.petition.Actor;
import org.xinfang.lifecycle.CaseService;
import org.xinfang.node.NodeInfo;
import org.xinfang.node.NodeService;
import org.xinfang.node.UnitDirectory;
import org.xinfang.node.internal.ConfiguredNode;
import org.xinfang.petition.Person;
import org.xinfang.petition.Petition;
import org.xinfang.petition.ValidationException;
import org.xinfang.rest.support.ApiException;
import org.xinfang.rules.Deadline;
import org.xinfang.rules.HolidayCalendar;
import org.xinfang.petition.Step;
import org.xinfang.store.jdbc.internal.JdbcDigestStore;
import org.xinfang.store.jdbc.internal.JdbcPetitionStore;

/**
 * The digest's life on the real store over embedded Derby, its figures from a statistics service that counts
 * a list of cases the test adds to: generated as a draft with the month, the month before, the same month a
 * year before and the 12-month trend; the text written on the version read; signed off by a named leader, and
 * from then the same bytes whatever cases arrive, while a draft of another month counts them.
 */
class DigestServiceTest {
    // 2026-12-03 09:00 in Beijing: this month is 2026-12
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T01:00:00Z"), ZoneId.of("Asia/Shanghai"));
    private static final Person CLERK = new Person("clerk", "刘洋", "青溪区信访局登记员");
    private static final Person LEADER = new Person("leader", "陈静", "青溪区信访局局长");
    private static final Person NOBODY = new Person("temp", null, null);

    @TempDir
    Path dir;
    final List<FakeCase> cases = new ArrayList<>();
    DigestService service;

    /** What the statistics count of a case. */
    record FakeCase(LocalDate received, String kind, String channel, String owner, String category) {
    }

    @BeforeEach
    void start() throws Exception {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(dir.resolve("db").toString());
        ds.setCreateDatabase("create");
        new JdbcPetitionStore(ds).start();
        service = new DigestService(new JdbcDigestStore(ds), new CountingCases(), node(), CLOCK, "");
        // November 2026: three cases; October: two; November 2025: one; earlier months of 2025-2026 some more
        add("2026-11-03", "CLAIM", "WALK_IN", "510199101", "征地拆迁");
        add("2026-11-12", "CLAIM", "LETTER", "510199101", "征地拆迁");
        add("2026-11-20", "SUGGESTION", "ONLINE", "510199D01", "劳动社保");
        add("2026-10-08", "ACCUSATION", "LETTER", "510199102", "涉法涉诉");
        add("2026-10-09", "CLAIM", "PHONE", "510199101", null);
        add("2025-11-15", "CLAIM", "WALK_IN", "510199101", "征地拆迁");
        add("2026-01-15", "CLAIM", "WALK_IN", "510199101", "征地拆迁");
        add("2025-01-15", "CLAIM", "WALK_IN", "510199101", "征地拆迁");
    }

    private void add(String day, String kind, String channel, String owner, String category) {
        cases.add(new FakeCase(LocalDate.parse(day), kind, channel, owner, category));
    }

    private NodeService node() throws Exception {
        Path units = dir.resolve("units.csv");
        Files.writeString(units, "510199,青溪区信访局,DISTRICT,\n510199D01,区人力资源和社会保障局,DEPARTMENT,510199\n"
                + "510199101,清河镇,TOWNSHIP,510199\n510199102,白沙街道,TOWNSHIP,510199\n");
        NodeService real = new ConfiguredNode("", "district", "510199", "青溪区信访局", "DISTRICT", "", "", units.toString());
        Map<String, Person> staff = Map.of("clerk", CLERK, "leader", LEADER, "temp", NOBODY);
        return new NodeService() {
            @Override
            public NodeInfo info() {
                return real.info();
            }

            @Override
            public UnitDirectory units() {
                return real.units();
            }

            @Override
            public Person person(String login) {
                return staff.getOrDefault(login, new Person(login, null, null));
            }

            @Override
            public List<Person> staff() {
                return List.copyOf(staff.values());
            }

            @Override
            public HolidayCalendar calendar() {
                return real.calendar();
            }

            @Override
            public void replaceCalendar(String csv) {
                real.replaceCalendar(csv);
            }
        };
    }

    /** The statistics of the test's cases in the shape {@link CaseService#statistics} answers; one case overdue. */
    private final class CountingCases implements CaseService {
        @Override
        public Map<String, Object> statistics(LocalDate from, LocalDate to, String unit) {
            List<FakeCase> in = within(from, to);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("from", from.toString());
            m.put("to", to.toString());
            m.put("total", in.size());
            m.put("byKind", count(in, FakeCase::kind));
            m.put("byStatus", count(in, c -> "REGISTERED"));
            m.put("byChannel", count(in, FakeCase::channel));
            m.put("byCategory", count(in, c -> c.category() == null ? "未分类" : c.category()));
            m.put("byMonth", count(in, c -> c.received().toString().substring(0, 7)));
            m.put("byUnit", count(in, FakeCase::owner));
            m.put("massVisits", 0L);
            m.put("repeats", 1L);
            m.put("repeatRate", in.isEmpty() ? null : 1.0 / in.size());
            m.put("supervised", 0L);
            m.put("major", 0L);
            m.put("overdue", 0L);
            m.put("onTime", Map.of("HANDLING", Map.of("met", 2L, "missed", 1L, "rate", 0.6667)));
            m.put("satisfaction", Map.of("byLevel", new TreeMap<>(Map.of("SATISFIED", 2L)), "rated", 2L, "rate", 1.0));
            m.put("sameTimeLastYear", within(from.minusYears(1), to.minusYears(1)).size());
            return m;
        }

        @Override
        public Map<String, Long> receivedByMonth(LocalDate from, LocalDate to, String unit) {
            return count(within(from, to), c -> c.received().toString().substring(0, 7));
        }

        private List<FakeCase> within(LocalDate from, LocalDate to) {
            return cases.stream().filter(c -> !c.received().isBefore(from) && !c.received().isAfter(to)).toList();
        }

        private Map<String, Long> count(List<FakeCase> in, Function<FakeCase, String> key) {
            Map<String, Long> m = new TreeMap<>();
            in.forEach(c -> m.merge(key.apply(c), 1L, Long::sum));
            return m;
        }

        @Override
        public List<CaseDeadline> deadlineList(String filter, String unit, int days) {
            return List.of(new CaseDeadline("510199101-000007", "村道硬化迟迟未完工", "510199101", "ACCEPTED",
                    new Deadline(Step.HANDLING, LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 31),
                            Deadline.State.RUNNING, 0, 0, -33, null, false)));
        }

        @Override
        public org.xinfang.petition.Page<CaseDeadline> overdue(int limit) {
            List<CaseDeadline> all = deadlineList("overdue", null, 0);
            return new org.xinfang.petition.Page<>(all.subList(0, Math.min(limit, all.size())), all.size(), 0, limit);
        }

        @Override
        public Petition act(String id, Action action, ActionInput input, Actor actor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public org.xinfang.petition.Page<Petition> statisticsCases(LocalDate from, LocalDate to, String unit,
                String owner, String figure, String key, int offset, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Map<String, Map<String, Long>> figuresByOwner(LocalDate from, LocalDate to) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Action> allowedActions(Petition petition, Actor actor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean maySupervise(Petition petition, Actor actor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Deadline> deadlines(Petition petition) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Deadline> activeDeadline(Petition petition) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<String> superviseOverdue(Actor actor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Supervision> supervisions(boolean openOnly) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Petition supervise(String id, String instructions, String answerBy, boolean listed, Integer version,
                Actor actor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<LeaderCase> leaderCases(String filter, String leader) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Alert> alerts() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Workload workload(Actor actor) {
            throw new UnsupportedOperationException();
        }
    }

    private static JsonNode json(Stored s) throws Exception {
        return DigestFigures.MAPPER.readTree(s.document());
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void aDraftCarriesTheMonthsFiguresBesideTheMonthBeforeTheYearBeforeAndTheTrend() throws Exception {
        Stored s = service.generate("2026-11", CLERK);
        JsonNode d = json(s);
        assertEquals("青溪区信访摘报", d.get("title").asText());
        assertEquals("2026年第11期", d.get("issueLabel").asText());
        assertEquals("青溪区信访局", d.get("issuer").asText());
        assertEquals("DRAFT", d.get("status").asText());
        assertEquals(1, d.get("version").asInt());
        assertEquals("刘洋 · 青溪区信访局登记员", d.get("generatedBy").get("display").asText());
        assertFalse(new String(s.document(), StandardCharsets.UTF_8).contains("\"clerk\""), "no login in the document");
        JsonNode f = d.get("figures");
        assertEquals("2026-11-30", f.get("period").get("to").asText());
        JsonNode t = f.get("totals");
        assertEquals(3, t.get("total").asInt());
        assertEquals(2, t.get("previousMonth").asInt());
        assertEquals(0.5, t.get("monthOnMonth").asDouble());
        assertEquals(1, t.get("sameMonthLastYear").asInt());
        assertEquals(2.0, t.get("yearOnYear").asDouble());
        // by unit, most first, by name
        assertEquals("清河镇", f.get("byUnit").get(0).get("name").asText());
        assertEquals(2, f.get("byUnit").get(0).get("count").asInt());
        assertEquals("区人力资源和社会保障局", f.get("byUnit").get(1).get("name").asText());
        assertEquals("申诉求决", f.get("byKind").get(0).get("name").asText());
        assertEquals("征地拆迁", f.get("hotIssues").get("categories").get(0).get("name").asText());
        // the trend: 12 months up to November, against the same months a year before
        JsonNode trend = f.get("trend");
        assertEquals(12, trend.get("months").size());
        assertEquals("2025-12", trend.get("months").get(0).asText());
        assertEquals("2026-11", trend.get("months").get(11).asText());
        assertEquals(3, trend.get("counts").get(11).asInt());
        assertEquals(2, trend.get("counts").get(10).asInt());
        assertEquals(1, trend.get("counts").get(1).asInt()); // 2026-01
        assertEquals(1, trend.get("lastYear").get(11).asInt()); // 2025-11
        assertEquals(1, trend.get("lastYear").get(1).asInt()); // 2025-01
        assertEquals("办理", f.get("onTime").get(0).get("name").asText());
        assertEquals("满意", f.get("satisfaction").get("byLevel").get(0).get("name").asText());
        JsonNode late = f.get("overdueCases").get("items").get(0);
        assertEquals("510199101-000007", late.get("id").asText());
        assertEquals("清河镇", late.get("unitName").asText());
        assertEquals(33, late.get("daysOver").asInt());
        assertEquals(sha256(s.document()), s.sha256());
    }

    @Test
    void theMonthIsCheckedAndNamed() {
        for (String bad : new String[] {"2026-13", "2026-00", "2026/11", "11-2026", "abc", "2026-1"}) {
            ValidationException e = assertThrows(ValidationException.class, () -> service.generate(bad, CLERK), bad);
            assertEquals("month", e.field());
            assertEquals("invalid_month", e.code());
        }
        ValidationException future = assertThrows(ValidationException.class, () -> service.generate("2027-01", CLERK));
        assertEquals("in_future", future.code());
        assertEquals("required", assertThrows(ValidationException.class, () -> service.generate(" ", CLERK)).code());
        assertEquals("out_of_range", assertThrows(ValidationException.class, () -> service.generate("1999-12", CLERK)).code());
        // this month has begun: its digest may be drafted
        assertEquals(DigestStatus.DRAFT, service.generate("2026-12", CLERK).digest().status());
        assertEquals(Reason.EXISTS, assertThrows(DigestConflictException.class,
                () -> service.generate("2026-12", CLERK)).reason());
    }

    @Test
    void theTextIsWrittenOnTheVersionReadAndWithinItsLength() throws Exception {
        service.generate("2026-11", CLERK);
        Stored v2 = service.edit("2026-11", "本月来信来访总体平稳，征地拆迁类集中。", "清河镇征地拆迁问题需关注。", "建议开展专项督查。", 1, CLERK);
        JsonNode d = json(v2);
        assertEquals(2, d.get("version").asInt());
        assertEquals("本月来信来访总体平稳，征地拆迁类集中。", d.get("highlights").asText());
        assertEquals("刘洋 · 青溪区信访局登记员", d.get("editedBy").get("display").asText());
        assertEquals(Reason.STALE, assertThrows(DigestConflictException.class,
                () -> service.edit("2026-11", "x", null, null, 1, CLERK)).reason());
        assertEquals("version", assertThrows(ValidationException.class,
                () -> service.edit("2026-11", "x", null, null, null, CLERK)).field());
        ValidationException tooLong = assertThrows(ValidationException.class,
                () -> service.edit("2026-11", "长".repeat(3001), null, null, 2, CLERK));
        assertEquals("highlights", tooLong.field());
        assertEquals("too_long", tooLong.code());
        // regenerating keeps the text and counts again
        add("2026-11-25", "CLAIM", "WALK_IN", "510199102", "城乡建设");
        JsonNode again = json(service.regenerate("2026-11", 2, CLERK));
        assertEquals(3, again.get("version").asInt());
        assertEquals(4, again.get("figures").get("totals").get("total").asInt());
        assertEquals("本月来信来访总体平稳，征地拆迁类集中。", again.get("highlights").asText());
        assertEquals(Reason.STALE, assertThrows(DigestConflictException.class,
                () -> service.regenerate("2026-11", 2, CLERK)).reason());
    }

    @Test
    void aSignedDigestIsFixedWhateverArrivesLaterWhileAnotherMonthsDraftCountsIt() throws Exception {
        service.generate("2026-11", CLERK);
        service.edit("2026-11", "本月要情", "分析研判", "工作建议", 1, CLERK);
        ApiException unnamed = assertThrows(ApiException.class, () -> service.signOff("2026-11", 2, NOBODY));
        assertEquals(403, unnamed.status());
        assertEquals(Reason.STALE, assertThrows(DigestConflictException.class,
                () -> service.signOff("2026-11", 1, LEADER)).reason());
        Stored signed = service.signOff("2026-11", 2, LEADER);
        JsonNode d = json(signed);
        assertEquals("SIGNED", d.get("status").asText());
        assertEquals("陈静 · 青溪区信访局局长", d.get("signedBy").get("display").asText());
        assertEquals("2026-12-03T01:00:00Z", d.get("signedAt").asText());

        // a case received in November arrives after the sign-off
        add("2026-11-28", "CLAIM", "WALK_IN", "510199101", "征地拆迁");
        Stored later = service.get("2026-11");
        assertArrayEquals(signed.document(), later.document());
        assertEquals(signed.sha256(), later.sha256());
        assertEquals(sha256(later.document()), later.sha256());
        assertEquals(3, json(later).get("figures").get("totals").get("total").asInt());
        for (Runnable change : new Runnable[] {
            () -> service.edit("2026-11", "改", null, null, 3, CLERK),
            () -> service.regenerate("2026-11", null, CLERK),
            () -> service.signOff("2026-11", 3, LEADER)}) {
            assertEquals(Reason.SIGNED, assertThrows(DigestConflictException.class, change::run).reason());
        }
        assertArrayEquals(signed.document(), service.get("2026-11").document());
        // December's draft counts the late case in its month before and its trend
        JsonNode december = json(service.generate("2026-12", CLERK)).get("figures");
        assertEquals(4, december.get("totals").get("previousMonth").asInt());
        assertEquals(4, december.get("trend").get("counts").get(10).asInt());
        // the list shows both, newest first, with the signed one's hash
        List<Stored> all = service.list();
        assertEquals(List.of(YearMonth.of(2026, 12), YearMonth.of(2026, 11)), all.stream().map(x -> x.digest().month()).toList());
        assertEquals(signed.sha256(), all.get(1).sha256());
        assertNull(all.get(0).digest().signedBy());
        assertTrue(all.get(1).digest().signed());
    }
}
