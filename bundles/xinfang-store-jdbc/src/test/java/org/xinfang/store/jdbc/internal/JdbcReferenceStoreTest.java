package org.xinfang.store.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinfang.reference.ReferenceStore;
import org.xinfang.sync.Message;

/**
 * Reference data on real databases: the top replaces a document and queues it for each child in the same
 * transaction; a child takes only a newer version and passes it on to its own children; a child registered
 * later gets what is held; an editor who read an old version is refused.
 */
class JdbcReferenceStoreTest {
    @TempDir
    Path dir;
    JdbcReferenceStore district;
    JdbcSyncStore districtSync;
    JdbcReferenceStore township;
    JdbcSyncStore townshipSync;

    @BeforeEach
    void start() throws Exception {
        var d = TestDatabases.fresh(dir, "refD");
        new JdbcPetitionStore(d).start();
        district = new JdbcReferenceStore(d);
        districtSync = new JdbcSyncStore(d);
        var t = TestDatabases.fresh(dir, "refT");
        new JdbcPetitionStore(t).start();
        township = new JdbcReferenceStore(t);
        townshipSync = new JdbcSyncStore(t);
    }

    @Test
    void aChangeAtTheTopIsQueuedForEveryChildInTheSameTransaction() {
        districtSync.registerChild("T1", "secret-1");
        districtSync.registerChild("B1", "secret-2");
        var doc = district.replace("categories", 0, "{\"v\":1}");
        assertEquals(1, doc.version());
        assertEquals("{\"v\":1}", district.get("categories").orElseThrow().payload());
        for (String child : List.of("T1", "B1")) {
            List<Message> queued = districtSync.messagesFor(child, 0, 10);
            assertEquals(1, queued.size(), child);
            assertEquals(ReferenceStore.MESSAGE_TYPE, queued.get(0).type());
        }
    }

    @Test
    void anEditorWhoReadAnOldVersionIsRefusedAndNothingIsQueued() {
        districtSync.registerChild("T1", "secret-1");
        district.replace("categories", 0, "{\"v\":1}");
        var stale = assertThrows(ReferenceStore.StaleException.class, () -> district.replace("categories", 0, "{\"v\":2}"));
        assertEquals(1, stale.current());
        assertEquals("{\"v\":1}", district.get("categories").orElseThrow().payload());
        assertEquals(1, districtSync.messagesFor("T1", 0, 10).size());
    }

    @Test
    void aChildTakesOnlyANewerVersionAndPassesItOnToItsChildren() {
        districtSync.registerChild("T1", "secret-1");
        townshipSync.registerChild("V1", "secret-v");
        district.replace("categories", 0, "{\"v\":1}");
        Message first = districtSync.messagesFor("T1", 0, 10).get(0);
        district.replace("categories", 1, "{\"v\":2}");
        Message second = districtSync.messagesFor("T1", 0, 10).get(1);

        townshipSync.applyMessage(second, Cases.policy("T1"), "pull.cursor");
        assertEquals(2, township.get("categories").orElseThrow().version());
        // the older copy arriving late changes nothing
        townshipSync.applyMessage(first, Cases.policy("T1"), "pull.cursor");
        assertEquals("{\"v\":2}", township.get("categories").orElseThrow().payload());
        // the village below the township gets version 2 only
        List<Message> forVillage = townshipSync.messagesFor("V1", 0, 10);
        assertEquals(1, forVillage.size());
        assertTrue(forVillage.get(0).payload().contains("\"version\":2"), forVillage.get(0).payload());
    }

    @Test
    void aChildRegisteredLaterIsSentWhatIsHeld() {
        district.replace("categories", 0, "{\"v\":1}");
        district.replace("categories", 1, "{\"v\":2}");
        districtSync.registerChild("T2", "secret-3");
        List<Message> queued = districtSync.messagesFor("T2", 0, 10);
        assertEquals(1, queued.size());
        townshipSync.applyMessage(queued.get(0), Cases.policy("T2"), "pull.cursor");
        assertEquals("{\"v\":2}", township.get("categories").orElseThrow().payload());
    }

    @Test
    void aMalformedMessageIsRefusedWholeAndNothingIsApplied() {
        Message bad = new Message(1, "reference:x", "*", ReferenceStore.MESSAGE_TYPE, "{\"name\":\"categories\"}", 0);
        assertThrows(RuntimeException.class, () -> townshipSync.applyMessage(bad, Cases.policy("T1"), "pull.cursor"));
        assertTrue(township.get("categories").isEmpty());
    }
}
