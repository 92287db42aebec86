package org.xinfang.store.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinfang.attachment.AttachmentLimits;
import org.xinfang.petition.NotFoundException;
import org.xinfang.petition.PersonalField;
import org.xinfang.petition.PersonalRead;
import org.xinfang.sync.JournalEntry;
import org.xinfang.sync.Outgoing;
import org.xinfang.sync.PushResult;

/**
 * Reads of personal data on real databases: recorded with a journal entry in one transaction, listed per case and
 * per person, and kept once at the parent when the child's journal arrives — only a read of the child's own staff
 * and of a case the parent holds.
 */
class JdbcPersonalReadsTest {
    private static final AttachmentLimits LIMITS = new AttachmentLimits(20_000, 30_000);

    @TempDir
    Path dir;
    Node township;
    Node district;

    record Node(String id, JdbcPetitionStore petitions, JdbcSyncStore sync, JdbcPersonalReads reads) {
    }

    private Node node(String id) throws Exception {
        DataSource dataSource = TestDatabases.fresh(dir, "reads" + id);
        JdbcPetitionStore petitions = new JdbcPetitionStore(dataSource);
        petitions.start();
        return new Node(id, petitions, new JdbcSyncStore(dataSource, LIMITS), new JdbcPersonalReads(dataSource));
    }

    @BeforeEach
    void start() throws Exception {
        township = node("T1");
        district = node("D1");
        township.petitions().insert(Cases.petition("T1-1", "T1"), "h", "T1");
    }

    private PushResult push(long afterPos) {
        List<JournalEntry> entries = township.sync().outbox(afterPos, 1000).stream().map(Outgoing::entry).toList();
        return district.sync().receive("T1", Cases.policy("D1"), entries);
    }

    @Test
    void aReadIsRecordedWithItsJournalEntryAndListedPerCaseAndPerson() {
        PersonalRead r = township.reads().record("T1-1", Cases.CLERK, "T1", "T1",
                List.of(PersonalField.ID_NUMBER, PersonalField.PHONE));
        List<Outgoing> out = township.sync().outbox(0, 10);
        JournalEntry last = out.get(out.size() - 1).entry();
        assertEquals("PERSONAL_DATA_READ", last.type());
        assertEquals("T1-" + last.seq(), r.id(), "the read is named by its journal entry");
        assertTrue(!last.payload().contains("5101"), "the entry carries no personal data: " + last.payload());
        PersonalRead second = township.reads().record("T1-1", Cases.CLERK, "T1", "T1", List.of(PersonalField.ADDRESS));
        assertEquals(List.of(second.id(), r.id()), township.reads().ofCase("T1-1", 10).stream().map(PersonalRead::id)
                .toList(), "newest first");
        assertEquals(List.of(PersonalField.ID_NUMBER, PersonalField.PHONE), township.reads().ofCase("T1-1", 10).get(1)
                .fields());
        assertEquals(Cases.CLERK.name(), township.reads().byReader("T1", Cases.CLERK.login(), 10).get(0).reader().name());
        assertEquals(0, township.reads().byReader("D1", Cases.CLERK.login(), 10).size(), "a login is per node");
        assertEquals(1, township.reads().ofCase("T1-1", 1).size(), "the limit holds");
    }

    @Test
    void aReadOfACaseNotHeldIsRefusedAndNothingIsJournalled() {
        int before = township.sync().outbox(0, 100).size();
        assertThrows(NotFoundException.class, () -> township.reads().record("T1-404", Cases.CLERK, "T1", "T1",
                List.of(PersonalField.PHONE)));
        assertEquals(before, township.sync().outbox(0, 100).size());
    }

    @Test
    void theParentKeepsTheChildsReadsOnceWithTheCase() {
        PersonalRead r = township.reads().record("T1-1", Cases.CLERK, "T1", "T1", List.of(PersonalField.CONTENT));
        PushResult first = push(0);
        assertEquals(0, first.refused(), "case and read applied");
        List<PersonalRead> there = district.reads().ofCase("T1-1", 10);
        assertEquals(List.of(r.id()), there.stream().map(PersonalRead::id).toList());
        assertEquals("T1", there.get(0).node());
        assertEquals(List.of(PersonalField.CONTENT), there.get(0).fields());
        push(0); // the same entries again
        assertEquals(1, district.reads().ofCase("T1-1", 10).size(), "kept once");
    }
}
