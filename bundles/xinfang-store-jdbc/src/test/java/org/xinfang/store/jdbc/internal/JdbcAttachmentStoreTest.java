package org.xinfang.store.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinfang.attachment.Attachment;
import org.xinfang.attachment.AttachmentLimits;
import org.xinfang.attachment.AttachmentStore.Held;
import org.xinfang.attachment.AttachmentStore.PieceOutcome;
import org.xinfang.petition.NotFoundException;
import org.xinfang.petition.ValidationException;
import org.xinfang.sync.JournalEntry;
import org.xinfang.sync.Outgoing;
import org.xinfang.sync.PushResult;

/**
 * Attachments on real databases (Derby, or PostgreSQL schemas with -Dxinfang.test.jdbc.url): a file is stored with
 * its fact journalled in one transaction; its type comes from its content; the limits hold at the node where it is
 * attached and at the parent; the parent takes the bytes piece by piece, only for a fact it holds, verifies the whole
 * and discards a whole that does not match.
 */
class JdbcAttachmentStoreTest {
    private static final AttachmentLimits LIMITS = new AttachmentLimits(20_000, 30_000);

    @TempDir
    Path dir;
    Node township;
    Node district;

    record Node(String id, JdbcPetitionStore petitions, JdbcSyncStore sync, JdbcAttachmentStore attachments) {
    }

    private Node node(String id) throws Exception {
        DataSource dataSource = TestDatabases.fresh(dir, "att" + id);
        JdbcPetitionStore petitions = new JdbcPetitionStore(dataSource);
        petitions.start();
        return new Node(id, petitions, new JdbcSyncStore(dataSource, LIMITS), new JdbcAttachmentStore(dataSource, LIMITS));
    }

    @BeforeEach
    void start() throws Exception {
        township = node("T1");
        district = node("D1");
        township.petitions().insert(Cases.petition("T1-1", "T1"), "h", "T1");
    }

    static byte[] png(int size) {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, 0, b, 0, 8);
        return b;
    }

    private PushResult push(long afterPos) {
        List<JournalEntry> entries = township.sync().outbox(afterPos, 1000).stream().map(Outgoing::entry).toList();
        return district.sync().receive("T1", Cases.policy("D1"), entries);
    }

    @Test
    void aFileIsStoredWithItsFactJournalledAndItsTypeFromItsContent() {
        byte[] content = png(5000);
        Attachment a = township.attachments().add("T1-1", "C:\\扫描\\来信.jpg", content, Cases.CLERK, "T1", "T1");
        assertEquals("image/png", a.mediaType(), "the content is a PNG whatever the name says");
        assertEquals("来信.jpg", a.fileName(), "the path is dropped");
        assertEquals(JdbcAttachmentStore.sha256(content), a.sha256());
        List<Outgoing> out = township.sync().outbox(0, 10);
        Outgoing last = out.get(out.size() - 1);
        assertEquals("ATTACHMENT_ADDED", last.entry().type());
        assertEquals("T1-" + last.entry().seq(), a.id(), "the attachment is named by its journal entry");
        assertFalse(last.entry().payload().length() > 1000, "the entry carries the fact, not the bytes");
        assertArrayEquals(content, township.attachments().content(a.id()).orElseThrow());
        Held held = township.attachments().list("T1-1").get(0);
        assertTrue(held.complete());
        assertEquals(a, held.attachment());
        assertEquals(1, township.attachments().pendingUp(10).size());
    }

    @Test
    void otherTypesEmptyFilesAndFilesOverTheLimitsAreRefusedNamingTheField() {
        ValidationException gif = assertThrows(ValidationException.class, () -> township.attachments().add("T1-1",
                "scan.png", "GIF89a....".getBytes(), Cases.CLERK, "T1", "T1"));
        assertEquals("file", gif.field());
        assertEquals("unsupported_type", gif.code());
        assertTrue(gif.getMessage().startsWith("只接受"), gif.getMessage());
        assertEquals("required", assertThrows(ValidationException.class, () -> township.attachments().add("T1-1", "a",
                new byte[0], Cases.CLERK, "T1", "T1")).code());
        assertEquals("too_large", assertThrows(ValidationException.class, () -> township.attachments().add("T1-1", "a",
                png(20_001), Cases.CLERK, "T1", "T1")).code());
        township.attachments().add("T1-1", "a.png", png(20_000), Cases.CLERK, "T1", "T1");
        assertEquals("case_too_large", assertThrows(ValidationException.class, () -> township.attachments().add("T1-1",
                "b.png", png(10_001), Cases.CLERK, "T1", "T1")).code());
        assertThrows(NotFoundException.class, () -> township.attachments().add("T1-9", "a.png", png(100), Cases.CLERK,
                "T1", "T1"));
        assertEquals(1, township.attachments().list("T1-1").size(), "a refused file leaves nothing behind");
    }

    @Test
    void theParentTakesTheBytesInPiecesOnlyForAFactItHoldsAndVerifiesTheWhole() {
        byte[] content = png(10_000);
        Attachment a = township.attachments().add("T1-1", "来信.png", content, Cases.CLERK, "T1", "T1");
        assertThrows(NotFoundException.class, () -> district.attachments().takePiece(a.id(), 4096, 0,
                Arrays.copyOfRange(content, 0, 4096)), "no piece before the fact");
        PushResult r = push(0);
        assertEquals(0, r.refused());
        Held before = district.attachments().transferState(a.id()).orElseThrow();
        assertFalse(before.complete());
        assertTrue(district.attachments().content(a.id()).isEmpty());

        assertEquals(PieceOutcome.KEPT, district.attachments().takePiece(a.id(), 4096, 2,
                Arrays.copyOfRange(content, 8192, 10_000)));
        assertEquals("wrong_length", assertThrows(ValidationException.class, () -> district.attachments().takePiece(
                a.id(), 4096, 0, Arrays.copyOfRange(content, 0, 4000))).code());
        assertEquals("mismatch", assertThrows(ValidationException.class, () -> district.attachments().takePiece(
                a.id(), 2048, 0, Arrays.copyOfRange(content, 0, 2048))).code());
        assertEquals("out_of_range", assertThrows(ValidationException.class, () -> district.attachments().takePiece(
                a.id(), 4096, 3, new byte[16])).code());
        assertEquals(List.of(2), district.attachments().piecesHeld(a.id()));
        assertEquals(PieceOutcome.KEPT, district.attachments().takePiece(a.id(), 4096, 0,
                Arrays.copyOfRange(content, 0, 4096)));
        assertEquals(PieceOutcome.COMPLETE, district.attachments().takePiece(a.id(), 4096, 1,
                Arrays.copyOfRange(content, 4096, 8192)));
        assertArrayEquals(content, district.attachments().content(a.id()).orElseThrow());
        Held after = district.attachments().list("T1-1").get(0);
        assertTrue(after.complete());
        assertEquals(a, after.attachment());
        assertEquals(3, after.piecesHeld());
        assertEquals(1, district.attachments().pendingUp(10).size(), "complete here: it goes on up");
    }

    @Test
    void aWholeThatDoesNotMatchItsChecksumIsDiscardedAndTakenAgain() {
        byte[] content = png(5000);
        Attachment a = township.attachments().add("T1-1", "来信.png", content, Cases.CLERK, "T1", "T1");
        push(0);
        byte[] forged = content.clone();
        forged[4500] ^= 1;
        district.attachments().takePiece(a.id(), 4096, 0, Arrays.copyOfRange(forged, 0, 4096));
        assertEquals(PieceOutcome.DISCARDED, district.attachments().takePiece(a.id(), 4096, 1,
                Arrays.copyOfRange(forged, 4096, 5000)));
        assertTrue(district.attachments().piecesHeld(a.id()).isEmpty());
        assertTrue(district.attachments().content(a.id()).isEmpty());
        district.attachments().takePiece(a.id(), 2048, 0, Arrays.copyOfRange(content, 0, 2048));
        district.attachments().takePiece(a.id(), 2048, 1, Arrays.copyOfRange(content, 2048, 4096));
        assertEquals(PieceOutcome.COMPLETE, district.attachments().takePiece(a.id(), 2048, 2,
                Arrays.copyOfRange(content, 4096, 5000)));
        assertArrayEquals(content, district.attachments().content(a.id()).orElseThrow());
    }

    @Test
    void aFactOverTheParentsLimitsIsRefusedThereAndItsBytesWithIt() throws Exception {
        byte[] content = png(15_000);
        township.attachments().add("T1-1", "a.png", content, Cases.CLERK, "T1", "T1");
        DataSource ds = TestDatabases.fresh(dir, "attsmall");
        JdbcPetitionStore petitions = new JdbcPetitionStore(ds);
        petitions.start();
        JdbcSyncStore sync = new JdbcSyncStore(ds, new AttachmentLimits(10_000, 10_000));
        List<JournalEntry> entries = township.sync().outbox(0, 1000).stream().map(Outgoing::entry).toList();
        PushResult r = sync.receive("T1", Cases.policy("D1"), entries);
        assertEquals(1, r.refused(), "the fact over the limit is kept in the chain and not applied");
        assertTrue(new JdbcAttachmentStore(ds, LIMITS).list("T1-1").isEmpty());
    }

    @Test
    void aFactOfAnotherSubtreesCaseIsRefused() throws Exception {
        push(0); // the district holds T1-1, registered and owned at T1
        Node other = node("T2");
        other.petitions().insert(Cases.petition("T1-1", "T1"), "h", "T2"); // a copy T2 should not be speaking for
        other.attachments().add("T1-1", "a.png", png(2000), Cases.CLERK, "T2", "T2");
        List<JournalEntry> entries = other.sync().outbox(0, 1000).stream().map(Outgoing::entry).toList();
        PushResult r = district.sync().receive("T2", Cases.policy("D1"), entries);
        assertEquals(2, r.refused(), "neither the registration nor the attachment of T1's case is taken from T2");
        assertTrue(district.attachments().list("T1-1").isEmpty());
        assertTrue(district.sync().refused(10).stream().anyMatch(x -> "foreign_case".equals(x.kind())),
                "refused as another subtree's case");
    }
}
