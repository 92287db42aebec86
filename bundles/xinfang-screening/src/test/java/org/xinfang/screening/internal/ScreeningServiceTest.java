package org.xinfang.screening.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinfang.node.NodeInfo;
import org.xinfang.node.NodeService;
import org.xinfang.node.UnitDirectory;
import org.xinfang.node.internal.ConfiguredNode;
import org.xinfang.petition.Attr;
import org.xinfang.petition.Channel;
import org.xinfang.petition.Kind;
import org.xinfang.petition.Person;
import org.xinfang.petition.PetitionDraft;
import org.xinfang.petition.Petitioner;
import org.xinfang.petition.Registration;
import org.xinfang.petition.ValidationException;
import org.xinfang.petition.service.internal.RegistrationService;
import org.xinfang.rest.support.ApiException;
import org.xinfang.rules.HolidayCalendar;
import org.xinfang.screening.ItemKind;
import org.xinfang.screening.ReportState;
import org.xinfang.screening.RiskLevel;
import org.xinfang.screening.ScreeningForm;
import org.xinfang.screening.ScreeningItem;
import org.xinfang.screening.ScreeningReport;
import org.xinfang.store.jdbc.internal.JdbcPetitionStore;
import org.xinfang.store.jdbc.internal.JdbcScreeningStore;

/**
 * The screening's rules on the real store over embedded Derby: every field checked and named, the form's required
 * fields and risk levels at filing, draft → filed → returned → filed again with versions checked, only the unit's
 * node writing its report and only a unit above sending it back, late reports computed from the due day, and an
 * item registered as a case naming the item.
 */
class ScreeningServiceTest {
    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    private static final ScreeningForm FORM = new ScreeningForm(5, List.of(RiskLevel.HIGH, RiskLevel.MEDIUM,
            RiskLevel.LOW), Set.of("place", "measures", "responsibleName"), "510199");
    /** 2026-12-05 23:30 in Beijing: the last day to file November's report on time. */
    private static final Clock DUE_DAY = Clock.fixed(Instant.parse("2026-12-05T15:30:00Z"), ZoneId.of("Asia/Shanghai"));
    /** 2026-12-06 00:30 in Beijing: a day late. */
    private static final Clock DAY_AFTER = Clock.fixed(Instant.parse("2026-12-05T16:30:00Z"), ZoneId.of("Asia/Shanghai"));
    private static final Person CLERK = new Person("clerk", "李娜", "清河镇信访办登记员");
    private static final Person HEAD = new Person("head", "赵强", "区信访局局长");
    private static final Person UNNAMED = new Person("temp", null, null);

    @TempDir
    Path dir;
    EmbeddedDataSource ds;
    JdbcScreeningStore store;
    NodeService townshipNode;
    NodeService districtNode;
    ScreeningService township;
    ScreeningService district;

    private NodeService node(String code, String name, String kind) throws Exception {
        Path units = dir.resolve("units.csv");
        Files.writeString(units, "510199,青溪区信访局,DISTRICT,\n510199D01,区人力资源和社会保障局,DEPARTMENT,510199\n"
                + "510199101,清河镇,TOWNSHIP,510199\n510199102,白沙街道,TOWNSHIP,510199\n"
                + "510199101201,柳树村,VILLAGE,510199101\n");
        NodeService real = new ConfiguredNode("", kind.toLowerCase(), code, name, kind, "", "", units.toString());
        Map<String, Person> staff = Map.of("clerk", CLERK, "head", HEAD, "temp", UNNAMED);
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

    @BeforeEach
    void start() throws Exception {
        ds = new EmbeddedDataSource();
        ds.setDatabaseName(dir.resolve("db").toString());
        ds.setCreateDatabase("create");
        JdbcPetitionStore petitions = new JdbcPetitionStore(ds);
        petitions.start();
        store = new JdbcScreeningStore(ds);
        townshipNode = node("510199101", "清河镇", "TOWNSHIP");
        districtNode = node("510199", "青溪区信访局", "DISTRICT");
        township = service(townshipNode, DUE_DAY);
        district = service(districtNode, DUE_DAY);
    }

    private ScreeningService service(NodeService node, Clock clock) {
        return new ScreeningService(store, node, new RegistrationService(new JdbcPetitionStore(ds), node, null,
                "Asia/Shanghai"), FORM, clock);
    }

    private static ScreeningItem item(String place) {
        return new ScreeningItem(ItemKind.HIDDEN_CONFLICT, "柳树村土地征收补偿标准争议", place, 23, "柳树村三组村民", RiskLevel.HIGH,
                "镇村干部入户走访，联系区住建局答复", "王芳", "清河镇信访办主任", null);
    }

    private static String refusedField(Runnable call) {
        return assertThrows(ValidationException.class, call::run).field();
    }

    private static int refusedStatus(Runnable call) {
        return assertThrows(ApiException.class, call::run).status();
    }

    @Test
    void everyFieldIsCheckedAndNamedAndTheFormDecidesWhatAFiledReportMustHold() {
        assertEquals("summary", refusedField(() -> new ScreeningItem(ItemKind.HOT_ISSUE, " ", null, null, null,
                RiskLevel.LOW, null, null, null, null)));
        assertEquals("peopleCount", refusedField(() -> new ScreeningItem(ItemKind.HOT_ISSUE, "物业费", null, 0, null,
                RiskLevel.LOW, null, null, null, null)));
        assertEquals("risk", refusedField(() -> new ScreeningItem(ItemKind.HOT_ISSUE, "物业费", null, null, null, null,
                null, null, null, null)));
        assertEquals("place", refusedField(() -> item("地".repeat(201))));
        assertEquals("month", refusedField(() -> township.month("2026-13")));
        assertEquals("month", refusedField(() -> township.month("2027-01")), "not a month to come");
        assertEquals("nothingToReport", refusedField(() -> township.save("510199101", NOVEMBER, List.of(item("柳树村")),
                true, 0, CLERK)));

        // a draft may be incomplete; filing asks what the form requires, named under items[i]
        ScreeningReport draft = township.save("510199101", NOVEMBER, List.of(item("柳树村"), item(null)), false, 0, CLERK);
        assertEquals(ReportState.DRAFT, draft.state());
        assertEquals(1, draft.version());
        assertEquals("items[1].place", refusedField(() -> township.file("510199101", NOVEMBER, 1, CLERK)));
        String message = assertThrows(ValidationException.class, () -> township.file("510199101", NOVEMBER, 1, CLERK))
                .getMessage();
        assertTrue(message.startsWith("第2项：地点为必填项"), "Chinese first: " + message);

        ScreeningService narrow = new ScreeningService(store, townshipNode, null, new ScreeningForm(5,
                List.of(RiskLevel.HIGH, RiskLevel.LOW), Set.of(), "510199"), DUE_DAY);
        ScreeningItem medium = new ScreeningItem(ItemKind.HOT_ISSUE, "物业费", null, null, null, RiskLevel.MEDIUM, null,
                null, null, null);
        assertEquals("items[0].risk", refusedField(() -> narrow.save("510199101", NOVEMBER, List.of(medium), false, 1,
                CLERK)));

        // neither items nor the statement: nothing to file
        ScreeningReport empty = township.save("510199101", NOVEMBER, List.of(), false, 1, CLERK);
        assertEquals("items", refusedField(() -> township.file("510199101", NOVEMBER, empty.version(), CLERK)));
        ScreeningReport nothing = township.save("510199101", NOVEMBER, List.of(), true, empty.version(), CLERK);
        ScreeningReport filed = township.file("510199101", NOVEMBER, nothing.version(), CLERK);
        assertEquals(ReportState.FILED, filed.state());
        assertTrue(filed.nothingToReport());
        assertEquals("李娜", filed.filedBy().name());
    }

    @Test
    void aReportGoesFromDraftToFiledToReturnedAndIsFiledAgainEachStepOnItsVersion() {
        ScreeningReport draft = township.save("510199101", NOVEMBER, List.of(item("柳树村")), false, 0, CLERK);
        assertEquals(409, refusedStatus(() -> township.save("510199101", NOVEMBER, List.of(), true, 0, CLERK)),
                "a report exists: a new one is a stale write");
        assertEquals(409, refusedStatus(() -> township.file("510199101", NOVEMBER, 7, CLERK)), "stale version");
        assertEquals("version", refusedField(() -> township.file("510199101", NOVEMBER, null, CLERK)));
        assertEquals(403, refusedStatus(() -> township.file("510199101", NOVEMBER, 1, UNNAMED)),
                "filed by a person named in the staff list");
        assertEquals(403, refusedStatus(() -> district.save("510199101", NOVEMBER, List.of(), true, 1, HEAD)),
                "only the unit's own node writes its report");
        assertEquals(403, refusedStatus(() -> district.save("510199", NOVEMBER, List.of(), true, 0, HEAD)),
                "a petition office files no screening report");
        assertEquals(409, refusedStatus(() -> district.sendBack("510199101", NOVEMBER, "请补充", 1, HEAD)),
                "a draft is not sent back");

        ScreeningReport filed = township.file("510199101", NOVEMBER, draft.version(), CLERK);
        assertEquals(409, refusedStatus(() -> township.save("510199101", NOVEMBER, List.of(), true, filed.version(),
                CLERK)), "filed: in the hands of the units above");
        assertEquals(403, refusedStatus(() -> township.sendBack("510199101", NOVEMBER, "自己退回", filed.version(),
                CLERK)), "only a unit above sends it back");
        assertEquals("comments", refusedField(() -> district.sendBack("510199101", NOVEMBER, " ", filed.version(), HEAD)));
        assertEquals(403, refusedStatus(() -> district.sendBack("510199101", NOVEMBER, "请补充", filed.version(),
                UNNAMED)));

        ScreeningReport returned = district.sendBack("510199101", NOVEMBER, "风险等级偏低，请补充化解措施", filed.version(), HEAD);
        assertEquals(ReportState.RETURNED, returned.state());
        assertEquals("赵强", returned.returnedBy().name());
        ScreeningReport corrected = township.save("510199101", NOVEMBER, List.of(item("柳树村三组")), false,
                returned.version(), CLERK);
        assertEquals(ReportState.RETURNED, corrected.state(), "returned until filed again");
        ScreeningReport again = township.file("510199101", NOVEMBER, corrected.version(), CLERK);
        assertEquals(ReportState.FILED, again.state());
        assertEquals("风险等级偏低，请补充化解措施", again.comments(), "the last comments stay on record");
        assertEquals(5, again.version());
    }

    @Test
    void theDistrictListsEveryDepartmentAndTownshipBelowAndWhoIsLateAfterTheDueDay() {
        assertEquals(List.of("510199D01", "510199101", "510199102"), district.filers().stream().map(u -> u.code()).toList(),
                "departments and townships, not the villages");
        assertTrue(township.filers().isEmpty(), "a township has no one below that files");

        ScreeningReport draft = township.save("510199101", NOVEMBER, List.of(item("柳树村")), false, 0, CLERK);
        Map<String, ScreeningService.Standing> onTheDueDay = standings(district);
        assertEquals(ScreeningService.Standing.NOT_FILED, onTheDueDay.get("510199102"), "not late on the due day");
        assertEquals(ScreeningService.Standing.NOT_FILED, onTheDueDay.get("510199101"));

        ScreeningService late = service(districtNode, DAY_AFTER);
        Map<String, ScreeningService.Standing> dayAfter = standings(late);
        assertEquals(ScreeningService.Standing.LATE, dayAfter.get("510199102"), "missing after the due day");
        assertEquals(ScreeningService.Standing.LATE, dayAfter.get("510199101"), "a draft after the due day");
        assertEquals(ScreeningService.Standing.LATE, dayAfter.get("510199D01"));

        township.file("510199101", NOVEMBER, draft.version(), CLERK);
        ScreeningService.Line onTime = late.overview(NOVEMBER).stream().filter(l -> l.unit().code().equals("510199101"))
                .findFirst().orElseThrow();
        assertEquals(ScreeningService.Standing.FILED, onTime.standing());
        assertFalse(onTime.filedLate(), "filed on 2026-12-05, the due day");

        ScreeningService lateTownship = service(townshipNode, DAY_AFTER);
        ScreeningReport returned = late.sendBack("510199101", NOVEMBER, "请补充", 2, HEAD);
        assertEquals(ScreeningService.Standing.LATE, standings(late).get("510199101"), "sent back and not filed again");
        lateTownship.file("510199101", NOVEMBER, returned.version(), CLERK);
        ScreeningService.Line refiled = late.line(store.get("510199101", NOVEMBER).orElseThrow());
        assertEquals(ScreeningService.Standing.FILED, refiled.standing());
        assertTrue(refiled.filedLate(), "filed again on 2026-12-06");
        assertEquals(java.time.LocalDate.of(2026, 12, 5), FORM.dueDate(NOVEMBER));
        assertEquals(java.time.LocalDate.of(2027, 1, 5), FORM.dueDate(YearMonth.of(2026, 12)));
    }

    /**
     * What assessment counts of screening: the months whose due day has passed, from the first month anyone
     * reported in this system (the months before it were never filed here and are nobody's lapse).
     */
    @Test
    void reportsOnTimeAreCountedFromTheFirstMonthScreeningWasKeptHere() {
        ScreeningService late = service(districtNode, DAY_AFTER);
        assertEquals(new org.xinfang.screening.ScreeningRecord.OnTime(0, 0), late.onTime("510199101", 2026),
                "nothing kept yet: no month is due");
        ScreeningReport draft = township.save("510199101", NOVEMBER, List.of(item("柳树村")), false, 0, CLERK);
        township.file("510199101", NOVEMBER, draft.version(), CLERK);
        assertEquals(new org.xinfang.screening.ScreeningRecord.OnTime(1, 1), late.onTime("510199101", 2026),
                "November filed by its due day; January to October not counted");
        assertEquals(new org.xinfang.screening.ScreeningRecord.OnTime(0, 1), late.onTime("510199102", 2026),
                "the other township did not file November");
    }

    private static Map<String, ScreeningService.Standing> standings(ScreeningService s) {
        Map<String, ScreeningService.Standing> m = new java.util.HashMap<>();
        s.overview(NOVEMBER).forEach(l -> m.put(l.unit().code(), l.standing()));
        return m;
    }

    @Test
    void anItemRegisteredAsACaseNamesTheItemAndTheItemRecordsTheCase() {
        ScreeningReport draft = township.save("510199101", NOVEMBER, List.of(item("柳树村"), item("桃园村")), false, 0, CLERK);
        PetitionDraft petition = new PetitionDraft(Kind.CLAIM, Channel.WALK_IN, "柳树村土地征收补偿标准争议", "内容", null, null,
                null, null, List.of(new Petitioner("张三", "11010519491231002X", null, null)));
        Registration r = township.register("510199101", NOVEMBER, 2, petition, draft.version(), CLERK);
        assertEquals("510199101-S202611-2", r.petition().timeline().get(0).attrs().get(Attr.SCREENING_ITEM));
        ScreeningReport after = store.get("510199101", NOVEMBER).orElseThrow();
        assertEquals(r.petition().id(), after.items().get(1).caseId());
        assertNull(after.items().get(0).caseId());
        assertEquals(2, after.version());
        assertEquals(409, refusedStatus(() -> township.register("510199101", NOVEMBER, 2, petition, 2, CLERK)),
                "registered once");
        assertThrows(org.xinfang.petition.NotFoundException.class, () -> township.register("510199101", NOVEMBER, 3,
                petition, 2, CLERK));

        // the registered item keeps its place: it cannot be dropped, and a case id cannot be made up
        assertEquals("items[1].caseId", refusedField(() -> township.save("510199101", NOVEMBER, List.of(item("柳树村")),
                false, 2, CLERK)));
        ScreeningItem invented = item("柳树村").registered("510199101-0000099");
        assertEquals("items[0].caseId", refusedField(() -> township.save("510199101", NOVEMBER, List.of(invented,
                after.items().get(1)), false, 2, CLERK)));

        // filed: now the district registers, and the township no longer does
        ScreeningReport filed = township.file("510199101", NOVEMBER, 2, CLERK);
        assertEquals(409, refusedStatus(() -> township.register("510199101", NOVEMBER, 1, petition, filed.version(),
                CLERK)));
        Registration above = district.register("510199101", NOVEMBER, 1, petition, filed.version(), HEAD);
        assertTrue(above.petition().id().startsWith("510199-"), above.petition().id());
        assertEquals(above.petition().id(), store.get("510199101", NOVEMBER).orElseThrow().items().get(0).caseId());
    }
}
