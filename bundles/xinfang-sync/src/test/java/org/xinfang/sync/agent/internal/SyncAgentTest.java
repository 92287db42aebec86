package org.xinfang.sync.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinfang.node.internal.ConfiguredNode;
import org.xinfang.store.jdbc.internal.JdbcPetitionStore;
import org.xinfang.store.jdbc.internal.JdbcSyncStore;

class SyncAgentTest {
    @TempDir
    Path dir;
    ConfiguredNode township;
    JdbcSyncStore store;

    @BeforeEach
    void setUp() throws Exception {
        Path units = dir.resolve("units.csv");
        Files.writeString(units, """
                510199,青溪区信访局,DISTRICT,
                510199101,清河镇,TOWNSHIP,510199
                510199101201,柳树村,VILLAGE,510199101
                510199101201001,柳树村三组,VILLAGE,510199101201
                510199102,白沙街道,TOWNSHIP,510199
                """);
        township = new ConfiguredNode("", "township", "510199101", "清河镇", "TOWNSHIP", "510199",
                "http://127.0.0.1:1", units.toString());
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(dir.resolve("db").toString());
        ds.setCreateDatabase("create");
        new JdbcPetitionStore(ds).start();
        store = new JdbcSyncStore(ds);
    }

    @Test
    void backoffGrowsExponentiallyWithJitterAndACap() {
        SyncAgent agent = new SyncAgent(store, township, new HttpParentTransport(township, "secret"), 1000, 500, 60_000);
        for (int i = 0; i < 50; i++) {
            long first = agent.backoff(1);
            assertTrue(first >= 1000 && first <= 2000, "1 failure: 2 s halved to doubled range, got " + first);
            long third = agent.backoff(3);
            assertTrue(third >= 4000 && third <= 8000, "3 failures: up to 8 s, got " + third);
            long many = agent.backoff(30);
            assertTrue(many >= 30_000 && many <= 60_000, "capped at 60 s, got " + many);
        }
    }

    @Test
    void messagesAreAppliedHereOrPassedToTheChildOnTheirWay() {
        NodePolicy policy = new NodePolicy(township);
        assertNull(policy.nextHop("510199101"));
        assertEquals("510199101201", policy.nextHop("510199101201"));
        assertEquals("510199101201", policy.nextHop("510199101201001"));
        assertNull(policy.nextHop("510199102"), "not below this node: kept here");
    }

    /**
     * A stop while a tick waits on the parent ends the tick and its thread (before, stop held the lock the tick
     * needed to finish, so the thread outlived it and every stop during a sync waited the full ten seconds).
     */
    @Test
    void aStopDuringASyncEndsTheSyncThread() throws Exception {
        try (java.net.ServerSocket parent = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            ConfiguredNode child = new ConfiguredNode("", "township", "510199101", "清河镇", "TOWNSHIP", "510199",
                    "http://127.0.0.1:" + parent.getLocalPort(), dir.resolve("units.csv").toString());
            SyncAgent agent = new SyncAgent(store, child, new HttpParentTransport(child, "secret"), 60_000, 500, 60_000);
            agent.start();
            // the parent accepts the push and never answers: the tick waits inside the request
            try (java.net.Socket held = parent.accept()) {
                agent.stop();
                assertTrue(agent.workerEnded(), "the sync thread ended with the stop");
            }
        }
    }

    @Test
    void wakesNeverMultiplyTheTicks() throws Exception {
        // a parent that does not exist: every tick fails fast, so we can count attempts
        SyncAgent agent = new SyncAgent(store, township, new HttpParentTransport(township, "secret"), 200, 500, 200);
        agent.start();
        try {
            for (int i = 0; i < 200; i++) {
                agent.wake();
                Thread.sleep(1);
            }
            Thread.sleep(500); // let the wakes settle
            int before = agent.failures();
            Thread.sleep(2000);
            int ticks = agent.failures() - before;
            // one chain with backoff capped at 200 ms, halved at worst by jitter: at most ~20 in 2 s
            assertTrue(ticks <= 25, "one chain of ticks, saw " + ticks + " in 2 s");
            assertTrue(ticks >= 2, "ticks go on, saw " + ticks);
        } finally {
            agent.stop();
        }
    }

    @Test
    void aNodeWithoutSecretOrParentDoesNotSync() {
        assertFalse(new SyncAgent(store, township, new HttpParentTransport(township, ""), 1000, 500, 60_000).configured());
        assertTrue(new SyncAgent(store, township, new HttpParentTransport(township, "s"), 1000, 500, 60_000).configured());
    }

    @Test
    void signaturesCoverTheBodyAndTheRequest() {
        byte[] body = "{\"entries\":[]}".getBytes();
        String s = Signatures.sign("k", "POST", "/api/v1/sync/push", "N", 1, "n", body);
        assertTrue(Signatures.same(s, Signatures.sign("k", "POST", "/api/v1/sync/push", "N", 1, "n", body)));
        assertFalse(Signatures.same(s, Signatures.sign("k", "POST", "/api/v1/sync/push", "N", 1, "n", new byte[1])));
        assertFalse(Signatures.same(s, Signatures.sign("k", "POST", "/api/v1/sync/messages", "N", 1, "n", body)));
        assertFalse(Signatures.same(s, Signatures.sign("other", "POST", "/api/v1/sync/push", "N", 1, "n", body)));
        assertFalse(Signatures.same(s, null));
    }
}
