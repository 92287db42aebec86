package org.xinfang.petition.service.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinfang.node.internal.ConfiguredNode;
import org.xinfang.petition.Channel;
import org.xinfang.petition.Kind;
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

    @TempDir
    Path dir;
    RegistrationService service;

    @BeforeEach
    void start() throws Exception {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(dir.resolve("db").toString());
        ds.setCreateDatabase("create");
        JdbcPetitionStore store = new JdbcPetitionStore(ds);
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
        Registration first = service.register(draft(null), "clerk1");
        Registration second = service.register(draft(null), "clerk1");
        assertEquals("510199101201-0000001", first.petition().id());
        assertEquals("510199101201-0000002", second.petition().id());
        assertNotEquals(first.petition().trackingCode(), second.petition().trackingCode());
        assertTrue(first.verificationCode().matches("\\d{6}"));
        assertEquals(LocalDate.of(2026, 11, 26), first.petition().receivedAt());
    }

    @Test
    void theFirstEventNamesTheFirstContactOwner() {
        Petition p = service.register(draft(LocalDate.of(2026, 11, 20)), "clerk1").petition();
        Petition stored = service.get(p.id()).orElseThrow();
        assertEquals(1, stored.timeline().size());
        assertEquals("REGISTERED", stored.timeline().get(0).type());
        assertEquals("clerk1", stored.timeline().get(0).actor());
        assertEquals("510199101201", stored.owner());
    }

    @Test
    void aReceiptDateInTheFutureIsRefused() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> service.register(draft(LocalDate.of(2026, 11, 27)), "clerk1"));
        assertEquals("receivedAt", e.field());
        assertEquals(0, service.find(org.xinfang.petition.PetitionQuery.all(10)).total());
    }

    @Test
    void publicProgressNeedsBothCodesAndShowsNoPersonalData() {
        Registration r = service.register(draft(null), "clerk1");
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
}
