package org.xinfang.sync.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinfang.node.internal.ConfiguredNode;
import org.xinfang.petition.Attributes;
import org.xinfang.petition.Channel;
import org.xinfang.petition.Event;
import org.xinfang.petition.EventType;
import org.xinfang.petition.Kind;
import org.xinfang.petition.Person;
import org.xinfang.petition.Petition;
import org.xinfang.petition.PetitionStore;
import org.xinfang.petition.Petitioner;
import org.xinfang.petition.Status;
import org.xinfang.reference.ReferenceStore;
import org.xinfang.store.jdbc.internal.JdbcPetitionStore;
import org.xinfang.store.jdbc.internal.JdbcReferenceStore;
import org.xinfang.store.jdbc.internal.JdbcSyncStore;
import org.xinfang.sync.ConsistencyReport;
import org.xinfang.sync.JournalEntry;
import org.xinfang.sync.Message;

/**
 * The agent of a township (510199101) on its real store (Derby), talking to a parent in memory: what it pushes,
 * when its marks move, what it does when the parent refuses, loses data or is down, and how it stops.
 */
class SyncAgentParentTest {
    static final String SELF = "510199101";

    @TempDir
    Path dir;
    ConfiguredNode township;
    EmbeddedDataSource ds;
    JdbcPetitionStore petitions;
    JdbcSyncStore store;
    FakeParent parent;
    int registered;

    @BeforeEach
    void setUp() throws Exception {
        Path units = dir.resolve("units.csv");
        Files.writeString(units, """
                510199,青溪区信访局,DISTRICT,
                510199101,清河镇,TOWNSHIP,510199
                510199101201,柳树村,VILLAGE,510199101
                """);
        township = new ConfiguredNode("", "township", SELF, "清河镇", "TOWNSHIP", "510199", "http://127.0.0.1:1",
                units.toString());
        ds = new EmbeddedDataSource();
        ds.setDatabaseName(dir.resolve("db").toString());
        ds.setCreateDatabase("create");
        petitions = new JdbcPetitionStore(ds);
        petitions.start();
        store = new JdbcSyncStore(ds);
        parent = new FakeParent();
        parent.open();
    }

    /** An agent with batches of {@code batch}; not started: the tests run its steps one by one. */
    SyncAgent agent(int batch) {
        return new SyncAgent(store, township, parent, 1000, batch, 10_000);
    }

    /** Registers a case at the township: its journal gets the next entry of the township's chain. */
    void register() {
        registered++;
        Instant at = Instant.parse("2026-11-20T02:00:00Z");
        String id = SELF + "-" + registered;
        petitions.insert(new Petition(id, "T" + registered, Kind.CLAIM, Channel.WALK_IN, "拖欠工资", "内容", null, null,
                LocalDate.of(2026, 11, 20), 1, List.of(new Petitioner("张三", "11010519491231002X", null, null)), SELF,
                SELF, Status.REGISTERED, at, List.of(new Event(1, "new", at, EventType.REGISTERED,
                        new Person("clerk", "李娜", "登记员"), SELF, SELF, Attributes.NONE, null))), "h", SELF);
    }

    long positionOf(long seq) {
        return store.positionOf(SELF, seq).orElseThrow();
    }

    static List<Long> seqs(List<JournalEntry> entries) {
        return entries.stream().map(JournalEntry::seq).toList();
    }

    @Test
    void aPushSendsTheJournalAfterTheAcknowledgedMarkAndTheAnswerMovesTheMark() throws Exception {
        SyncAgent agent = agent(500);
        for (int i = 0; i < 3; i++) {
            register();
        }
        assertFalse(agent.pushOnce(), "not a full batch: nothing more waits");
        assertEquals(List.of(List.of(1L, 2L, 3L)), parent.pushedSeqs());
        assertEquals(positionOf(3), agent.ackedPosition());

        register();
        register();
        agent.pushOnce();
        assertEquals(List.of(4L, 5L), parent.pushedSeqs().get(1), "only what was not acknowledged goes");
        assertEquals(positionOf(5), agent.ackedPosition());

        assertFalse(agent.pushOnce());
        assertEquals(2, parent.pushes.size(), "nothing new: no call");
        assertNull(agent.oldestUnacknowledged());
    }

    @Test
    void aFullBatchSaysMoreMayWaitAndTheNextPushTakesTheRest() throws Exception {
        SyncAgent agent = agent(2);
        for (int i = 0; i < 5; i++) {
            register();
        }
        assertTrue(agent.pushOnce());
        assertTrue(agent.pushOnce());
        assertFalse(agent.pushOnce());
        assertEquals(List.of(List.of(1L, 2L), List.of(3L, 4L), List.of(5L)), parent.pushedSeqs());
        assertEquals(positionOf(5), agent.ackedPosition());
    }

    @Test
    void theMarkMovesOnlyOverTheEntriesTheAnswerCovers() throws Exception {
        SyncAgent agent = agent(500);
        for (int i = 0; i < 3; i++) {
            register();
        }
        parent.answerNext = Map.of(SELF, 2L); // the parent answers for the first two only
        agent.pushOnce();
        assertEquals(positionOf(2), agent.ackedPosition());
        assertEquals(3L, agent.oldestUnacknowledged().seq());

        agent.pushOnce();
        assertEquals(List.of(3L), parent.pushedSeqs().get(1));
        assertEquals(positionOf(3), agent.ackedPosition());
    }

    @Test
    void anAnswerLostOnTheWayLeavesTheEntriesToBeSentAgainAndTheParentHoldsThemOnce() throws Exception {
        SyncAgent agent = agent(500);
        register();
        register();
        parent.loseNextAnswer = true; // the parent stores the batch; its answer never arrives
        assertThrows(IOException.class, agent::pushOnce);
        assertEquals(0, agent.ackedPosition());

        agent.pushOnce();
        assertEquals(List.of(List.of(1L, 2L), List.of(1L, 2L)), parent.pushedSeqs(), "the same entries again");
        assertEquals(List.of(1L, 2L), seqs(parent.chain(SELF)), "held once");
        assertEquals(positionOf(2), agent.ackedPosition());
    }

    @Test
    void aRefusedPushKeepsItsEntriesAndTheNextTickSendsThemAgain() throws Exception {
        SyncAgent agent = agent(500);
        register();
        register();
        parent.refuseWith = 503;
        long delay = agent.syncOnce();
        assertEquals(1, agent.failures());
        assertTrue(agent.lastError().startsWith("parent answered 503"), agent.lastError());
        assertTrue(delay >= 1000, "backs off, got " + delay);
        assertEquals(0, agent.ackedPosition());
        assertEquals(1L, agent.oldestUnacknowledged().seq());
        assertTrue(parent.chain(SELF).isEmpty());

        parent.refuseWith = 0;
        agent.syncOnce();
        assertEquals(0, agent.failures());
        assertNull(agent.lastError());
        assertEquals(List.of(List.of(1L, 2L), List.of(1L, 2L)), parent.pushedSeqs());
        assertEquals(List.of(1L, 2L), seqs(parent.chain(SELF)));
        assertEquals(positionOf(2), agent.ackedPosition());
    }

    /** docs/sync.md: on a gap the child rewinds to the expected entry and sends again (a parent restored from a backup). */
    @Test
    void aGapRewindsToTheEntryTheParentExpectsAndSendsAgainFromThere() throws Exception {
        SyncAgent agent = agent(500);
        for (int i = 0; i < 4; i++) {
            register();
        }
        agent.pushOnce();
        assertEquals(positionOf(4), agent.ackedPosition());

        parent.restoreTo(SELF, 2); // restored from a backup that holds the first two
        register();
        ParentTransport.Refused gap = assertThrows(ParentTransport.Refused.class, agent::pushOnce);
        assertEquals(409, gap.status());
        assertEquals(List.of(5L), parent.pushedSeqs().get(1));
        assertEquals(positionOf(2), agent.ackedPosition(), "rewound to just before the expected entry");

        agent.pushOnce();
        assertEquals(List.of(3L, 4L, 5L), parent.pushedSeqs().get(2));
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), seqs(parent.chain(SELF)));
        assertEquals(positionOf(5), agent.ackedPosition());
    }

    @Test
    void aGapNamingALaterEntryNeverMakesTheChildSkipOne() throws Exception {
        SyncAgent agent = agent(500);
        register();
        agent.pushOnce();
        register();
        register();
        parent.gapNext = 3L; // the parent claims to expect entry 3: entry 2 was never acknowledged
        assertThrows(ParentTransport.Refused.class, agent::pushOnce);
        assertEquals(positionOf(1), agent.ackedPosition());

        agent.pushOnce();
        assertEquals(List.of(2L, 3L), parent.pushedSeqs().get(2));
        assertEquals(positionOf(3), agent.ackedPosition());
    }

    @Test
    void aPullAppliesTheMessagesInOrderAndMovesTheCursor() throws Exception {
        SyncAgent agent = agent(2);
        parent.queue(categories(1, "[\"劳动社保\"]"));
        parent.queue(categories(2, "[\"劳动社保\",\"城乡建设\"]"));
        parent.queue(categories(3, "[\"劳动社保\",\"城乡建设\",\"教育\"]"));

        assertTrue(agent.pullOnce(), "a full batch: more may wait");
        assertEquals("2", store.state(SyncAgent.PULL_CURSOR).orElseThrow());
        assertEquals(2, new JdbcReferenceStore(ds).get("categories").orElseThrow().version());

        assertFalse(agent.pullOnce());
        assertEquals("3", store.state(SyncAgent.PULL_CURSOR).orElseThrow());
        assertEquals(3, new JdbcReferenceStore(ds).get("categories").orElseThrow().version());
        assertEquals(List.of(0L, 2L), parent.pulledAfter, "each pull asks after the cursor");

        assertFalse(agent.pullOnce());
        assertEquals(List.of(0L, 2L, 3L), parent.pulledAfter);
    }

    @Test
    void aPullThatFailsKeepsTheCursor() throws Exception {
        SyncAgent agent = agent(500);
        parent.queue(categories(1, "[\"劳动社保\"]"));
        agent.pullOnce();
        parent.queue(categories(2, "[\"劳动社保\",\"教育\"]"));
        parent.down = true;
        assertThrows(ConnectException.class, agent::pullOnce);
        assertEquals("1", store.state(SyncAgent.PULL_CURSOR).orElseThrow());

        parent.down = false;
        agent.pullOnce();
        assertEquals(List.of(0L, 1L), parent.pulledAfter);
        assertEquals(2, new JdbcReferenceStore(ds).get("categories").orElseThrow().version());
    }

    @Test
    void whileTheParentIsDownNothingIsLostAndAllOfItGoesWhenItIsBack() throws Exception {
        SyncAgent agent = agent(500);
        register();
        register();
        parent.down = true;
        assertTrue(agent.syncOnce() >= 1000, "backs off");
        register(); // the township keeps working
        register();
        agent.syncOnce();
        assertEquals(2, agent.failures());
        assertTrue(agent.lastError().contains("Connection refused"), agent.lastError());
        assertEquals(0, agent.ackedPosition());
        assertEquals(List.of(1L, 2L, 3L, 4L), seqs(store.outbox(0, 10).stream().map(o -> o.entry()).toList()));

        parent.down = false;
        parent.queue(categories(1, "[\"劳动社保\"]"));
        agent.syncOnce();
        assertEquals(0, agent.failures());
        List<JournalEntry> held = parent.chain(SELF);
        assertEquals(List.of(1L, 2L, 3L, 4L), seqs(held));
        assertEquals(JournalEntry.GENESIS, held.get(0).prevHash());
        for (int i = 1; i < held.size(); i++) {
            assertEquals(held.get(i - 1).hash(), held.get(i).prevHash(), "one unbroken chain");
        }
        assertEquals(positionOf(4), agent.ackedPosition());
        assertEquals("1", store.state(SyncAgent.PULL_CURSOR).orElseThrow());
    }

    /** A stop while the agent waits on its parent ends the sync thread; what was being pushed stays to go again. */
    @Test
    void aStopDuringAPushEndsTheSyncThreadAndKeepsTheEntries() throws Exception {
        register();
        parent.holdPushes = new CountDownLatch(1);
        SyncAgent agent = agent(500);
        agent.start();
        try {
            assertTrue(parent.pushing.await(30, TimeUnit.SECONDS), "the agent's first tick pushes");
        } finally {
            agent.stop();
        }
        assertTrue(agent.workerEnded(), "the sync thread ended with the stop");
        assertTrue(parent.interrupted, "the push in flight was interrupted");
        assertFalse(parent.isOpen(), "the transport is closed");
        assertEquals(0, agent.ackedPosition());
        assertEquals(1L, agent.oldestUnacknowledged().seq());
    }

    static Message categories(long seq, String document) {
        String payload = "{\"name\":\"categories\",\"version\":" + seq + ",\"document\":" + SyncJson.MAPPER
                .valueToTree(document) + "}";
        return new Message(seq, "reference:categories@" + seq, "*", ReferenceStore.MESSAGE_TYPE, payload,
                System.currentTimeMillis());
    }

    /**
     * A parent in memory. It holds what it is pushed as the real one does: an entry it holds is acknowledged
     * again, a batch whose chain skips or breaks is refused whole (409, a gap naming the entry it expects), and
     * its answer says how far it holds each origin. It can be down, refuse, lose an answer or forget (restored
     * from an older backup).
     */
    static final class FakeParent implements ParentTransport {
        final Map<String, List<JournalEntry>> chains = new HashMap<>();
        final List<List<JournalEntry>> pushes = new ArrayList<>();
        final List<Message> messages = new ArrayList<>();
        final List<Long> pulledAfter = new ArrayList<>();
        volatile boolean down;
        volatile int refuseWith;
        volatile boolean loseNextAnswer;
        volatile Map<String, Long> answerNext;
        volatile Long gapNext;
        volatile CountDownLatch holdPushes;
        final CountDownLatch pushing = new CountDownLatch(1);
        volatile boolean interrupted;
        private volatile boolean open;

        @Override
        public boolean configured() {
            return true;
        }

        @Override
        public void open() {
            open = true;
        }

        @Override
        public void close() {
            open = false;
        }

        boolean isOpen() {
            return open;
        }

        private void reach() throws IOException {
            if (!open) {
                throw new IOException("sync is stopping");
            }
            if (down) {
                throw new ConnectException("Connection refused");
            }
        }

        @Override
        public synchronized PushAnswer push(List<JournalEntry> entries, Map<String, Long> heads)
                throws IOException, InterruptedException {
            reach();
            pushes.add(List.copyOf(entries));
            pushing.countDown();
            if (holdPushes != null) {
                try {
                    holdPushes.await();
                } catch (InterruptedException e) {
                    interrupted = true;
                    throw e;
                }
            }
            if (refuseWith != 0) {
                throw new Refused(refuseWith, "{\"error\":\"unavailable\"}");
            }
            if (gapNext != null) {
                long expected = gapNext;
                gapNext = null;
                throw new Refused(409, "{\"error\":\"gap\"}", entries.get(0).origin(), expected);
            }
            // the whole batch is checked before anything of it is kept
            Map<String, List<JournalEntry>> after = new HashMap<>();
            chains.forEach((origin, chain) -> after.put(origin, new ArrayList<>(chain)));
            for (JournalEntry e : entries) {
                List<JournalEntry> chain = after.computeIfAbsent(e.origin(), o -> new ArrayList<>());
                if (e.seq() <= chain.size()) {
                    continue; // held already: acknowledged again
                }
                if (e.seq() > chain.size() + 1) {
                    throw new Refused(409, "{\"error\":\"gap\",\"origin\":\"" + e.origin() + "\",\"expected\":"
                            + (chain.size() + 1) + "}", e.origin(), chain.size() + 1);
                }
                String last = chain.isEmpty() ? JournalEntry.GENESIS : chain.get(chain.size() - 1).hash();
                if (!last.equals(e.prevHash())) {
                    throw new Refused(409, "{\"error\":\"broken_chain\"}");
                }
                chain.add(e);
            }
            chains.clear();
            chains.putAll(after);
            if (loseNextAnswer) {
                loseNextAnswer = false;
                throw new IOException("Connection reset");
            }
            Map<String, Long> held = new LinkedHashMap<>();
            chains.forEach((origin, chain) -> held.put(origin, (long) chain.size()));
            Map<String, Long> answer = answerNext == null ? held : answerNext;
            answerNext = null;
            return new PushAnswer(answer, null);
        }

        @Override
        public synchronized List<Message> messages(long after, int limit) throws IOException {
            reach();
            pulledAfter.add(after);
            return messages.stream().filter(m -> m.seq() > after).limit(limit).toList();
        }

        @Override
        public ConsistencyReport compare(List<PetitionStore.CaseDigest> cases, List<ConsistencyReport> below) {
            throw new UnsupportedOperationException("not asked in these tests");
        }

        @Override
        public Pieces pieces(String attachmentId) {
            throw new UnsupportedOperationException("not asked in these tests");
        }

        @Override
        public String sendPiece(String attachmentId, int index, int pieceSize, byte[] piece) {
            throw new UnsupportedOperationException("not asked in these tests");
        }

        synchronized void queue(Message m) {
            messages.add(m);
        }

        synchronized List<JournalEntry> chain(String origin) {
            return List.copyOf(chains.getOrDefault(origin, List.of()));
        }

        /** Forgets all but the first {@code keep} entries of an origin, as a parent restored from a backup. */
        synchronized void restoreTo(String origin, int keep) {
            chains.put(origin, new ArrayList<>(chains.get(origin).subList(0, keep)));
        }

        synchronized List<List<Long>> pushedSeqs() {
            return pushes.stream().map(SyncAgentParentTest::seqs).toList();
        }
    }
}
