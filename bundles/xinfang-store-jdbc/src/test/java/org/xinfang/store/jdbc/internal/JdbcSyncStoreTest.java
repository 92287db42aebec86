package org.xinfang.store.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinfang.petition.Channel;
import org.xinfang.petition.Event;
import org.xinfang.petition.Kind;
import org.xinfang.petition.Petition;
import org.xinfang.petition.PetitionStore;
import org.xinfang.petition.Petitioner;
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

    record Node(String id, JdbcPetitionStore petitions, JdbcSyncStore sync) {
    }

    private Node node(String id) throws java.sql.SQLException {
        DataSource dataSource = TestDatabases.fresh(dir, id);
        JdbcPetitionStore petitions = new JdbcPetitionStore(dataSource);
        petitions.start();
        return new Node(id, petitions, new JdbcSyncStore(dataSource));
    }

    @BeforeEach
    void start() throws Exception {
        village = node("V1");
        township = node("T1");
        district = node("D1");
    }

    private static Petition petition(String id, String node) {
        Instant at = Instant.parse("2026-11-20T02:00:00Z");
        return new Petition(id, "TRK" + id.replace("-", ""), Kind.CLAIM, Channel.WALK_IN, "拖欠工资", "内容", null, null,
                LocalDate.of(2026, 11, 20), 1, List.of(new Petitioner("张三", "11010519491231002X", null, null)), node,
                node, Status.REGISTERED, at, List.of(new Event(1, at, "REGISTERED", "clerk", node, node, null)));
    }

    private static List<JournalEntry> entries(List<Outgoing> out) {
        return out.stream().map(Outgoing::entry).toList();
    }

    private PushResult push(Node from, Node to, long afterPos) {
        return to.sync().receive(from.id(), origin -> true, entries(from.sync().outbox(afterPos, 1000)), to.id());
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
        PushResult result = township.sync().receive("V1", o -> true, List.of(batch.get(0), batch.get(1), batch.get(0)),
                "T1");
        assertEquals(2, result.accepted());
        assertEquals(1, result.duplicates());

        JournalEntry first = batch.get(0);
        JournalEntry other = new JournalEntry(first.origin(), 1, first.type(), first.entity(), first.atMillis(),
                first.payload(), first.prevHash(), "f".repeat(64), first.path());
        SyncRefusedException e = assertThrows(SyncRefusedException.class,
                () -> district.sync().receive("T1", o -> true, List.of(first, other), "D1"));
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
        for (String id : List.of("V1-3", "V1-2", "V1-3")) {
            village.petitions().update(id, new PetitionStore.Change("V1", Status.ACCEPTED, "ACCEPTED", "clerk", "V1",
                    "V1", "受理", Instant.parse("2026-11-21T02:00:00Z")), null);
        }
        PushResult result = push(village, township, sent); // registration of V1-3, then three updates
        assertEquals(4, result.accepted());

        Petition three = township.petitions().get("V1-3").orElseThrow();
        assertEquals(Status.ACCEPTED, three.status());
        assertEquals(List.of(1, 2, 3), three.timeline().stream().map(Event::seq).toList());
        Petition two = township.petitions().get("V1-2").orElseThrow();
        assertEquals(Status.ACCEPTED, two.status());
        assertEquals(2, two.timeline().size());
        assertEquals("V1", township.petitions().provenance("V1-3").orElseThrow().originNode());
    }

    @Test
    void aGapIsRefusedWithTheExpectedSequenceAndAnAlarm() {
        for (int i = 1; i <= 3; i++) {
            village.petitions().insert(petition("V1-" + i, "V1"), "h", "V1");
        }
        List<JournalEntry> skipping = entries(village.sync().outbox(1, 10)); // seq 2 and 3, without 1
        SyncRefusedException e = assertThrows(SyncRefusedException.class,
                () -> township.sync().receive("V1", o -> true, skipping, "T1"));
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
                () -> township.sync().receive("V1", o -> true, List.of(batch.get(0), tampered), "T1"));
        assertEquals("broken_chain", e.reason());
        assertTrue(township.sync().held().isEmpty());
        assertFalse(township.petitions().get("V1-1").isPresent(), "the valid first entry was rolled back too");
    }

    @Test
    void entriesOfAnOriginOutsideTheSendersSubtreeAreRefused() {
        village.petitions().insert(petition("V1-1", "V1"), "h", "V1");
        List<JournalEntry> batch = entries(village.sync().outbox(0, 10));
        SyncRefusedException e = assertThrows(SyncRefusedException.class,
                () -> township.sync().receive("V9", o -> o.equals("V9"), batch, "T1"));
        assertEquals(403, e.status());
    }

    @Test
    void anAssignmentTravelsDownThroughTheTownshipToTheVillageOnce() {
        // the district holds a case and assigns it to the village, via the township
        district.petitions().insert(petition("D1-1", "D1"), "h", "D1");
        district.petitions().update("D1-1", new PetitionStore.Change("V1", Status.TRIAGED, "ASSIGNED", "clerk", "D1",
                "D1", "交办", Instant.parse("2026-11-21T02:00:00Z")), new PetitionStore.Downward("T1", "V1", "CASE"));
        List<Message> forTownship = district.sync().messagesFor("T1", 0, 10);
        assertEquals(1, forTownship.size());
        township.sync().applyMessage(forTownship.get(0), "V1", "pull");
        township.sync().applyMessage(forTownship.get(0), "V1", "pull"); // applying twice is harmless
        assertFalse(township.petitions().get("D1-1").isPresent(), "a relay passes it on");
        List<Message> forVillage = township.sync().messagesFor("V1", 0, 10);
        assertEquals(1, forVillage.size());
        village.sync().applyMessage(forVillage.get(0), null, "pull");
        Petition atVillage = village.petitions().get("D1-1").orElseThrow();
        assertEquals("V1", atVillage.owner());
        assertEquals(Status.TRIAGED, atVillage.status());
        assertEquals(2, atVillage.timeline().size());
        assertEquals("1", village.sync().state("pull").orElseThrow());
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
        sync.receive("V9", o -> true, List.of(new JournalEntry("V9", 2, "NOTE", null, 2000, "{}", lastHash.get("V9"),
                next, List.of("V9"))), "OLD");
        assertEquals(java.util.Map.of("OLD", 3L, "V9", 2L), sync.held());
        assertTrue(sync.verifyChains().stream().allMatch(r -> r.intact()));
        assertEquals(2, sync.verifyChains().size());
    }
}
