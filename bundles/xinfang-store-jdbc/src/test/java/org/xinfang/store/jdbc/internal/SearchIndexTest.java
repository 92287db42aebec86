package org.xinfang.store.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinfang.petition.Channel;
import org.xinfang.petition.Kind;
import org.xinfang.petition.Page;
import org.xinfang.petition.Petition;
import org.xinfang.petition.PetitionQuery;
import org.xinfang.petition.PetitionQuery.Sort;
import org.xinfang.petition.PetitionSummary;
import org.xinfang.petition.Petitioner;
import org.xinfang.petition.Status;

/**
 * The word index of the search box (schema 22) on a real database: a name, a word of the subject, content or
 * category, a mixed word, a word of one character, every way a case is stored, an accusation, and a register
 * migrated from schema 21, each found exactly as the scan of every case finds it (an oracle here, in Java).
 */
class SearchIndexTest {
    @TempDir
    Path dir;
    DataSource dataSource;
    JdbcPetitionStore store;
    final List<Petition> stored = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        dataSource = TestDatabases.fresh(dir);
        store = new JdbcPetitionStore(dataSource);
        // start() without the indexer's thread (a node calls open()): new cases stay pending until a test indexes them
        // (SearchIndexer.indexAll), so that each search is asked with its cases pending and again indexed
        store.start();
    }

    private static int indexAll(DataSource ds) {
        try {
            return SearchIndexer.indexAll(ds);
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    /** The terms whose postings hold the case (read row by row: a test's index is small). */
    static Set<String> termsOf(DataSource ds, String id) throws Exception {
        Set<String> terms = new TreeSet<>();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT term, ids FROM xf_search_posting")) {
            while (rs.next()) {
                List<String> ids = new ArrayList<>();
                SearchTerms.unpack(rs.getString(2), ids);
                if (ids.contains(id)) {
                    terms.add(rs.getString(1));
                }
            }
        }
        return terms;
    }

    /** The terms the indexer of schema 24 (and 25) wrote for a case: its bigrams, its id and tracking code marked. */
    private static Set<String> termsOfSchema24(Petition p) {
        Set<String> terms = new java.util.LinkedHashSet<>(SearchTerms.of(p));
        terms.add(SearchTerms.MARK + p.id().toLowerCase(Locale.ROOT));
        terms.add(SearchTerms.MARK + p.trackingCode().toLowerCase(Locale.ROOT));
        return terms;
    }

    /** The cases the index holds. */
    static Set<String> indexedCases(DataSource ds) throws Exception {
        Set<String> cases = new TreeSet<>();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT ids FROM xf_search_posting")) {
            while (rs.next()) {
                SearchTerms.unpack(rs.getString(1), cases);
            }
        }
        return cases;
    }

    private int pendingRows() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM xf_search_pending")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static Petition kase(String id, Kind kind, String subject, String content, String category,
            String... names) {
        Instant at = Instant.parse("2026-11-01T02:00:00Z").plusSeconds(Long.parseLong(id.substring(id.length() - 4)));
        List<Petitioner> people = Arrays.stream(names).map(n -> new Petitioner(n, null, null, null)).toList();
        return new Petition(id, "K" + id.replace("-", "").substring(6), kind, Channel.LETTER, subject, content, category,
                null, LocalDate.of(2026, 11, 1), 1, people, "T1", "T1", Status.REGISTERED, at,
                List.of(Cases.registered("T1", at)));
    }

    private Petition add(Petition p) {
        store.insert(p, "h", "T1");
        stored.add(p);
        return p;
    }

    private static PetitionQuery search(String words) {
        return new PetitionQuery(null, null, null, null, null, words, 0, 50).sortedBy(Sort.ID, true);
    }

    private List<String> ids(String words) {
        return store.find(search(words)).items().stream().map(PetitionSummary::id).toList();
    }

    /** What the scan of before finds for one word: id's beginning, tracking code, or (not an accusation) the text. */
    private List<String> oracle(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        List<String> found = new ArrayList<>();
        for (Petition p : stored) {
            boolean text = p.kind() != Kind.ACCUSATION && (contains(p.subject(), w) || contains(p.content(), w)
                    || contains(p.category(), w) || p.petitioners().stream().anyMatch(r -> contains(r.name(), w)));
            if (text || p.id().toLowerCase(Locale.ROOT).startsWith(w) || p.trackingCode().toLowerCase(Locale.ROOT)
                    .equals(w)) {
                found.add(p.id());
            }
        }
        return found.stream().sorted().toList();
    }

    private static boolean contains(String field, String lowerWord) {
        return field != null && field.toLowerCase(Locale.ROOT).contains(lowerWord);
    }

    private void seven() {
        add(kase("510199-0000001", Kind.CLAIM, "拖欠农民工工资", "包工头拖欠工资半年，多次讨要未果", "劳动社保", "王小明"));
        add(kase("510199-0000002", Kind.CLAIM, "小区停水", "物业资停业后小区停水三天", "城乡建设", "王小红", "李四"));
        add(kase("510199-0000003", Kind.SUGGESTION, "工资", "建议公开招投标", null, "李小明"));
        add(kase("510199-0000004", Kind.CLAIM, "申请ABC公司退还押金", "租房押金 Deposit 未退", "城乡建设", "Zhang Wei"));
        add(kase("510199-0000005", Kind.SUGGESTION, "道路维修 Road REPAIR", "路面塌陷", "交通运输", "赵六"));
        add(kase("510199-0000006", Kind.ACCUSATION, "举报某局长受贿", "局长收受工程老板财物", "纪检监察", "孙举报"));
        add(kase("510199-0000007", Kind.CLAIM, "土地承包纠纷", "承包合同到期后村委会收回土地", "农村农业", "王", "钱七"));
    }

    /**
     * Rows written before ids were front-coded (a plain list) stay in a register: they are read as they were, beside
     * the rows written since.
     */
    @Test
    void rowsWrittenPlainBeforeAreReadBesideFrontCodedOnes() throws Exception {
        seven();
        indexAll(dataSource);
        int coded = 0;
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT term, block, ids FROM xf_search_posting");
                PreparedStatement plain = c.prepareStatement("UPDATE xf_search_posting SET ids = ? WHERE term = ?"
                        + " AND block = ?")) {
            while (rs.next()) {
                List<String> ids = new ArrayList<>();
                SearchTerms.unpack(rs.getString(3), ids);
                if (ids.size() > 1) {
                    assertEquals(SearchTerms.FRONT_CODED, rs.getString(3).charAt(0), rs.getString(1));
                    coded++;
                }
                plain.setString(1, String.join(" ", ids)); // as an older node wrote it
                plain.setString(2, rs.getString(1));
                plain.setLong(3, rs.getLong(2));
                plain.executeUpdate();
            }
        }
        assertTrue(coded >= 5, "rows of several ids: " + coded);
        add(kase("510199-0000008", Kind.CLAIM, "拖欠工资", "小区停水又拖欠农民工工资", "劳动社保", "王小明"));
        add(kase("510199-0000009", Kind.CLAIM, "停水", "小区停水", "城乡建设", "李四"));
        indexAll(dataSource);
        for (String word : List.of("王小明", "农民工", "停水", "小区停水", "城乡建设", "拖欠工资", "李四")) {
            assertEquals(oracle(word), ids(word), word);
        }
        assertEquals(List.of("510199-0000001", "510199-0000008"), ids("农民工"), "a plain row and a new one");
    }

    @Test
    void aPetitionersNameOrAPartOfItFindsTheirCases() {
        seven();
        assertEquals(List.of("510199-0000001"), ids("王小明"));
        assertEquals(List.of("510199-0000001", "510199-0000003"), ids("小明"));
        assertEquals(List.of("510199-0000001", "510199-0000002"), ids("王小"));
        assertEquals(List.of("510199-0000002"), ids("李四"), "the second petitioner of a case too");
        assertEquals(List.of("510199-0000004"), ids("zhang wei"));
    }

    @Test
    void aWordOfTheSubjectContentOrCategoryFindsExactlyWhatTheScanFound() {
        seven();
        assertEquals(List.of("510199-0000001"), ids("农民工"));
        assertEquals(List.of("510199-0000002"), ids("停水三天"), "a word of the content");
        assertEquals(List.of("510199-0000002", "510199-0000004"), ids("城乡建设"), "a category");
        // case 2 holds 资停 and 停水 (物业资停业后小区停水), case 3 工资: no case holds the word
        assertEquals(List.of(), ids("工资停水"));
        assertEquals(List.of(), ids("资停水"), "bigrams of one case in two places: a candidate, confirmed not found");
        assertEquals(List.of("510199-0000002"), ids("资停业"));
        assertEquals(List.of(), ids("社保建设"));
        assertEquals(List.of("510199-0000001"), ids("拖欠 农民工"), "every word of the box");
    }

    @Test
    void aMixedChineseAndLatinWordInEitherCase() {
        seven();
        assertEquals(List.of("510199-0000004"), ids("ABC公司"));
        assertEquals(List.of("510199-0000004"), ids("abc公司"));
        assertEquals(List.of("510199-0000004"), ids("c公"));
        assertEquals(List.of("510199-0000004"), ids("deposit"));
        assertEquals(List.of("510199-0000005"), ids("road repair"), "two words, each on its own");
        assertEquals(List.of("510199-0000005"), ids("维修 ROAD"));
    }

    @Test
    void aWordOfOneCharacterIsFoundAsBefore() {
        seven();
        assertEquals(oracle("王"), ids("王"));
        assertEquals(List.of("510199-0000001", "510199-0000002", "510199-0000007"), ids("王"));
        assertEquals(List.of("510199-0000004"), ids("押"));
        assertEquals(List.of("510199-0000004", "510199-0000005"), ids("a"));
    }

    @Test
    void anAccusationIsFoundByItsIdAndTrackingCodeOnlyAndTheIndexHoldsNoneOfItsWords() throws Exception {
        seven();
        for (String word : List.of("受贿", "举报某局长受贿", "孙举报", "纪检", "工程老板", "局长")) {
            assertEquals(List.of(), ids(word), word);
        }
        assertEquals(List.of("510199-0000006"), ids("K0000006"));
        assertEquals(List.of("510199-0000006"), ids("510199-0000006"));
        indexAll(dataSource);
        assertEquals(List.of("510199-0000006"), ids("K0000006"));
        assertEquals(Set.of(), termsOf(dataSource, "510199-0000006"), "no row at all: its id and code are found"
                + " through the cases' own indexes (schema 26)");
        assertEquals(List.of("510199-0000006"), ids("k0000006"));
    }

    /**
     * A unit's code may hold capitals: a word that begins such an id, typed in either case, is found as the scan found
     * it, indexed or not, though the index has no row of ids (schema 26) and the id's characters are also the words of
     * another case.
     */
    @Test
    void theBeginningOfAnIdWithCapitalsInEitherCaseIsFoundAsTheScanFoundIt() throws Exception {
        seven();
        add(kase("AB0101-0000031", Kind.CLAIM, "路灯不亮", "村口路灯坏了", null, "冯三"));
        add(kase("510199-0000032", Kind.CLAIM, "编号ab0101的设备", "设备ab0101损坏", null, "陈四"));
        for (boolean indexed : new boolean[] {false, true}) {
            if (indexed) {
                indexAll(dataSource);
            }
            for (String word : List.of("ab0101", "AB0101", "Ab01", "ab0101-0000031", "b0101", "ab0101的")) {
                assertEquals(oracle(word), ids(word), word + (indexed ? ", indexed" : ""));
            }
        }
        assertEquals(List.of("510199-0000032", "AB0101-0000031"), ids("ab0101"));
    }

    @Test
    void everyWordFindsWhatTheScanFoundWithTotalsOrderAndPages() throws Exception {
        seven();
        assertEquals(7, pendingRows(), "none indexed yet");
        everyWordAsTheScan();
        assertEquals(7, indexAll(dataSource));
        assertEquals(0, pendingRows());
        everyWordAsTheScan();
        // some indexed, some not
        add(kase("510199-0000011", Kind.CLAIM, "工资拖欠", "包工头", null, "王小明"));
        add(kase("510199-0000012", Kind.CLAIM, "道路", "收回土地 abc", null, "李四"));
        everyWordAsTheScan();
    }

    private void everyWordAsTheScan() {
        for (String word : List.of("王小明", "小明", "工资", "拖欠工资", "停水", "城乡", "建设", "abc", "abc公司", "road",
                "pair", "押金", "zh", "土地承包", "收回土地", "王", "k0000003", "510199-00", "510199", "00", "0000007",
                "资停水", "受贿", "局长", "公", "ng w", "%", "_", "a_c", "不存在的词")) {
            assertEquals(oracle(word), ids(word), word);
            Page<PetitionSummary> page = store.find(new PetitionQuery(null, null, null, null, null, word, 1, 2)
                    .sortedBy(Sort.REGISTERED_AT, false));
            List<String> newestFirst = oracle(word).stream().sorted((a, b) -> b.compareTo(a)).toList();
            assertEquals(newestFirst.size(), page.total(), word);
            assertEquals(newestFirst.stream().skip(1).limit(2).toList(),
                    page.items().stream().map(PetitionSummary::id).toList(), word);
        }
    }

    @Test
    void aCommonWordBeyondTheCandidatesReadByIdIsFoundWholeWithItsTotal() throws Exception {
        seven();
        List<Petition> many = new ArrayList<>();
        for (int i = 0; i < JdbcPetitionStore.CANDIDATES * 5 / 4; i++) {
            // every 400th holds the common word in a petitioner's name only: the scan must find it through the names
            boolean nameOnly = i % 400 == 1;
            Petition p = kase(String.format("510199-1%06d", i), i % 10 == 0 ? Kind.ACCUSATION : Kind.CLAIM,
                    nameOnly ? "反映问题" : "反映城乡建设问题", i % 3 == 0 ? "小区停水" : "内容", nameOnly ? "其他" : "城乡建设",
                    "王某" + (i % 97), nameOnly ? "城乡建设" + i : "李某");
            many.add(p);
        }
        // names too long for the case's own row (schema 23): found through its petitioners' rows
        List<String> crowd = new ArrayList<>();
        for (int i = 0; i < 90; i++) {
            crowd.add("某".repeat(45) + i);
        }
        crowd.add("城乡建设人");
        many.add(kase("510199-1999999", Kind.CLAIM, "其他问题", "内容", "其他", crowd.toArray(String[]::new)));
        for (int i = 0; i < many.size(); i += 200) {
            BulkCases.write(dataSource, many.subList(i, Math.min(many.size(), i + 200)), "T1");
        }
        stored.addAll(many);
        // more cases pending than the search lists by id (it scans), then some indexed, then all
        aCommonWordAsTheScan();
        assertEquals(SearchIndexer.BATCH, SearchIndexer.indexSome(dataSource, SearchIndexer.BATCH));
        // a term held by more of the block's cases than a row keeps: two rows, the block's two numbers
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT block, ids FROM xf_search_posting WHERE term = '反映' ORDER BY block")) {
            List<Long> blocks = new ArrayList<>();
            List<Integer> sizes = new ArrayList<>();
            while (rs.next()) {
                blocks.add(rs.getLong(1));
                sizes.add(SearchTerms.unpack(rs.getString(2), new ArrayList<>()));
            }
            assertEquals(2, blocks.size(), "rows of 反映: " + blocks);
            assertEquals(blocks.get(0) + 1, blocks.get(1));
            assertEquals(SearchTerms.IDS_PER_ROW, sizes.get(0));
            assertTrue(sizes.get(1) > 0 && sizes.get(1) < SearchTerms.IDS_PER_ROW, "the rest: " + sizes.get(1));
        }
        aCommonWordAsTheScan();
        indexAll(dataSource);
        assertEquals(0, pendingRows());
        aCommonWordAsTheScan();
    }

    private void aCommonWordAsTheScan() {
        // a common word with a few cases found by a name only; a name part held by more petitioners than are listed
        // by id (王某, 某); a name of one case; words confirmed from few candidates
        for (String word : List.of("城乡建设", "城乡", "反映城乡", "城乡建设问题", "小区停水", "王某5", "王某50", "王某", "某",
                "城乡建设401", "停水", "反映")) {
            List<String> expected = oracle(word);
            Page<PetitionSummary> first = store.find(new PetitionQuery(null, null, null, null, null, word, 0, 20)
                    .sortedBy(Sort.ID, true));
            assertEquals(expected.size(), first.total(), word);
            assertEquals(expected.stream().limit(20).toList(), first.items().stream().map(PetitionSummary::id).toList(),
                    word);
            int tail = Math.max(0, expected.size() - 5);
            Page<PetitionSummary> last = store.find(new PetitionQuery(null, null, null, null, null, word,
                    tail, 20).sortedBy(Sort.ID, true));
            assertEquals(expected.stream().skip(tail).toList(),
                    last.items().stream().map(PetitionSummary::id).toList(), word);
        }
        assertTrue(oracle("城乡建设").size() > JdbcPetitionStore.CANDIDATES);
        assertTrue(oracle("城乡建设").contains("510199-1000401"), "found by its petitioner's name alone");
        assertTrue(oracle("城乡建设").contains("510199-1999999"), "found by a name that did not fit in its row");
        assertEquals(null, searchNames("510199-1999999"));
        assertEquals(SearchTerms.MARK + "王某4" + SearchTerms.MARK + "李某", searchNames("510199-1000004"));
        assertEquals(null, searchNames("510199-1000000"), "an accusation's accuser is sealed");
        List<String> streamed = new ArrayList<>();
        store.eachSummary(search("停水"), s -> streamed.add(s.id()));
        assertEquals(oracle("停水"), streamed, "the export of a search lists the same cases");
    }

    private String searchNames(String id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT search_names FROM xf_petition WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), id);
                return rs.getString(1);
            }
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aRefusedRegistrationLeavesNoWordsAndAGroupedOneIsFound() throws Exception {
        seven();
        Petition taken = kase("510199-0000008", Kind.CLAIM, "噪音扰民", "夜间施工", null, "周八");
        Petition clash = new Petition("510199-0000009", taken.trackingCode(), Kind.CLAIM, Channel.LETTER, "烧烤油烟",
                "油烟扰民", null, null, LocalDate.of(2026, 11, 1), 1, List.of(new Petitioner("吴九", null, null, null)),
                "T1", "T1", Status.REGISTERED, taken.registeredAt(), taken.timeline());
        add(taken);
        assertThrows(RuntimeException.class, () -> store.insert(clash, "h", "T1"));
        assertEquals(List.of("510199-0000008"), ids("扰民"));
        assertEquals(List.of(), ids("烧烤油烟"));
        Petition numbered = store.insertNumbered(kase("510199-0000000", Kind.CLAIM, "广场舞噪音", "每晚十点后", null,
                "郑十"), "reg", n -> "510199-2" + String.format("%06d", n), "h", "T1");
        assertEquals(List.of(numbered.id()), ids("广场舞"));
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM xf_search_pending WHERE petition_id = '510199-0000009'")) {
            rs.next();
            assertEquals(0, rs.getInt(1), "the refused case left nothing to index");
        }
        indexAll(dataSource);
        assertEquals(List.of(numbered.id()), ids("广场舞"));
        assertEquals(Set.of(), termsOf(dataSource, "510199-0000009"));
    }

    /** Cases left pending (a node stopped, or killed, before its indexer wrote them) are indexed by the next start. */
    @Test
    void theNextStartIndexesWhatWasLeftPendingOnItsOwn() throws Exception {
        seven();
        assertEquals(7, pendingRows());
        JdbcPetitionStore next = new JdbcPetitionStore(dataSource);
        next.open();
        try {
            assertEquals(0, pendingRowsAfterAWhile(), "the indexer's thread took the pending cases");
            // and a case registered now is indexed without being asked
            next.insert(kase("510199-0000021", Kind.CLAIM, "新登记的事项", "内容", null, "周一"), "h", "T1");
            assertEquals(0, pendingRowsAfterAWhile());
        } finally {
            next.close();
        }
        assertEquals(Set.of("510199-0000001", "510199-0000002", "510199-0000003", "510199-0000004", "510199-0000005",
                "510199-0000007", "510199-0000021"), indexedCases(dataSource), "every case but the accusation (no row)");
    }

    /** The pending rows once there are none, or after a minute (an eventual state, not a timing). */
    private int pendingRowsAfterAWhile() throws Exception {
        for (int i = 0; i < 600 && pendingRows() > 0; i++) {
            Thread.sleep(100);
        }
        return pendingRows();
    }

    /** Searches while the indexer moves cases from pending to the index, a few at a time: each finds them all. */
    @Test
    void aSearchWhileTheIndexerRunsFindsEveryCase() throws Exception {
        seven();
        List<Petition> more = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            more.add(kase(String.format("510199-3%06d", i), Kind.CLAIM, i % 2 == 0 ? "噪音扰民" : "道路维修",
                    "第" + i + "号来信，夜间施工", null, "何" + (i % 7)));
        }
        BulkCases.write(dataSource, more, "T1");
        stored.addAll(more);
        java.util.concurrent.atomic.AtomicReference<Throwable> failed = new java.util.concurrent.atomic.AtomicReference<>();
        Thread indexer = new Thread(() -> {
            try {
                while (SearchIndexer.indexSome(dataSource, 7) > 0) {
                    Thread.onSpinWait();
                }
            } catch (Throwable e) {
                failed.set(e);
            }
        });
        List<String> words = List.of("噪音扰民", "道路", "夜间施工", "何3", "王小明", "施工");
        java.util.Map<String, List<String>> expected = new java.util.HashMap<>();
        words.forEach(w -> expected.put(w, oracle(w)));
        indexer.start();
        int rounds = 0;
        while (indexer.isAlive() || rounds < 3) {
            for (String w : words) {
                Page<PetitionSummary> page = store.find(search(w));
                assertEquals(expected.get(w).size(), page.total(), w + " while indexing, round " + rounds);
                assertEquals(expected.get(w).stream().limit(50).toList(),
                        page.items().stream().map(PetitionSummary::id).toList(), w + " while indexing, round " + rounds);
            }
            rounds++;
        }
        indexer.join();
        assertEquals(null, failed.get());
        assertEquals(0, pendingRows());
    }

    /** Long letters: a transaction of the indexer takes whole cases up to about its rows, never half a case. */
    @Test
    void theIndexerTakesLongLettersAFewAtATime() throws Exception {
        int letters = SearchIndexer.ROWS / 700 + 10;
        String word = null;
        for (int i = 1; i <= letters; i++) {
            StringBuilder letter = new StringBuilder();
            for (int c = 0; c < 700; c++) {
                // 700 characters in a row, 699 bigrams (the 30th letter on wraps round to the first ones' characters)
                letter.appendCodePoint(0x4e00 + (i * 700 + c) % 20_900);
            }
            if (i == 7) {
                word = letter.substring(300, 306);
            }
            add(kase(String.format("510199-000%04d", i), Kind.CLAIM, "来信", letter.toString(), null, "写信人" + i));
        }
        int first = SearchIndexer.indexSome(dataSource, SearchIndexer.BATCH);
        assertTrue(first >= 1 && first < letters, "taken in the first transaction: " + first);
        assertEquals(letters - first, pendingRows());
        assertEquals(oracle(word), ids(word));
        indexAll(dataSource);
        assertEquals(0, pendingRows());
        assertEquals(oracle(word), ids(word));
        assertEquals(List.of("510199-0000007"), ids("写信人7"), "a name of one letter");
    }

    /**
     * Letters that share their words (the same 700 characters: a campaign's form letter) cost a row per word for the
     * whole block, not per letter, and fill a block however long they are.
     */
    @Test
    void lettersThatShareTheirWordsFillABlock() throws Exception {
        StringBuilder letter = new StringBuilder();
        for (int i = 0; i < 700; i++) {
            letter.appendCodePoint(0x4e00 + (i * 7) % 2000); // 700 characters, ~699 different bigrams
        }
        int letters = SearchIndexer.ROWS / 700 + 10;
        for (int i = 1; i <= letters; i++) {
            add(kase(String.format("510199-000%04d", i), Kind.CLAIM, "来信", letter.toString(), null, "写信人" + i));
        }
        assertEquals(letters, SearchIndexer.indexSome(dataSource, SearchIndexer.BATCH), "all in one transaction");
        assertEquals(0, pendingRows());
        String word = letter.substring(300, 306);
        assertEquals(letters, oracle(word).size());
        assertEquals(oracle(word), ids(word));
        assertEquals(List.of("510199-0000007"), ids("写信人7"), "a name of one letter");
    }

    /**
     * An index of schema 24 (a row per case and term) packed by the migration to schema 25: a term of more cases than
     * a row holds gets several, every case keeps its terms, the search finds what the scan finds, and the indexer's
     * next block comes after the migration's.
     */
    @Test
    void anIndexOfSchema24IsPackedWithEveryCaseAndTerm() throws Exception {
        DataSource old = TestDatabases.fresh(dir, "OLD24");
        assertEquals(24, Migrations.apply(old, 24));
        List<Petition> cases = new ArrayList<>();
        for (int i = 0; i < SearchTerms.IDS_PER_ROW * 2 + 30; i++) { // 1,009 claims and 21 accusations
            cases.add(kase(String.format("510199-4%06d", i), i % 50 == 7 ? Kind.ACCUSATION : Kind.CLAIM,
                    i % 2 == 0 ? "小区噪音扰民" : "道路维修", "第" + i + "号来信", null, "钱" + (i % 13)));
        }
        for (int i = 0; i < cases.size(); i += 200) {
            BulkCases.write(old, cases.subList(i, Math.min(cases.size(), i + 200)), "T1");
        }
        // what the indexer of schema 24 wrote: a row per case and term, and no case pending
        try (Connection c = old.getConnection(); Statement st = c.createStatement();
                PreparedStatement ps = c.prepareStatement("INSERT INTO xf_search_term (term, petition_id) VALUES (?, ?)")) {
            for (Petition p : cases) {
                for (String term : termsOfSchema24(p)) {
                    ps.setString(1, term);
                    ps.setString(2, p.id());
                    ps.addBatch();
                }
            }
            ps.executeBatch();
            st.executeUpdate("DELETE FROM xf_search_pending");
        }
        assertEquals(25, Migrations.apply(old, 25));
        try (Connection c = old.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT block FROM xf_search_posting WHERE term = '来信' ORDER BY block")) {
            List<Long> blocks = new ArrayList<>();
            while (rs.next()) {
                blocks.add(rs.getLong(1));
            }
            assertEquals(List.of(1L, 2L, 3L), blocks, "the accusations' words are not indexed; the rest fill three rows");
        }
        for (Petition p : List.of(cases.get(0), cases.get(7), cases.get(cases.size() - 1))) {
            assertEquals(new TreeSet<>(termsOfSchema24(p)), termsOf(old, p.id()), p.id());
        }
        assertEquals(cases.size(), indexedCases(old).size());
        // schema 26: the rows of ids and tracking codes go, every bigram row stays
        assertEquals(Migrations.SCRIPTS.size(), Migrations.apply(old));
        for (Petition p : List.of(cases.get(0), cases.get(7), cases.get(8), cases.get(cases.size() - 1))) {
            assertEquals(new TreeSet<>(SearchTerms.of(p)), termsOf(old, p.id()), p.id());
        }
        try (Connection c = old.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM xf_search_posting")) {
            rs.next();
            java.util.Map<String, Long> casesOf = cases.stream().flatMap(p -> SearchTerms.of(p).stream())
                    .collect(java.util.stream.Collectors.groupingBy(t -> t, java.util.stream.Collectors.counting()));
            long bigramRows = casesOf.values().stream().mapToLong(n -> (n + SearchTerms.IDS_PER_ROW - 1)
                    / SearchTerms.IDS_PER_ROW).sum();
            assertEquals(bigramRows, rs.getLong(1), "the bigrams' rows, " + SearchTerms.IDS_PER_ROW + " cases a row");
        }
        assertEquals(cases.size() - 21, indexedCases(old).size(), "every case but the accusations, which have no row");
        dataSource = old;
        store = new JdbcPetitionStore(old);
        store.start();
        stored.addAll(cases);
        for (String word : List.of("噪音", "来信", "道路维修", "钱7", "第1001号", "k4000007", "4000007")) {
            List<String> expected = oracle(word);
            assertEquals(expected.size(), store.find(search(word)).total(), word);
            assertEquals(expected.stream().limit(50).toList(), ids(word), word);
        }
        add(kase("510199-0000001", Kind.CLAIM, "噪音", "新来信", null, "钱7"));
        indexAll(old);
        try (Connection c = old.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT MIN(block) FROM xf_search_posting WHERE ids = '510199-0000001'")) {
            rs.next();
            assertEquals(4L, rs.getLong(1), "the indexer's block after the migration's three");
        }
        assertEquals(oracle("噪音").size(), store.find(search("噪音")).total());
        assertEquals(oracle("噪音").stream().limit(50).toList(), ids("噪音"));
    }

    /** A register of schema 21 migrated: the index and the names of its cases are what a writer of cases writes, and find them. */
    @Test
    void aRegisterOfSchema21GetsTheIndexAndTheNamesOfItsCases() throws Exception {
        DataSource old = TestDatabases.fresh(dir, "OLD21");
        assertEquals(21, Migrations.apply(old, 21));
        List<Petition> cases = List.of(
                kase("510199-0000001", Kind.CLAIM, "拖欠农民工工资", "包工头拖欠工资", "劳动社保", "王小明", "李四"),
                kase("510199-0000002", Kind.ACCUSATION, "举报受贿", "局长受贿", null, "孙举报"),
                kase("510199-0000003", Kind.CLAIM, "ABC公司押金", "押金未退", null, "Zhang"));
        try (Connection c = old.getConnection(); Statement st = c.createStatement()) {
            for (Petition p : cases) {
                st.executeUpdate("INSERT INTO xf_petition (id, tracking_code, verification_hash, kind, channel, subject,"
                        + " content, category, received_on, headcount, registered_by, owner_unit, status, registered_at,"
                        + " case_version, timeline_digest) VALUES ('" + p.id() + "', '" + p.trackingCode() + "', 'h', '"
                        + p.kind() + "', 'LETTER', '" + p.subject() + "', '" + p.content() + "', "
                        + (p.category() == null ? "NULL" : "'" + p.category() + "'") + ", DATE('2026-11-01'), 1, 'T1',"
                        + " 'T1', 'REGISTERED', " + p.registeredAt().toEpochMilli() + ", 1, 'd')");
                for (int i = 0; i < p.petitioners().size(); i++) {
                    st.executeUpdate("INSERT INTO xf_petitioner (petition_id, pos, person_name) VALUES ('" + p.id()
                            + "', " + i + ", '" + p.petitioners().get(i).name() + "')");
                }
            }
        }
        JdbcPetitionStore migrated = new JdbcPetitionStore(old);
        migrated.start();
        for (Petition p : cases) {
            assertEquals(new TreeSet<>(SearchTerms.of(p)), termsOf(old, p.id()), p.id());
        }
        dataSource = old;
        assertEquals(SearchTerms.MARK + "王小明" + SearchTerms.MARK + "李四", searchNames("510199-0000001"),
                "schema 23: the names in the case's row, in the petitioners' order");
        assertEquals(null, searchNames("510199-0000002"));
        assertEquals(SearchTerms.MARK + "Zhang", searchNames("510199-0000003"));
        PetitionQuery q = new PetitionQuery(null, null, null, null, null, "李四", 0, 20);
        assertEquals(List.of("510199-0000001"), migrated.find(q).items().stream().map(PetitionSummary::id).toList());
        assertEquals(List.of(), migrated.find(new PetitionQuery(null, null, null, null, null, "明李", 0, 20)).items(),
                "no word runs from one name into the next");
        assertEquals(0, migrated.find(new PetitionQuery(null, null, null, null, null, "受贿", 0, 20)).total());
        assertEquals(1, migrated.find(new PetitionQuery(null, null, null, null, null, "abc公司", 0, 20)).total());
    }
}
