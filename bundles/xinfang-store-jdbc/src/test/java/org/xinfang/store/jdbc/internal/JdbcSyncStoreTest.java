package org.xinfang.store.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinfang.petition.Attr;
import org.xinfang.petition.Attributes;
import org.xinfang.petition.Event;
import org.xinfang.petition.EventType;
import org.xinfang.petition.Petition;
import org.xinfang.petition.PetitionQuery;
import org.xinfang.petition.PetitionStore;
import org.xinfang.petition.RedirectChannel;
import org.xinfang.petition.Status;
import org.xinfang.sync.JournalEntry;
import org.xinfang.sync.Message;
import org.xinfang.sync.Outgoing;
import org.xinfang.sync.PushResult;
import org.xinfang.sync.SyncRefusedException;

/** Three real databases (Derby, or PostgreSQL schemas) standing for a village, its township and the district. */
class JdbcSyncStoreTest {
    @TempDir
    Path dir;
    Node village;
    Node township;
    Node district;

    record Node(String id, JdbcPetitionStore petitions, JdbcSyncStore sync, DataSource dataSource) {
    }

    private Node node(String id) {
        try {
            DataSource dataSource = TestDatabases.fresh(dir, id);
            JdbcPetitionStore petitions = new JdbcPetitionStore(dataSource);
            petitions.start();
            return new Node(id, petitions, new JdbcSyncStore(dataSource), dataSource);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DataSource dataSourceOf(Node n) {
        return n.dataSource();
    }

    @BeforeEach
    void start() throws Exception {
        village = node("V1");
        township = node("T1");
        district = node("D1");
    }

    private static Petition petition(String id, String node) {
        return Cases.petition(id, node);
    }

    private static List<JournalEntry> entries(List<Outgoing> out) {
        return out.stream().map(Outgoing::entry).toList();
    }

    private PushResult push(Node from, Node to, long afterPos) {
        return to.sync().receive(from.id(), Cases.policy(to.id()), entries(from.sync().outbox(afterPos, 1000)));
    }

    @Test
    void everyRegistrationIsJournalledAsAContiguousChain() {
        for (int i = 1; i <= 3; i++) {
            village.petitions().insert(petition("V1-" + i, "V1"), "h", "V1");
        }
        List<Outgoing> out = village.sync().outbox(0, 10);
        assertEquals(List.of(1L, 2L, 3L), out.stream().map(o -> o.entry().seq()).toList());
        assertEquals(JournalEntry.GENESIS, out.get(0).entry().prevHash());
        assertEquals(out.get(0).entry().hash(), out.get(1).entry().prevHash());
        assertTrue(out.stream().allMatch(o -> o.entry().hashIsValid()));
        assertTrue(village.sync().verifyChains().get(0).intact());
    }

    @Test
    void aTownshipRelaysItsVillagesEntriesToTheDistrictWithOriginAndPath() {
        village.petitions().insert(petition("V1-1", "V1"), "h", "V1");
        township.petitions().insert(petition("T1-1", "T1"), "h", "T1");
        PushResult first = push(village, township, 0);
        assertEquals(1, first.accepted());
        assertEquals(1L, first.held().get("V1"));
        push(township, district, 0);

        assertEquals(2, district.petitions().find(org.xinfang.petition.PetitionQuery.all(10)).total());
        PetitionStore.Provenance p = district.petitions().provenance("V1-1").orElseThrow();
        assertEquals("V1", p.originNode());
        assertEquals(1L, p.originSeq());
        assertEquals(List.of("V1", "T1", "D1"), p.path());
        assertEquals(2, district.sync().verifyChains().size());
        assertTrue(district.sync().verifyChains().stream().allMatch(r -> r.intact()));
    }

    @Test
    void aReplayedBatchIsAcknowledgedAndChangesNothing() {
        village.petitions().insert(petition("V1-1", "V1"), "h", "V1");
        village.petitions().insert(petition("V1-2", "V1"), "h", "V1");
        push(village, township, 0);
        PushResult again = push(village, township, 0);
        assertEquals(0, again.accepted());
        assertEquals(2, again.duplicates());
        assertEquals(2L, township.sync().held().get("V1"));
        assertEquals(2, township.petitions().find(org.xinfang.petition.PetitionQuery.all(10)).total());
    }

    @Test
    void aBatchThatOverlapsWhatIsHeldStoresOnlyTheNewEntries() {
        village.petitions().insert(petition("V1-1", "V1"), "h", "V1");
        village.petitions().insert(petition("V1-2", "V1"), "h", "V1");
        push(village, township, 0);
        village.petitions().insert(petition("V1-3", "V1"), "h", "V1");
        PushResult again = push(village, township, 0);
        assertEquals(1, again.accepted());
        assertEquals(2, again.duplicates());
        assertEquals(3L, township.sync().held().get("V1"));
        assertEquals(3, township.petitions().find(org.xinfang.petition.PetitionQuery.all(10)).total());
        assertTrue(township.sync().verifyChains().get(0).intact());
    }

    @Test
    void anEntryRepeatedWithinOneBatchIsADuplicateUnlessItDiffers() {
        village.petitions().insert(petition("V1-1", "V1"), "h", "V1");
        village.petitions().insert(petition("V1-2", "V1"), "h", "V1");
        List<JournalEntry> batch = entries(village.sync().outbox(0, 10));
        PushResult result = township.sync().receive("V1", Cases.policy("T1"), List.of(batch.get(0), batch.get(1),
                batch.get(0)));
        assertEquals(2, result.accepted());
        assertEquals(1, result.duplicates());

        JournalEntry first = batch.get(0);
        JournalEntry other = new JournalEntry(first.origin(), 1, first.type(), first.entity(), first.atMillis(),
                first.payload(), first.prevHash(), "f".repeat(64), first.path());
        SyncRefusedException e = assertThrows(SyncRefusedException.class,
                () -> district.sync().receive("T1", Cases.policy("D1"), List.of(first, other)));
        assertEquals("conflict", e.reason());
        assertTrue(district.sync().held().isEmpty());
    }

    @Test
    void aCaseRegisteredAndChangedInOneBatchArrivesWithItsWholeTimeline() {
        village.petitions().insert(petition("V1-1", "V1"), "h", "V1");
        village.petitions().insert(petition("V1-2", "V1"), "h", "V1");
        push(village, township, 0); // V1-2 is held at the township before it changes
        long sent = village.sync().lastPos();
        village.petitions().insert(petition("V1-3", "V1"), "h", "V1");
        village.petitions().append("V1-3", 1, Cases.reason(EventType.NOT_ACCEPTED, "V1"), List.of());
        village.petitions().append("V1-2", 1, Cases.event(EventType.REDIRECTED, "V1", Attributes.builder()
                .put(Attr.CHANNEL, RedirectChannel.LEGAL).put(Attr.REASON, "涉诉").build()), List.of());
        PushResult result = push(village, township, sent); // registration of V1-3, then two steps
        assertEquals(3, result.accepted());
        assertEquals(0, result.refused());

        Petition three = township.petitions().get("V1-3").orElseThrow();
        assertEquals(Status.NOT_ACCEPTED, three.status());
        assertEquals(List.of("V1#3", "V1#4"), three.timeline().stream().map(Event::id).toList());
        assertEquals(village.petitions().get("V1-3").orElseThrow(), three, "the same case, event for event");
        Petition two = township.petitions().get("V1-2").orElseThrow();
        assertEquals(Status.REDIRECTED, two.status());
        assertEquals(RedirectChannel.LEGAL, two.timeline().get(1).attrs().get(Attr.CHANNEL));
        assertEquals("V1", township.petitions().provenance("V1-3").orElseThrow().originNode());
    }

    @Test
    void aGapIsRefusedWithTheExpectedSequenceAndAnAlarm() {
        for (int i = 1; i <= 3; i++) {
            village.petitions().insert(petition("V1-" + i, "V1"), "h", "V1");
        }
        List<JournalEntry> skipping = entries(village.sync().outbox(1, 10)); // seq 2 and 3, without 1
        SyncRefusedException e = assertThrows(SyncRefusedException.class,
                () -> township.sync().receive("V1", Cases.policy("T1"), skipping));
        assertEquals(409, e.status());
        assertEquals("gap", e.reason());
        assertEquals(1, e.expected());
        assertTrue(township.sync().held().isEmpty(), "nothing of the batch is stored");
        assertEquals("gap", township.sync().alarms(10).get(0).kind());
    }

    @Test
    void aBrokenChainOrATamperedPayloadIsRefused() {
        village.petitions().insert(petition("V1-1", "V1"), "h", "V1");
        village.petitions().insert(petition("V1-2", "V1"), "h", "V1");
        List<JournalEntry> batch = entries(village.sync().outbox(0, 10));
        JournalEntry second = batch.get(1);
        JournalEntry tampered = new JournalEntry(second.origin(), second.seq(), second.type(), second.entity(),
                second.atMillis(), second.payload().replace("拖欠工资", "已解决"), second.prevHash(), second.hash(),
                second.path());
        SyncRefusedException e = assertThrows(SyncRefusedException.class,
                () -> township.sync().receive("V1", Cases.policy("T1"), List.of(batch.get(0), tampered)));
        assertEquals("broken_chain", e.reason());
        assertTrue(township.sync().held().isEmpty());
        assertFalse(township.petitions().get("V1-1").isPresent(), "the valid first entry was rolled back too");
    }

    @Test
    void entriesOfAnOriginOutsideTheSendersSubtreeAreRefused() {
        village.petitions().insert(petition("V1-1", "V1"), "h", "V1");
        List<JournalEntry> batch = entries(village.sync().outbox(0, 10));
        SyncRefusedException e = assertThrows(SyncRefusedException.class,
                () -> township.sync().receive("V2", Cases.policy("T1"), batch));
        assertEquals(403, e.status());
    }

    @Test
    void anAssignmentTravelsDownThroughTheTownshipToTheVillageOnce() {
        // the district holds a case and assigns it to the village: the township on the way holds it too
        district.petitions().insert(petition("D1-1", "D1"), "h", "D1");
        district.petitions().append("D1-1", 1, Cases.assign("D1", "V1"), List.of("T1"));
        List<Message> forTownship = district.sync().messagesFor("T1", 0, 10);
        assertEquals(1, forTownship.size());
        township.sync().applyMessage(forTownship.get(0), Cases.policy("T1"), "pull");
        township.sync().applyMessage(forTownship.get(0), Cases.policy("T1"), "pull"); // applying twice is harmless
        assertEquals("V1", township.petitions().get("D1-1").orElseThrow().owner(), "the relay holds a copy");
        List<Message> forVillage = township.sync().messagesFor("V1", 0, 10);
        assertEquals(1, forVillage.size());
        village.sync().applyMessage(forVillage.get(0), Cases.policy("V1"), "pull");
        Petition atVillage = village.petitions().get("D1-1").orElseThrow();
        assertEquals("V1", atVillage.owner());
        assertEquals(Status.TRIAGED, atVillage.status());
        assertEquals(district.petitions().get("D1-1").orElseThrow(), atVillage, "the same case, event for event");
        assertEquals("1", village.sync().state("pull").orElseThrow());
    }

    /**
     * The inbox's unfiltered total is kept with every new case, however it arrives (schema 21): registered here,
     * pushed by a child (twice: the repeat adds nothing), copied down by a parent; it is what a count of the register
     * gives, and a filtered list is still counted.
     */
    @Test
    void theInboxTotalCountsEveryCaseHeldHoweverItArrived() throws Exception {
        village.petitions().insert(petition("V1-1", "V1"), "h", "V1");
        village.petitions().insert(petition("V1-2", "V1"), "h", "V1");
        assertThrows(PetitionStore.DuplicateException.class, () -> village.petitions().insert(petition("V1-1", "V1"),
                "h", "V1"));
        assertEquals(2, total(village));
        assertEquals(2, push(village, township, 0).accepted());
        assertEquals(0, push(village, township, 0).accepted(), "held already");
        assertEquals(2, total(township));
        district.petitions().insert(petition("D1-1", "D1"), "h", "D1");
        district.petitions().append("D1-1", 1, Cases.assign("D1", "V1"), List.of("T1"));
        Message copy = district.sync().messagesFor("T1", 0, 10).get(0);
        township.sync().applyMessage(copy, Cases.policy("T1"), "pull");
        township.sync().applyMessage(copy, Cases.policy("T1"), "pull"); // the case held already: not counted again
        assertEquals(3, total(township));
        village.sync().applyMessage(township.sync().messagesFor("V1", 0, 10).get(0), Cases.policy("V1"), "pull");
        for (Node n : List.of(village, township, district)) {
            try (java.sql.Connection c = n.dataSource().getConnection(); java.sql.Statement st = c.createStatement();
                    java.sql.ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM xf_petition")) {
                rs.next();
                assertEquals(rs.getLong(1), total(n), "the kept total is the register's count at " + n.id());
            }
        }
        assertEquals(3, total(village));
        assertEquals(1, township.petitions().find(new PetitionQuery(Status.TRIAGED, null, null, null, null, null, 0,
                20)).total(), "a filtered list is counted");
    }

    private static long total(Node n) {
        return n.petitions().find(new PetitionQuery(null, null, null, null, null, null, 0, 20)).total();
    }

    @Test
    void anAssignmentCarriesTheLongestContentWholeEvenWhenEveryCharacterIsEscaped() {
        // 20,000 quote characters, the most a case's content may hold, become 40,000 in the case's JSON
        Petition p = petition("D1-1", "D1");
        String quotes = "\"".repeat(20_000);
        district.petitions().insert(new Petition(p.id(), p.trackingCode(), p.kind(), p.channel(), p.subject(), quotes,
                p.category(), p.location(), p.receivedAt(), p.headcount(), p.petitioners(), p.registeredBy(), p.owner(),
                p.status(), p.registeredAt(), p.timeline()), "h", "D1");
        district.petitions().append("D1-1", 1, Cases.assign("D1", "V1"), List.of("T1"));
        township.sync().applyMessage(district.sync().messagesFor("T1", 0, 10).get(0), Cases.policy("T1"), "pull");
        village.sync().applyMessage(township.sync().messagesFor("V1", 0, 10).get(0), Cases.policy("V1"), "pull");
        assertEquals(quotes, village.petitions().get("D1-1").orElseThrow().content());
        assertEquals(district.petitions().get("D1-1").orElseThrow(), village.petitions().get("D1-1").orElseThrow());
    }

    @Test
    void refusedCallsRaiseOneAlarmPerSourceAndKindCounted() {
        for (int i = 0; i < 50; i++) {
            district.sync().alarm("bad_signature", "T1", "10.0.0.7", "签名无效 / the signature does not match");
            district.sync().alarm("unsigned", null, "10.0.0.7", "同步请求未签名 / sync calls must be signed");
        }
        district.sync().alarm("unsigned", null, "10.0.0.8", "同步请求未签名 / sync calls must be signed");
        List<org.xinfang.sync.SyncAlarm> alarms = district.sync().alarms(100);
        assertEquals(3, alarms.size(), alarms.toString());
        org.xinfang.sync.SyncAlarm signature = alarms.stream().filter(a -> a.kind().equals("bad_signature")).findFirst()
                .orElseThrow();
        assertEquals(50, signature.count());
        assertEquals("T1", signature.node());
        assertEquals("10.0.0.7", signature.source());
        assertTrue(signature.lastAtMillis() >= signature.atMillis());
        assertEquals(List.of(1, 50), alarms.stream().filter(a -> a.kind().equals("unsigned")).map(a -> a.count())
                .toList(), "a second address is its own alarm");
    }

    @Test
    void alarmsAreKeptWithinTheirBoundTheOldestPrunedFirst() {
        int raised = org.xinfang.sync.SyncStore.ALARMS_KEPT + 20;
        for (int i = 0; i < raised; i++) {
            district.sync().alarm("unsigned", null, "10.0." + i / 256 + "." + i % 256, "同步请求未签名 / unsigned");
        }
        List<org.xinfang.sync.SyncAlarm> alarms = district.sync().alarms(raised);
        assertEquals(org.xinfang.sync.SyncStore.ALARMS_KEPT, alarms.size());
        assertEquals("10.0." + (raised - 1) / 256 + "." + (raised - 1) % 256, alarms.get(0).source(), "the newest kept");
        assertEquals("10.0.0.20", alarms.get(alarms.size() - 1).source(), "the 20 oldest pruned");
    }

    @Test
    void anAlarmAboutAnOverlongNodeOrMessageIsKeptClipped() {
        district.sync().alarm("unknown_node", "N".repeat(5000), "S".repeat(5000), "M".repeat(5000));
        org.xinfang.sync.SyncAlarm a = district.sync().alarms(1).get(0);
        assertEquals(40, a.node().length());
        assertEquals(64, a.source().length());
        assertEquals(1000, a.message().length());
    }

    @Test
    void aNonceIsUsedOnce() {
        assertTrue(district.sync().useNonce("T1", "abc", System.currentTimeMillis() + 60_000));
        assertFalse(district.sync().useNonce("T1", "abc", System.currentTimeMillis() + 60_000));
        assertTrue(district.sync().useNonce("V1", "abc", System.currentTimeMillis() + 60_000));
    }

    /**
     * A node that ran an older build holds a journal written as characters (schema 4): the migrations
     * to chain heads and UTF-8 payloads keep every entry byte for byte, and both chains go on from
     * where they stopped, the node's own and one relayed through it.
     */
    @Test
    void aJournalWrittenByAnOlderBuildIsKeptAndItsChainsContinue() throws Exception {
        DataSource old = TestDatabases.fresh(dir, "OLD");
        assertEquals(4, Migrations.apply(old, 4));
        String[] payloads = {"{\"subject\":\"拖欠工资\",\"content\":\"某公司拖欠工资三个月。\"}", "{\"a\":\"\u00e9\ud83d\ude00\"}",
            "{\"relayed\":true}"};
        String[][] chains = {{"OLD", "OLD"}, {"V9"}};
        java.util.Map<String, String> lastHash = new java.util.HashMap<>();
        try (java.sql.Connection c = old.getConnection(); java.sql.PreparedStatement ps = c.prepareStatement(
                "INSERT INTO xf_journal (pos, origin, origin_seq, entry_type, entity_id, at_millis, payload, prev_hash,"
                        + " entry_hash, path, stored_at) VALUES (?, ?, ?, 'NOTE', NULL, 1000, ?, ?, ?, ?, 1000)")) {
            int pos = 0;
            for (String[] chain : chains) {
                for (int seq = 1; seq <= chain.length; seq++) {
                    String origin = chain[seq - 1];
                    String prev = lastHash.getOrDefault(origin, JournalEntry.GENESIS);
                    String hash = JournalEntry.computeHash(prev, origin, seq, "NOTE", null, 1000, payloads[pos]);
                    ps.setLong(1, pos + 1);
                    ps.setString(2, origin);
                    ps.setLong(3, seq);
                    ps.setString(4, payloads[pos]);
                    ps.setString(5, prev);
                    ps.setString(6, hash);
                    ps.setString(7, origin.equals("OLD") ? "OLD" : "V9>OLD");
                    ps.executeUpdate();
                    lastHash.put(origin, hash);
                    pos++;
                }
            }
            try (java.sql.Statement st = c.createStatement()) {
                st.execute("INSERT INTO xf_sequence (name, next_value) VALUES ('journal:OLD', 2), ('outbox', 3)");
            }
        }
        JdbcPetitionStore petitions = new JdbcPetitionStore(old);
        petitions.start();
        JdbcSyncStore sync = new JdbcSyncStore(old);

        assertEquals(java.util.Map.of("OLD", 2L, "V9", 1L), sync.held());
        List<JournalEntry> kept = entries(sync.outbox(0, 10));
        assertEquals(List.of(payloads[0], payloads[1], payloads[2]), kept.stream().map(JournalEntry::payload).toList());
        assertTrue(kept.stream().allMatch(JournalEntry::hashIsValid));

        petitions.insert(petition("OLD-3", "OLD"), "h", "OLD");
        JournalEntry third = sync.outbox(3, 10).get(0).entry();
        assertEquals(3, third.seq());
        assertEquals(lastHash.get("OLD"), third.prevHash());

        String next = JournalEntry.computeHash(lastHash.get("V9"), "V9", 2, "NOTE", null, 2000, "{}");
        sync.receive("V9", new PolicyFor("OLD"), List.of(new JournalEntry("V9", 2, "NOTE", null, 2000, "{}",
                lastHash.get("V9"), next, List.of("V9"))));
        assertEquals(java.util.Map.of("OLD", 3L, "V9", 2L), sync.held());
        assertTrue(sync.verifyChains().stream().allMatch(r -> r.intact()));
        assertEquals(2, sync.verifyChains().size());
    }

    /** Pulls and applies everything queued for {@code child} at {@code parent} after its cursor. */
    private static void pull(Node parent, Node child) {
        long after = child.sync().state("pull").map(Long::parseLong).orElse(0L);
        for (Message m : parent.sync().messagesFor(child.id(), after, 1000)) {
            child.sync().applyMessage(m, Cases.policy(child.id()), "pull");
        }
    }

    /**
     * A child may push only what its subtree authors: an entry about another unit's case, or inventing a
     * case for another unit, is kept (the chain goes on) but not applied, and raises an alarm that is
     * journalled so that it travels up.
     */
    @Test
    void aChildsEntriesAboutAnotherUnitsCaseAreKeptRefusedAndAlarmed() {
        Node other = node("T2");
        other.petitions().insert(petition("T2-1", "T2"), "h", "T2");
        push(other, district, 0);
        Petition victim = district.petitions().get("T2-1").orElseThrow();

        // the township, as an attacker: a copy of T2's case, re-registered and closed on its own node
        township.petitions().insert(petition("T2-1", "T2"), "h", "T1");
        township.petitions().append("T2-1", 1, new org.xinfang.petition.NewEvent(EventType.NOT_ACCEPTED, Cases.CLERK,
                "T2", "T1", java.time.Instant.parse("2026-11-21T02:00:00Z"), Attributes.builder().put(Attr.REASON, "理由")
                        .build(), null), List.of());
        township.petitions().insert(petition("D1-99", "D1"), "h", "T1"); // a case "registered by the district"
        PushResult result = push(township, district, 0);
        assertEquals(0, result.accepted());
        assertEquals(3, result.refused());
        assertEquals(3L, result.held().get("T1"), "kept: the township's chain goes on");

        assertEquals(victim, district.petitions().get("T2-1").orElseThrow(), "the victim case is unchanged");
        assertTrue(district.petitions().get("D1-99").isEmpty(), "the invented case does not exist");
        assertEquals(List.of("duplicate_case", "foreign_case", "foreign_case"), district.sync().refused(10).stream()
                .map(r -> r.kind()).sorted().toList());
        assertTrue(district.sync().alarms(10).stream().allMatch(a -> a.kind().equals("refused_entry")));
        assertEquals(3, district.sync().alarms(10).size());
        assertTrue(district.sync().verifyChains().stream().allMatch(r -> r.intact()));
        assertTrue(district.sync().held().containsKey("D1"), "the alarms are journalled to travel up");
    }

    @Test
    void anAlarmRaisedAtTheTownshipTravelsUpToTheDistrict() {
        village.petitions().insert(petition("T1-5", "T1"), "h", "V1"); // a village inventing a township case
        PushResult atTownship = push(village, township, 0);
        assertEquals(1, atTownship.refused());
        push(township, district, 0);
        List<org.xinfang.sync.SyncAlarm> alarms = district.sync().alarms(10);
        assertTrue(alarms.stream().anyMatch(a -> "T1".equals(a.raisedAt()) && "V1".equals(a.node())
                && a.message().contains("T1-5")), alarms.toString());
        assertTrue(district.petitions().get("T1-5").isEmpty(), "the district refuses it too");
    }

    /**
     * The district assigns a village case elsewhere while the village, on its old copy, does not accept
     * it. The owner of the stage wins: the step is refused above (no alarm: an honest clerk acted on an
     * old copy), the village is told, and every copy ends as the district's.
     */
    @Test
    void aStepOnAStaleCopyIsRefusedAndEveryCopyConvergesToTheUpperOne() {
        Node other = node("T2");
        village.petitions().insert(petition("V1-1", "V1"), "h", "V1");
        push(village, township, 0);
        push(township, district, 0);
        Petition assigned = district.petitions().append("V1-1", 1, Cases.assign("D1", "T2"), List.of("T1", "T2"));
        long villageSent = village.sync().lastPos();
        long townshipSent = township.sync().lastPos();
        village.petitions().append("V1-1", 1, Cases.reason(EventType.NOT_ACCEPTED, "V1"), List.of());
        assertEquals(0, push(village, township, villageSent).refused(), "the township has not heard of the assignment");
        PushResult atDistrict = push(township, district, townshipSent);
        assertEquals(1, atDistrict.refused());
        assertEquals(assigned, district.petitions().get("V1-1").orElseThrow(), "the district's copy stands");
        assertEquals("stale_copy", district.sync().refused(1).get(0).kind());
        assertTrue(district.sync().alarms(10).isEmpty(), "a stale copy is not an attack");

        pull(district, township);
        pull(township, village);
        pull(district, other);
        for (Node n : List.of(township, village, other)) {
            assertEquals(assigned, n.petitions().get("V1-1").orElseThrow(), n.id() + " holds the district's case");
        }
        List<PetitionStore.Conflict> notices = village.petitions().conflicts("V1-1", 10);
        assertEquals(1, notices.size());
        assertEquals(EventType.NOT_ACCEPTED, notices.get(0).type());
        assertEquals("D1", notices.get(0).refusedBy());
        assertEquals("V1#2", notices.get(0).eventId());
        assertTrue(township.petitions().conflicts(null, 10).isEmpty(), "the notice is the village clerk's");
        assertEquals(digest(district, "V1-1"), digest(village, "V1-1"));
    }

    private static PetitionStore.CaseDigest digest(Node n, String id) {
        return n.petitions().digests().stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow();
    }

    /**
     * The township extends a case while the district supervises it: the extension is still allowed on the
     * district's copy, so it is taken after the supervision, and the township gets that order back.
     */
    @Test
    void aStepStillAllowedAboveIsTakenAfterWhatCameFirstAndSentBack() {
        district.petitions().insert(petition("D1-2", "D1"), "h", "D1");
        district.petitions().append("D1-2", 1, Cases.assign("D1", "T1"), List.of("T1"));
        pull(district, township);
        township.petitions().append("D1-2", 2, Cases.event(EventType.ACCEPTED, "T1", Attributes.NONE), List.of());
        long sent = township.sync().lastPos();
        push(township, district, 0);
        district.petitions().append("D1-2", 3, Cases.event(EventType.SUPERVISED, "D1", Attributes.builder()
                .put(Attr.CLOCK, org.xinfang.petition.Step.NOTICE).put(Attr.DUE, java.time.LocalDate.of(2026, 11, 30))
                .put(Attr.ANSWER_DUE, java.time.LocalDate.of(2026, 12, 30)).build()), List.of("T1"));
        township.petitions().append("D1-2", 3, Cases.event(EventType.EXTENDED, "T1", Attributes.builder()
                .put(Attr.DAYS, 30).put(Attr.REASON, "补充调查").build()), List.of());
        PushResult result = push(township, district, sent);
        assertEquals(1, result.accepted());
        Petition above = district.petitions().get("D1-2").orElseThrow();
        assertEquals(List.of(EventType.REGISTERED, EventType.ASSIGNED, EventType.ACCEPTED, EventType.SUPERVISED,
                EventType.EXTENDED), above.timeline().stream().map(Event::type).toList());
        pull(district, township);
        assertEquals(above, township.petitions().get("D1-2").orElseThrow());
        assertTrue(township.petitions().conflicts(null, 10).isEmpty());
    }

    @Test
    void aCopyFromAboveLeavesStepsOfThisNodeOnTopUntilTheyAreAnsweredFor() {
        Petition base = village.petitions().insert(petition("V1-7", "V1"), "h", "V1");
        Petition mine = village.petitions().append("V1-7", 1, Cases.reason(EventType.NOT_ACCEPTED, "V1"), List.of());
        assertTrue(Copies.keepsOwn(mine, base, List.of()), "the parent's copy is older: ours stays");
        assertFalse(Copies.keepsOwn(mine, base, List.of(new PetitionStore.Conflict(mine.timeline().get(1).id(),
                "V1-7", EventType.NOT_ACCEPTED, Cases.CLERK, "V1", java.time.Instant.now(), "T1", "stale",
                java.time.Instant.now()))), "unless the step on top was refused");
        assertTrue(Copies.keepsOwn(base, base, List.of()));
        assertFalse(Copies.keepsOwn(base, mine, List.of()), "the parent's copy has more: it wins");
    }

    /**
     * Receipts witness the journal: after the node's own entries are rewritten (hashes recomputed, so
     * the chain itself still links) or cut short, what the journal holds no longer matches them.
     */
    @Test
    void receiptsShowWhereTheJournalWasRewrittenOrCutShort() throws Exception {
        for (int i = 1; i <= 3; i++) {
            village.petitions().insert(petition("V1-" + i, "V1"), "h", "V1");
        }
        List<JournalEntry> own = entries(village.sync().outbox(0, 10));
        for (JournalEntry e : own) {
            village.sync().keepReceipt(new org.xinfang.sync.Receipt("T1", "V1", e.seq(), e.hash(), 1000, "key", "sig"));
        }
        assertTrue(village.sync().witnessChecks("V1").stream().allMatch(w -> w.receipt().hash().equals(w.journalHash())));
        try (java.sql.Connection c = dataSourceOf(village).getConnection(); java.sql.Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE xf_journal SET entry_hash = '" + "a".repeat(64) + "' WHERE origin = 'V1' AND origin_seq = 2");
            st.executeUpdate("DELETE FROM xf_journal WHERE origin = 'V1' AND origin_seq = 3");
        }
        List<org.xinfang.sync.WitnessCheck> checks = village.sync().witnessChecks("V1");
        assertEquals(own.get(0).hash(), checks.get(0).journalHash());
        assertEquals("a".repeat(64), checks.get(1).journalHash());
        assertEquals(null, checks.get(2).journalHash(), "cut short");
        assertEquals(2, village.sync().verifyChains().get(0).firstBroken());
    }

    @Test
    void reportedHeadsAndConsistencyReportsAreKept() {
        village.petitions().insert(petition("V1-1", "V1"), "h", "V1");
        push(village, township, 0);
        township.sync().reportHeads("V1", java.util.Map.of("V1", 5L, "V2", 9L), o -> o.startsWith("V1"));
        org.xinfang.sync.ChainHead head = township.sync().heads().stream().filter(h -> h.origin().equals("V1"))
                .findFirst().orElseThrow();
        assertEquals(1, head.seq());
        assertEquals(5, head.reportedSeq());
        assertTrue(head.advancedAtMillis() > 0);
        assertTrue(township.sync().heads().stream().noneMatch(h -> h.origin().equals("V2")), "not the child's to report");

        township.sync().keepConsistencyReport(new org.xinfang.sync.ConsistencyReport("V1", "T1", 1000, 3, List.of("A", "B")));
        township.sync().keepConsistencyReport(new org.xinfang.sync.ConsistencyReport("V1", "T1", 2000, 3, List.of()));
        List<org.xinfang.sync.ConsistencyReport> reports = township.sync().consistencyReports();
        assertEquals(1, reports.size(), "the newest per node");
        assertEquals(List.of(), reports.get(0).differing());
        assertEquals(2000, reports.get(0).checkedAtMillis());
    }

    /** Any origin may send: for a journal of an older build whose node ids are not in the test organisation. */
    private static final class PolicyFor implements org.xinfang.sync.SyncPolicy {
        private final org.xinfang.sync.SyncPolicy inner;

        PolicyFor(String self) {
            this.inner = Cases.policy(self);
        }

        @Override
        public String self() {
            return inner.self();
        }

        @Override
        public boolean originAllowed(String child, String origin) {
            return true;
        }

        @Override
        public Verdict registration(String child, JournalEntry e, Petition p) {
            return inner.registration(child, e, p);
        }

        @Override
        public Verdict event(String child, JournalEntry e, Petition c, int basedOn, String digest,
                org.xinfang.petition.NewEvent event) {
            return inner.event(child, e, c, basedOn, digest, event);
        }

        @Override
        public java.util.Set<String> holders(Petition p) {
            return inner.holders(p);
        }

        @Override
        public String nextHop(String recipient) {
            return inner.nextHop(recipient);
        }
    }
}
