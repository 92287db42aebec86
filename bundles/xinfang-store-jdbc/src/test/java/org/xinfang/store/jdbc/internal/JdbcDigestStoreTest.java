package org.xinfang.store.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinfang.digest.Digest;
import org.xinfang.digest.DigestConflictException;
import org.xinfang.digest.DigestStatus;
import org.xinfang.digest.DigestStore.Stored;
import org.xinfang.petition.NotFoundException;
import org.xinfang.petition.Person;

/**
 * Monthly digests on a real database (Derby, or PostgreSQL with -Dxinfang.test.jdbc.url): the document comes
 * back byte for byte with the hash of those bytes; a draft changes only by its next version; a signed digest's
 * row is never written again.
 */
class JdbcDigestStoreTest {
    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    private static final Person CLERK = new Person("clerk", "刘洋", "青溪区信访局登记员");
    private static final Person LEADER = new Person("leader", "陈静", "青溪区信访局局长");
    private static final Instant AT = Instant.parse("2026-12-02T01:00:00Z");

    @TempDir
    Path dir;
    JdbcDigestStore store;

    @BeforeEach
    void start() throws Exception {
        var dataSource = TestDatabases.fresh(dir, "digests");
        new JdbcPetitionStore(dataSource).start();
        store = new JdbcDigestStore(dataSource);
    }

    private static byte[] document(Digest d) {
        return ("{\"month\":\"" + d.month() + "\",\"version\":" + d.version() + ",\"status\":\"" + d.status()
                + "\",\"text\":\"本月要情：" + d.highlights() + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theDocumentComesBackByteForByteWithItsHash() {
        Digest draft = Digest.draft(NOVEMBER, "{\"totals\":{\"total\":3}}", CLERK, AT);
        byte[] doc = document(draft);
        Stored stored = store.insert(draft, doc);
        assertEquals(JdbcDigestStore.sha256(doc), stored.sha256());
        assertEquals(64, stored.sha256().length());
        Stored read = store.get(NOVEMBER).orElseThrow();
        assertArrayEquals(doc, read.document());
        assertEquals(stored.sha256(), read.sha256());
        assertEquals(draft, read.digest());
        assertTrue(store.get(NOVEMBER.minusMonths(1)).isEmpty());
    }

    @Test
    void aMonthHasOneDigest() {
        Digest draft = Digest.draft(NOVEMBER, "{}", CLERK, AT);
        store.insert(draft, document(draft));
        DigestConflictException e = assertThrows(DigestConflictException.class, () -> store.insert(draft, document(draft)));
        assertEquals(DigestConflictException.Reason.EXISTS, e.reason());
    }

    @Test
    void aDraftChangesByItsNextVersionOnlyAndASignedDigestNeverAgain() {
        Digest v1 = Digest.draft(NOVEMBER, "{\"totals\":{\"total\":3}}", CLERK, AT);
        store.insert(v1, document(v1));
        Digest v2 = v1.edited("本月来信来访总体平稳。", "征地拆迁类上升。", null, CLERK, AT.plusSeconds(60));
        store.replace(v2, document(v2));
        // a change made on version 1 again comes too late
        Digest late = v1.regenerated("{\"totals\":{\"total\":4}}", CLERK, AT.plusSeconds(120));
        DigestConflictException stale = assertThrows(DigestConflictException.class, () -> store.replace(late, document(late)));
        assertEquals(DigestConflictException.Reason.STALE, stale.reason());

        Digest signed = v2.signedOff(LEADER, AT.plusSeconds(300));
        byte[] signedDoc = document(signed);
        Stored atSignOff = store.replace(signed, signedDoc);
        assertEquals(DigestStatus.SIGNED, store.get(NOVEMBER).orElseThrow().digest().status());

        // even a next version built past the model's own check is refused, and the row stays as signed
        Digest forged = new Digest(NOVEMBER, DigestStatus.DRAFT, signed.version() + 1, "{\"totals\":{\"total\":9}}",
                null, null, null, CLERK, AT.plusSeconds(400), null, null, null, null);
        DigestConflictException fixed = assertThrows(DigestConflictException.class,
                () -> store.replace(forged, document(forged)));
        assertEquals(DigestConflictException.Reason.SIGNED, fixed.reason());
        Stored now = store.get(NOVEMBER).orElseThrow();
        assertArrayEquals(signedDoc, now.document());
        assertEquals(atSignOff.sha256(), now.sha256());
        assertEquals(signed, now.digest());
        assertEquals(LEADER, now.digest().signedBy());
    }

    @Test
    void aMonthWithoutDigestCannotBeChanged() {
        Digest v2 = Digest.draft(NOVEMBER, "{}", CLERK, AT).edited("x", null, null, CLERK, AT);
        assertThrows(NotFoundException.class, () -> store.replace(v2, document(v2)));
    }

    @Test
    void theListIsNewestMonthFirst() {
        for (YearMonth m : List.of(YearMonth.of(2026, 9), YearMonth.of(2026, 11), YearMonth.of(2025, 12))) {
            Digest d = Digest.draft(m, "{}", CLERK, AT);
            store.insert(d, document(d));
        }
        assertEquals(List.of(YearMonth.of(2026, 11), YearMonth.of(2026, 9), YearMonth.of(2025, 12)),
                store.list().stream().map(s -> s.digest().month()).toList());
    }
}
