package org.xinfang.petition.service.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinfang.node.internal.ConfiguredNode;
import org.xinfang.petition.Actor;
import org.xinfang.lifecycle.ForbiddenActionException;
import org.xinfang.lifecycle.IllegalTransitionException;
import org.xinfang.petition.Channel;
import org.xinfang.petition.Event;
import org.xinfang.petition.NotFoundException;
import org.xinfang.petition.PetitionStore;
import org.xinfang.petition.PetitionSummary;
import org.xinfang.petition.Rating;
import org.xinfang.petition.Status;
import org.xinfang.petition.Kind;
import org.xinfang.petition.Attr;
import org.xinfang.petition.Attributes;
import org.xinfang.petition.EventType;
import org.xinfang.petition.NewEvent;
import org.xinfang.petition.Outcome;
import org.xinfang.petition.Person;
import org.xinfang.petition.Petition;
import org.xinfang.petition.PetitionDraft;
import org.xinfang.petition.Petitioner;
import org.xinfang.petition.PublicProgress;
import org.xinfang.petition.Registration;
import org.xinfang.petition.ValidationException;
import org.xinfang.store.jdbc.internal.JdbcPetitionStore;

class RegistrationServiceTest {
    // 2026-11-26 01:00 in Beijing is still 2026-11-25 in UTC: the office's calendar decides "today"
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T17:00:00Z"), ZoneId.of("Asia/Shanghai"));

    private static final Person CLERK = new Person("clerk1", "李娜", "柳树村村委会文书");

    @TempDir
    Path dir;
    RegistrationService service;
    JdbcPetitionStore store;

    @BeforeEach
    void start() throws Exception {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(dir.resolve("db").toString());
        ds.setCreateDatabase("create");
        store = new JdbcPetitionStore(ds);
        store.start();
        ConfiguredNode node = new ConfiguredNode("", "village", "510199101201", "柳树村", "VILLAGE", "", "", 
                dir.resolve("none.csv").toString());
        service = new RegistrationService(store, node, CLOCK);
    }

    private static PetitionDraft draft(LocalDate received) {
        return new PetitionDraft(Kind.CLAIM, Channel.LETTER, "拖欠工资", "某公司拖欠工资三个月", null, null, received,
                null, List.of(new Petitioner("张三", "11010519491231002X", "13812345678", null)));
    }

    @Test
    void issuesIdsFromTheUnitCodeAndANodeSequence() {
        Registration first = service.register(draft(null), CLERK);
        Registration second = service.register(draft(null), CLERK);
        assertEquals("510199101201-0000001", first.petition().id());
        assertEquals("510199101201-0000002", second.petition().id());
        assertNotEquals(first.petition().trackingCode(), second.petition().trackingCode());
        assertTrue(first.verificationCode().matches("\\d{8}"));
        assertEquals(LocalDate.of(2026, 11, 26), first.petition().receivedAt());
    }

    @Test
    void theFirstEventNamesTheFirstContactOwner() {
        Petition p = service.register(draft(LocalDate.of(2026, 11, 20)), CLERK).petition();
        Petition stored = service.get(p.id()).orElseThrow();
        assertEquals(1, stored.timeline().size());
        assertEquals(EventType.REGISTERED, stored.timeline().get(0).type());
        assertEquals(CLERK, stored.timeline().get(0).actor(), "the person, with name and title");
        assertEquals("510199101201#1", stored.timeline().get(0).id());
        assertEquals("510199101201", stored.owner());
    }

    @Test
    void aCategoryFindsTheCasesRegisteredUnderItsNameOrAnAlias() {
        PetitionDraft d = draft(LocalDate.of(2026, 11, 20));
        String registered = service.register(new PetitionDraft(d.kind(), d.channel(), d.subject(), d.content(), "劳动社保",
                d.location(), d.receivedAt(), d.headcount(), d.petitioners()), CLERK).petition().id();
        // a case from before the list, under a word the list later made an alias
        Instant at = Instant.parse("2026-11-01T02:00:00Z");
        store.insert(new Petition("OLD-1", "TRKOLD1", Kind.CLAIM, Channel.LETTER, "欠薪", "欠薪三个月", "拖欠工资", null,
                LocalDate.of(2026, 11, 1), 1, d.petitioners(), "510199101201", "510199101201", Status.REGISTERED, at,
                List.of(new Event(1, "OLD-1#1", at, EventType.REGISTERED, CLERK, "510199101201", "510199101201",
                        Attributes.NONE, null))), "h", "N1");
        org.xinfang.petition.PetitionQuery all = org.xinfang.petition.PetitionQuery.all(10);
        assertEquals(List.of(registered, "OLD-1"), service.find(all.withCategories(java.util.Set.of("劳动社保"))).items()
                .stream().map(PetitionSummary::id).toList());
        assertEquals(2, service.find(all.withCategories(java.util.Set.of("labour and social security"))).total(),
                "the English name, in either case");
        assertEquals(0, service.find(all.withCategories(java.util.Set.of("农村农业"))).total());
        assertEquals("category", assertThrows(ValidationException.class,
                () -> service.find(all.withCategories(java.util.Set.of("无此分类")))).field());
    }

    @Test
    void aReceiptDateInTheFutureIsRefused() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> service.register(draft(LocalDate.of(2026, 11, 27)), CLERK));
        assertEquals("receivedAt", e.field());
        assertEquals(0, service.find(org.xinfang.petition.PetitionQuery.all(10)).total());
    }

    @Test
    void publicProgressNeedsBothCodesAndShowsNoPersonalData() {
        Registration r = service.register(draft(null), CLERK);
        String tracking = r.petition().trackingCode();
        PublicProgress progress = service.publicProgress(tracking.toLowerCase(), r.verificationCode()).orElseThrow();
        assertEquals("已登记", progress.statusLabel());
        assertEquals("柳树村", progress.ownerName());
        assertEquals(1, progress.steps().size());
        String wrong = r.verificationCode().equals("000000") ? "111111" : "000000";
        assertTrue(service.publicProgress(tracking, wrong).isEmpty());
        assertTrue(service.publicProgress("NOSUCHCODE", r.verificationCode()).isEmpty());
        assertTrue(service.publicProgress(tracking, null).isEmpty());
    }

    /** A written result recorded on the case, as the lifecycle would (decide, review, ...). */
    private void result(Petition p, EventType type) {
        Petition now = store.get(p.id()).orElseThrow();
        store.append(p.id(), now.version(), new NewEvent(type, new Person("head1", "王芳", "主任"), p.owner(),
                "510199101201", CLOCK.instant(), Attributes.builder().put(Attr.REQUEST, "补发工资")
                        .put(Attr.FACTS, "属实").put(Attr.OUTCOME, Outcome.SUPPORT).put(Attr.BASIS, "劳动合同法").build(),
                null), List.of());
    }

    @Test
    void aResultIsRatedOnceAndANewResultCanBeRatedAgain() {
        Registration r = service.register(draft(null), CLERK);
        String tracking = r.petition().trackingCode();
        String code = r.verificationCode();
        assertFalse(service.publicProgress(tracking, code).orElseThrow().canRate());
        IllegalTransitionException early = assertThrows(IllegalTransitionException.class,
                () -> service.rate(tracking, code, Rating.SATISFIED, null));
        assertTrue(early.getMessage().contains("尚未出具处理意见"), early.getMessage());

        result(r.petition(), EventType.DECIDED);
        assertTrue(service.publicProgress(tracking, code).orElseThrow().canRate());
        PublicProgress rated = service.rate(tracking, code, Rating.BASICALLY_SATISFIED, "  基本解决  ");
        assertEquals(Rating.BASICALLY_SATISFIED, rated.rating());
        assertFalse(rated.canRate());
        Petition after = service.get(r.petition().id()).orElseThrow();
        Event last = after.timeline().get(after.timeline().size() - 1);
        assertEquals(EventType.RATED, last.type());
        assertEquals(Rating.BASICALLY_SATISFIED, last.attrs().get(Attr.LEVEL));
        assertEquals("基本解决", last.attrs().get(Attr.COMMENT));
        assertEquals(Person.PETITIONER, last.actor());
        assertEquals(Status.DECIDED, after.status(), "rating does not change the state");
        IllegalTransitionException twice = assertThrows(IllegalTransitionException.class,
                () -> service.rate(tracking, code, Rating.DISSATISFIED, null));
        assertTrue(twice.getMessage().contains("已评价"), twice.getMessage());

        // a review decision is a new result: the petitioner may rate it, and the old rating no longer shows
        result(after, EventType.REVIEWED);
        PublicProgress reviewed = service.publicProgress(tracking, code).orElseThrow();
        assertTrue(reviewed.canRate());
        assertNull(reviewed.rating());
    }

    @Test
    void ratingNeedsBothCodesAndAShortComment() {
        Registration r = service.register(draft(null), CLERK);
        result(r.petition(), EventType.DECIDED);
        String tracking = r.petition().trackingCode();
        String wrong = r.verificationCode().equals("000000") ? "111111" : "000000";
        assertThrows(NotFoundException.class, () -> service.rate(tracking, wrong, Rating.SATISFIED, null));
        ValidationException longComment = assertThrows(ValidationException.class,
                () -> service.rate(tracking, r.verificationCode(), Rating.SATISFIED, "很".repeat(501)));
        assertEquals("comment", longComment.field());
        ValidationException none = assertThrows(ValidationException.class,
                () -> service.rate(tracking, r.verificationCode(), null, null));
        assertEquals("rating", none.field());
        assertTrue(service.publicProgress(tracking, r.verificationCode()).orElseThrow().canRate(), "nothing was recorded");
    }

    @Test
    void openCasesOfFindsTheSamePersonBeforeRegistering() {
        Registration r = service.register(draft(null), CLERK);
        List<PetitionSummary> found = service.openCasesOf(List.of(" 11010519491231002x ", ""));
        assertEquals(List.of(r.petition().id()), found.stream().map(PetitionSummary::id).toList());
        assertTrue(service.openCasesOf(List.of("110105194912310038")).isEmpty());
        assertTrue(service.openCasesOf(List.of()).isEmpty());
    }

    @Test
    void aCommentThatNamesAnotherRatingDoesNotChangeTheRatingChosen() {
        Registration r = service.register(draft(null), CLERK);
        result(r.petition(), EventType.DECIDED);
        PublicProgress rated = service.rate(r.petition().trackingCode(), r.verificationCode(), Rating.DISSATISFIED,
                "不是 (SATISFIED)，也不是 BASICALLY_SATISFIED");
        assertEquals(Rating.DISSATISFIED, rated.rating());
        assertEquals(Rating.DISSATISFIED, service.publicProgress(r.petition().trackingCode(), r.verificationCode())
                .orElseThrow().rating());
    }

    @Test
    void publicNoticesAreChineseOnlyAndNameNoStaff() {
        Registration r = service.register(draft(null), CLERK);
        result(r.petition(), EventType.DECIDED);
        PublicProgress progress = service.publicProgress(r.petition().trackingCode(), r.verificationCode()).orElseThrow();
        PublicProgress.Step decided = progress.steps().get(1);
        assertEquals("已出具信访处理意见书", decided.label());
        assertTrue(decided.notice().contains("补发工资") && decided.notice().contains("支持"), decided.notice());
        assertFalse(decided.notice().contains("王芳") || decided.notice().contains("head1"), decided.notice());
        assertFalse(decided.notice().matches("(?s).*[A-Za-z]{3,}.*"), "Chinese only: " + decided.notice());
    }
    /** A township with a leader reception session today (2026-11-26 in Beijing) and one that was cancelled. */
    @Test
    void aWalkInDuringAReceptionSessionNamesTheSessionAndItsLeaderAndNothingElseMay() throws Exception {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(dir.resolve("township").toString());
        ds.setCreateDatabase("create");
        JdbcPetitionStore townshipStore = new JdbcPetitionStore(ds);
        townshipStore.start();
        org.xinfang.store.jdbc.internal.JdbcReceptionStore rota = new org.xinfang.store.jdbc.internal.JdbcReceptionStore(ds);
        ConfiguredNode township = new ConfiguredNode("", "township", "510199101", "清河镇", "TOWNSHIP", "", "",
                dir.resolve("none.csv").toString());
        RegistrationService atTownship = new RegistrationService(townshipStore, township, CLOCK, rota);
        LocalDate today = LocalDate.of(2026, 11, 26);
        Person leader = new Person("leader", "何平", "清河镇党委书记");
        org.xinfang.reception.ReceptionDay session = rota.insert(new org.xinfang.reception.ReceptionDay(
                "510199101-R0000001", "510199101", leader, today, java.time.LocalTime.of(9, 0), java.time.LocalTime.of(11, 30),
                "清河镇便民服务中心", null, org.xinfang.reception.ReceptionStatus.SCHEDULED, null, null, null, null, null, CLERK,
                CLOCK.instant(), 1), "510199101");
        PetitionDraft walkIn = new PetitionDraft(Kind.CLAIM, Channel.WALK_IN, "拖欠工资", "来访反映", null, null, today, null,
                List.of(new Petitioner("张三", null, null, null)));

        Petition p = atTownship.register(walkIn, CLERK, session.id()).petition();
        Attributes facts = p.timeline().get(0).attrs();
        assertEquals(session.id(), facts.get(Attr.RECEPTION_DAY));
        assertEquals("何平 · 清河镇党委书记", facts.get(Attr.RECEPTION_LEADER));
        assertEquals(List.of(p.id()), rota.cases(List.of(session.id())).get(session.id()));

        PetitionDraft letter = new PetitionDraft(Kind.CLAIM, Channel.LETTER, "拖欠工资", "来信", null, null, today, null,
                List.of(new Petitioner("张三", null, null, null)));
        PetitionDraft yesterday = new PetitionDraft(Kind.CLAIM, Channel.WALK_IN, "拖欠工资", "来访", null, null,
                today.minusDays(1), null, List.of(new Petitioner("张三", null, null, null)));
        for (Runnable refused : List.<Runnable>of(() -> atTownship.register(letter, CLERK, session.id()),
                () -> atTownship.register(yesterday, CLERK, session.id()),
                () -> atTownship.register(walkIn, CLERK, "510199101-R0000009"),
                () -> service.register(walkIn, CLERK, session.id()))) {
            assertEquals("receptionDay", assertThrows(ValidationException.class, refused::run).field());
        }
        rota.update(session.id(), d -> d.cancelled("改期", CLOCK.instant()), "510199101");
        assertEquals("receptionDay", assertThrows(ValidationException.class,
                () -> atTownship.register(walkIn, CLERK, session.id())).field(), "a cancelled session takes no walk-ins");
        assertEquals(1, atTownship.find(org.xinfang.petition.PetitionQuery.all(10)).total(), "nothing refused was stored");
        assertNull(atTownship.register(walkIn, CLERK, " ").petition().timeline().get(0).attrs().get(Attr.RECEPTION_DAY));
    }

    /**
     * 交办 at a district with a township below it: the service itself refuses a person without the role the staff
     * API asks for (clerk, head, leader; admin), so the shell's xinfang:assign, which calls it directly, does too.
     */
    @Test
    void onlyTheOfficeClerksHeadsLeadersAndTheAdministratorAssign() throws Exception {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(dir.resolve("district").toString());
        ds.setCreateDatabase("create");
        JdbcPetitionStore districtStore = new JdbcPetitionStore(ds);
        districtStore.start();
        Path units = dir.resolve("units.csv");
        java.nio.file.Files.writeString(units, "510199,青溪区信访局,DISTRICT,\n510199101,清河镇,TOWNSHIP,510199\n");
        ConfiguredNode district = new ConfiguredNode("", "district", "510199", "青溪区信访局", "DISTRICT", "", "",
                units.toString());
        RegistrationService atDistrict = new RegistrationService(districtStore, district, CLOCK);
        Person clerk = new Person("clerk2", "周敏", "青溪区信访局登记员");
        String id = atDistrict.register(draft(null), clerk).petition().id();

        Actor handler = new Actor(new Person("handler1", "赵强", "青溪区人社局干部"), Set.of("handler", "supervisor",
                "discipline"));
        for (Actor refused : List.of(handler, new Actor("guest", Set.of()))) {
            assertThrows(ForbiddenActionException.class, () -> atDistrict.assign(id, "510199101", "请核实", refused),
                    refused.user());
            assertThrows(ForbiddenActionException.class,
                    () -> atDistrict.assign("510199-9999999", "510199101", null, refused), "the role is asked first");
        }
        Petition unchanged = atDistrict.get(id).orElseThrow();
        assertEquals(List.of(EventType.REGISTERED), unchanged.timeline().stream().map(Event::type).toList());
        assertEquals("510199", unchanged.owner());

        for (Actor allowed : List.of(new Actor(clerk, Set.of("clerk")),
                new Actor(new Person("head1", "王芳", "青溪区信访局局长"), Set.of("head")),
                new Actor(new Person("leader1", "何平", "青溪区副区长"), Set.of("leader")),
                new Actor(new Person("admin", "系统管理员", "系统管理员"), Set.of("admin")))) {
            String each = atDistrict.register(draft(null), clerk).petition().id();
            Petition assigned = atDistrict.assign(each, "510199101", "请核实", allowed);
            assertEquals(Status.TRIAGED, assigned.status(), allowed.user());
            assertEquals("510199101", assigned.owner());
            Event event = assigned.timeline().get(1);
            assertEquals(EventType.ASSIGNED, event.type());
            assertEquals(allowed.person(), event.actor(), "the person who assigned, by name and title");
            assertEquals("510199101", event.attrs().get(Attr.UNIT));
        }
    }
}
