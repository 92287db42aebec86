package org.xinfang.store.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinfang.petition.Channel;
import org.xinfang.petition.Kind;
import org.xinfang.petition.Petition;
import org.xinfang.petition.PetitionQuery;
import org.xinfang.petition.PetitionQuery.Sort;
import org.xinfang.petition.PetitionSummary;
import org.xinfang.petition.Petitioner;
import org.xinfang.petition.Status;
import org.xinfang.petition.ValidationException;

/** The inbox's search box, filters, order and paging on real Derby. */
class PetitionSearchTest {
    @TempDir
    Path dir;
    JdbcPetitionStore store;

    @BeforeEach
    void start() throws Exception {
        store = new JdbcPetitionStore(TestDatabases.fresh(dir));
        store.start();
        // seven cases: subjects, days received and units repeat, so that only the id tells some apart
        add("510199-2026-000001", "TRK0001", "土地承包纠纷", "王小明", "11010519491231002X", Channel.WALK_IN, "劳动社保",
                1, "T1");
        add("510199-2026-000002", "TRK0002", "道路维修 Road REPAIR", "李四", null, Channel.LETTER, "城乡建设", 1, "T2");
        add("510199-2026-000003", "TRK0003", "拖欠工资 100%", "张三", "440524188001010014", Channel.LETTER, "劳动社保", 2,
                "T1");
        add("510199-2026-000004", "TRK0004", "拖欠工资 1000", "赵六", null, Channel.PHONE, "labour", 2, "T2");
        add("510199-2026-000005", "TRK0005", "a_b 土地", "钱七", null, Channel.ONLINE, null, 1, "T1");
        add("510199-2026-000006", "TRK0006", "axb 土地", "孙八", null, Channel.WALK_IN, "劳动社保", 3, "T2");
        add("510199-2026-000010", "TRK0010", "土地承包纠纷", "周九", null, Channel.WALK_IN, "劳动社保", 3, "T1");
    }

    private void add(String id, String tracking, String subject, String name, String idNumber, Channel channel,
            String category, int day, String unit) {
        Instant at = Instant.parse("2026-11-01T02:00:00Z").plusSeconds(60L * day);
        List<Petitioner> people = List.of(new Petitioner("刘一", null, null, null),
                new Petitioner(name, idNumber, null, null));
        store.insert(new Petition(id, tracking, Kind.CLAIM, channel, subject, "详细内容", category, "510199",
                LocalDate.of(2026, 11, day), 1, people, unit, unit, Status.REGISTERED, at,
                List.of(Cases.registered(unit, at))), "h", "N1");
    }

    private List<String> ids(PetitionQuery q) {
        return store.find(q).items().stream().map(PetitionSummary::id).toList();
    }

    private static PetitionQuery search(String text) {
        return new PetitionQuery(null, null, null, null, null, text, 0, 50).sortedBy(Sort.ID, true);
    }

    @Test
    void findsACaseByItsIdWholeOrItsBeginning() {
        assertEquals(List.of("510199-2026-000001"), ids(search("510199-2026-000001")));
        assertEquals(List.of("510199-2026-000001", "510199-2026-000002", "510199-2026-000003", "510199-2026-000004",
                "510199-2026-000005", "510199-2026-000006"), ids(search("510199-2026-00000")));
        assertEquals(List.of(), ids(search("2026-000001")), "the middle of an id is no case number");
    }

    @Test
    void findsACaseByItsTrackingCodeWholeInEitherCase() {
        assertEquals(List.of("510199-2026-000003"), ids(search("TRK0003")));
        assertEquals(List.of("510199-2026-000003"), ids(search("trk0003")));
        assertEquals(List.of(), ids(search("TRK000")), "part of a tracking code finds nothing");
    }

    @Test
    void findsACaseByAnyPetitionersNameWholeOrPart() {
        assertEquals(List.of("510199-2026-000001"), ids(search("王小明")));
        assertEquals(List.of("510199-2026-000001"), ids(search("小明")));
        assertEquals(7, ids(search("刘一")).size(), "the first petitioner of every case");
    }

    @Test
    void findsByIdNumberOnlyForThoseWhoMaySeePersonalData() {
        assertEquals(List.of("510199-2026-000003"), ids(search("440524188001010014").withPersonalData(true)));
        assertEquals(List.of("510199-2026-000001"), ids(search("11010519491231002x").withPersonalData(true)));
        assertEquals(List.of(), ids(search("440524188001010014")));
        assertEquals(List.of(), ids(search("4405241880").withPersonalData(true)), "a whole number only");
    }

    @Test
    void takesWildcardsLiterallyAndLatinInEitherCase() {
        assertEquals(List.of("510199-2026-000003"), ids(search("100%")));
        assertEquals(List.of("510199-2026-000005"), ids(search("a_b")));
        assertEquals(List.of("510199-2026-000002"), ids(search("road repair")));
        assertEquals(List.of("510199-2026-000004"), ids(search("LABOUR")), "the category is searched too");
    }

    @Test
    void aWordWithoutCaseIsFoundAsItStandsAndAWordWithLettersInEitherCase() {
        // a Chinese word, digits and punctuation are compared with the columns as they are; a word with a letter
        // that has a case, with the columns lower-cased
        add("510199-2026-000011", "TRK0011", "道路REPAIR城乡 2026", "王Wang", null, Channel.LETTER, "其他", 4, "T1");
        assertEquals(List.of("510199-2026-000002", "510199-2026-000011"), ids(search("城乡")),
                "in a category, and in a subject beside capitals");
        assertEquals(List.of("510199-2026-000011"), ids(search("repair城乡")));
        assertEquals(List.of("510199-2026-000011"), ids(search("REPAIR城乡")));
        assertEquals(List.of("510199-2026-000011"), ids(search("2026")));
        assertEquals(List.of("510199-2026-000001", "510199-2026-000011"), ids(search("王")));
        assertEquals(List.of("510199-2026-000011"), ids(search("王WANG")));
        assertTrue(JdbcPetitionStore.caseless("城乡建设2026年100%_-（）"));
        // a letter with a case, or one that lower-casing makes (ß of ẞ, the dot of İ): never compared as it stands
        for (String cased : List.of("a", "Road", "ß", "Σ", "ǅ", "\u0307", "城乡a")) {
            assertFalse(JdbcPetitionStore.caseless(cased), cased);
        }
    }

    @Test
    void everyWordMustFindTheCase() {
        assertEquals(List.of("510199-2026-000001"), ids(search("王小明 土地")));
        assertEquals(List.of("510199-2026-000001", "510199-2026-000005", "510199-2026-000006", "510199-2026-000010"),
                ids(search("土地")));
        assertEquals(List.of(), ids(search("王小明 工资")));
    }

    @Test
    void filtersByChannelCategoryAndGivenCases() {
        PetitionQuery all = search(null);
        assertEquals(List.of("510199-2026-000002", "510199-2026-000003"), ids(all.withChannel(Channel.LETTER)));
        assertEquals(List.of("510199-2026-000003", "510199-2026-000004"),
                ids(all.withCategories(Set.of("劳动社保", "LABOUR")).withChannel(Channel.LETTER)
                        .withChannel(null).withIds(Set.of("510199-2026-000003", "510199-2026-000004"))));
        assertEquals(List.of("510199-2026-000004"), ids(all.withCategories(Set.of("Labour"))));
        assertEquals(List.of(), ids(all.withIds(Set.of())));
        assertEquals(0, store.find(all.withCategories(Set.of())).total());
    }

    @Test
    void pagesNeverRepeatOrSkipACaseWhateverTheOrder() {
        Set<String> every = new HashSet<>(ids(search(null)));
        for (Sort sort : Sort.values()) {
            for (boolean ascending : new boolean[] {true, false}) {
                PetitionQuery q = search(null).sortedBy(sort, ascending);
                List<String> paged = new ArrayList<>();
                for (int offset = 0; offset < 7; offset += 2) {
                    paged.addAll(ids(q.page(offset, 2)));
                }
                assertEquals(7, paged.size(), sort + " " + ascending);
                assertEquals(every, new HashSet<>(paged), sort + " " + ascending);
                assertEquals(ids(q.page(0, 50)), paged, "pages follow the whole list: " + sort + " " + ascending);
            }
        }
    }

    @Test
    void ordersByTheColumnThenTheId() {
        assertEquals(List.of("10", "06", "04", "03", "05", "02", "01"),
                shortIds(search(null).sortedBy(Sort.RECEIVED_AT, false)));
        assertEquals(List.of("01", "02", "05", "03", "04", "06", "10"),
                shortIds(search(null).sortedBy(Sort.RECEIVED_AT, true)));
        assertEquals(List.of("06", "04", "02", "10", "05", "03", "01"), shortIds(search(null).sortedBy(Sort.OWNER,
                false)));
        assertEquals(List.of("10", "06", "04", "03", "05", "02", "01"),
                shortIds(new PetitionQuery(null, null, null, null, null, null, 0, 50)), "newest registration first");
        // the same subject twice: the smaller id first when ascending, the larger first when descending
        assertEquals(List.of("01", "10"), shortIds(search("承包").sortedBy(Sort.SUBJECT, true)));
        assertEquals(List.of("10", "01"), shortIds(search("承包").sortedBy(Sort.SUBJECT, false)));
    }

    private List<String> shortIds(PetitionQuery q) {
        return ids(q).stream().map(id -> id.substring(id.length() - 2)).toList();
    }

    @Test
    void namesTheFieldOfAnUnknownOrder() {
        assertEquals("sort", assertThrows(ValidationException.class, () -> Sort.of("colour")).field());
        assertEquals("order", assertThrows(ValidationException.class, () -> PetitionQuery.ascending("up")).field());
        assertEquals(Sort.REGISTERED_AT, Sort.of(null));
        assertEquals(Sort.RECEIVED_AT, Sort.of("receivedAt"));
    }
}
