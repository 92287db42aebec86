package org.xinfang.store.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinfang.attachment.AttachmentLimits;
import org.xinfang.petition.Petition;
import org.xinfang.petition.PetitionStore;
import org.xinfang.sync.Outgoing;

/**
 * Registrations from many threads at once, committed in groups (issue 16): every one stored with its journal entry,
 * the node's chain without a gap or a fork, and one that takes a tracking code already held refused alone while the
 * others of its group are kept.
 */
class GroupCommitTest {
    @TempDir
    Path dir;

    @Test
    void concurrentRegistrationsAreAllStoredWithAnUnbrokenChainAndADuplicateIsRefusedAlone() throws Exception {
        DataSource ds = TestDatabases.fresh(dir, "group");
        JdbcPetitionStore store = new JdbcPetitionStore(ds);
        store.start();
        JdbcSyncStore sync = new JdbcSyncStore(ds, new AttachmentLimits(1000, 1000));
        store.insert(Cases.petition("T1-0", "T1"), "h", "T1");
        int threads = 16;
        int each = 20;
        ConcurrentLinkedQueue<String> stored = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> refused = new ConcurrentLinkedQueue<>();
        atOnce(threads, thread -> {
            for (int i = 0; i < each; i++) {
                String id = "T1-" + (1 + thread * each + i);
                // the tracking code of the first case: refused, whatever group it lands in
                Petition p = withTracking(Cases.petition(id, "T1"), thread == 3 && i == 7 ? "TRKT10" : null);
                try {
                    stored.add(store.insert(p, "h", "T1").id());
                } catch (PetitionStore.DuplicateException e) {
                    refused.add(id);
                }
            }
        });
        assertEquals(List.of("T1-68"), List.copyOf(refused), "the duplicate alone is refused");
        assertEquals(threads * each - 1, stored.size());
        assertEquals(threads * each, store.find(new org.xinfang.petition.PetitionQuery(null, null, null, null, null,
                null, 0, 20)).total(), "the inbox's total, kept with the groups: the refused one not counted");
        for (String id : stored) {
            assertTrue(store.get(id).isPresent(), id);
        }
        List<Outgoing> out = sync.outbox(0, 10_000);
        Set<String> journalled = new TreeSet<>();
        long seq = 0;
        for (Outgoing o : out) {
            if (o.entry().origin().equals("T1")) {
                assertEquals(seq + 1, o.entry().seq(), "the node's chain has no gap");
                seq = o.entry().seq();
                if (o.entry().type().equals("PETITION_REGISTERED")) {
                    journalled.add(o.entry().entity());
                }
            }
        }
        assertEquals(threads * each, journalled.size(), "each stored case journalled once, the first case too");
        assertTrue(!journalled.contains("T1-68"), "nothing of the refused one is journalled");
        assertTrue(store.groupsCommittedTogether() > 0, "16 threads at once form groups");
        // the chain verifies: each entry's hash over its predecessor's
        String prev = org.xinfang.sync.JournalEntry.GENESIS;
        for (Outgoing o : out) {
            if (o.entry().origin().equals("T1")) {
                org.xinfang.sync.JournalEntry e = o.entry();
                assertEquals(prev, e.prevHash(), "entry " + e.seq() + " follows its predecessor");
                assertEquals(org.xinfang.sync.JournalEntry.computeHash(e.prevHash(), e.origin(), e.seq(), e.type(),
                        e.entity(), e.atMillis(), e.payload()), e.hash(), "entry " + e.seq() + "'s hash");
                prev = e.hash();
            }
        }
    }

    /** Numbered in the commit (issue 16): consecutive numbers, none skipped by the refused one, none twice. */
    @Test
    void registrationsNumberedInTheirCommitTakeConsecutiveNumbersAndARefusedOneTakesNone() throws Exception {
        DataSource ds = TestDatabases.fresh(dir, "numbered");
        JdbcPetitionStore store = new JdbcPetitionStore(ds);
        store.start();
        store.insertNumbered(Cases.petition("T2-new", "T2"), "reg", n -> "T2-" + n, "h", "T2");
        Petition first = store.get("T2-1").orElseThrow();
        ConcurrentLinkedQueue<String> stored = new ConcurrentLinkedQueue<>();
        atOnce(8, thread -> {
            for (int i = 0; i < 25; i++) {
                // distinct tracking codes, but one of them the first case's: that one is refused
                Petition p = withTracking(Cases.petition("T2-new", "T2"),
                        thread == 5 && i == 11 ? first.trackingCode() : "N" + thread + "X" + i);
                try {
                    stored.add(store.insertNumbered(p, "reg", n -> "T2-" + n, "h", "T2").id());
                } catch (PetitionStore.DuplicateException refusedAlone) {
                    // expected once
                }
            }
        });
        Set<Integer> numbers = new TreeSet<>();
        for (String id : stored) {
            numbers.add(Integer.parseInt(id.substring(3)));
        }
        assertEquals(8 * 25 - 1, stored.size());
        assertEquals(stored.size(), numbers.size(), "no number twice");
        Set<Integer> expected = new TreeSet<>();
        for (int n = 2; n <= 8 * 25; n++) {
            expected.add(n);
        }
        assertEquals(expected, numbers, "2 to 200 without a gap: the refused registration used no number");
        assertEquals(8 * 25 + 1, store.nextSequence("reg"), "and the sequence moves on from there");
        // groups were committed as one (each sequence advanced once for the group), and the one with the refused
        // registration one by one: the numbers above hold for both ways
        assertTrue(store.groupsCommittedTogether() > 0, "8 threads at once form groups");
    }

    /** Runs {@code body} on {@code threads} threads released together; fails with what any of them threw. */
    private static void atOnce(int threads, java.util.function.IntConsumer body) throws InterruptedException {
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread th = new Thread(() -> {
                try {
                    start.await();
                    body.accept(thread);
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            th.start();
            running.add(th);
        }
        start.countDown();
        for (Thread th : running) {
            th.join();
        }
        assertTrue(failures.isEmpty(), failures.toString());
    }

    /** The case with another tracking code (null: as it is). */
    private static Petition withTracking(Petition p, String tracking) {
        return tracking == null ? p : new Petition(p.id(), tracking, p.kind(), p.channel(), p.subject(), p.content(),
                p.category(), p.location(), p.receivedAt(), p.headcount(), p.petitioners(), p.registeredBy(), p.owner(),
                p.status(), p.registeredAt(), p.timeline());
    }
}
