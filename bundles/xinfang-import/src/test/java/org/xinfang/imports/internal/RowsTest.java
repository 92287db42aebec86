package org.xinfang.imports.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinfang.node.NodeService;
import org.xinfang.petition.Channel;
import org.xinfang.petition.HistoricResult;
import org.xinfang.petition.Kind;
import org.xinfang.petition.ValidationException;

/** Reading import files: encodings, CSV quoting, headers, and every reason a row is refused for. */
class RowsTest {
    static final String HEADER = "原编号,登记日期,信访形式,信访类别,信访人,身份证号,电话,人数,问题属地,问题分类,标题,诉求内容,责任单位,办理结果,办结日期,办理情况";
    static final String GOOD = "2019-001,2019-03-04,来访,申诉求决,张三,11010519491231002X,13812345678,3,510199,劳动社保,拖欠工资,"
            + "反映工地拖欠工资三个月,清河镇,解释说明,2019-04-01,已解释政策";
    static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    @TempDir
    Path dir;
    NodeService node;

    @BeforeEach
    void start() throws Exception {
        node = TestNodes.district(dir);
    }

    private Rows.Read read(byte[] file) {
        return new Rows("2019台账", TODAY, node.units(), "510199").read(file);
    }

    private Rows.Read read(String text) {
        return read(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String fileError(Runnable call) {
        ValidationException e = assertThrows(ValidationException.class, call::run);
        assertEquals("file", e.field());
        return e.code();
    }

    @Test
    void aGoodRowBecomesADraftAndTheFactsOfItsHistory() {
        Rows.Read read = read("\uFEFF" + HEADER + "\r\n" + GOOD + "\r\n");
        assertEquals("UTF-8 (BOM)", read.encoding());
        assertEquals(1, read.rows());
        assertEquals(List.of(), read.errors());
        Rows.Good g = read.good().get(0);
        assertEquals(2, g.row(), "the header is row 1, as the spreadsheet shows it");
        assertEquals(Kind.CLAIM, g.draft().kind());
        assertEquals(Channel.WALK_IN, g.draft().channel());
        assertEquals(LocalDate.of(2019, 3, 4), g.draft().receivedAt());
        assertEquals(3, g.draft().headcount());
        assertEquals("11010519491231002X", g.draft().petitioners().get(0).idNumber());
        assertEquals("510199", g.draft().location());
        assertEquals("2019台账", g.facts().source());
        assertEquals("2019-001", g.facts().sourceNumber());
        assertEquals(HistoricResult.EXPLAINED, g.facts().result());
        assertEquals(LocalDate.of(2019, 4, 1), g.facts().closedOn());
        assertEquals("510199101", g.facts().responsibleUnit(), "the unit by its name");
        assertEquals("已解释政策", g.facts().summary());
    }

    @Test
    void gb18030AsChineseExcelSavesCsvReadsTheSame() {
        String text = HEADER + "\r\n" + GOOD + "\r\n";
        Rows.Read gb = read(text.getBytes(CsvFile.GB18030));
        assertEquals("GB18030", gb.encoding());
        Rows.Read utf8 = read(text);
        assertEquals("UTF-8", utf8.encoding());
        assertEquals(utf8.good().get(0).draft(), gb.good().get(0).draft());
        assertEquals(utf8.good().get(0).facts(), gb.good().get(0).facts());
    }

    @Test
    void englishHeadersOtherNamesAndQuotedFieldsAreRead() {
        String file = "sourceNumber,receivedAt,channel,kind,name,subject,content,outcome,closedOn,备注\n"
                + "A-1,2020/5/6,LETTER,建议,李四,\"道路, 照明\",\"第一行\n第二行，\"\"引号\"\"\",采纳,2020年6月1日,x\n"
                + "A-2,20200507,网上信访,举报,王五,标题,内容,结案,2020.6.2 0:00,y";
        Rows.Read read = read(file);
        assertEquals(List.of(), read.errors());
        assertEquals(2, read.good().size());
        Rows.Good first = read.good().get(0);
        assertEquals("道路, 照明", first.draft().subject());
        assertEquals("第一行\n第二行，\"引号\"", first.draft().content());
        assertEquals(Kind.SUGGESTION, first.draft().kind());
        assertEquals(Channel.LETTER, first.draft().channel());
        assertEquals(LocalDate.of(2020, 6, 1), first.facts().closedOn());
        assertEquals(HistoricResult.REPLIED, first.facts().result(), "a suggestion adopted was answered");
        assertEquals(HistoricResult.CONCLUDED, read.good().get(1).facts().result());
        assertEquals(Kind.ACCUSATION, read.good().get(1).draft().kind());
        assertEquals(3, read.good().get(1).row(), "a quoted line break does not count as a row");
        assertEquals(1, read.warnings().size(), "the unknown column 备注 is reported");
        assertEquals("备注", read.warnings().get(0).column());
    }

    @Test
    void theTemplateTheNodeOffersIsAFileItReads() {
        // the same header and example the template download writes
        StringBuilder header = new StringBuilder();
        for (Column c : Column.values()) {
            header.append(header.length() == 0 ? "" : ",").append(c.header());
        }
        Rows.Read read = read("\uFEFF" + header + "\r\n2019-0001,2019-03-04,来访,申诉求决,张三,,,,1,,劳动社保,拖欠工资,反映某工地拖欠工资三个月,,"
                + "解释说明,2019-04-01,已向信访人解释相关政策\r\n");
        assertEquals(List.of(), read.errors());
        assertEquals(1, read.good().size());
    }

    /** Every kind of bad row, one per line, each refused with its field and reason; the good row goes through. */
    @Test
    void everyBadRowIsRefusedWithItsReasons() {
        String[] rows = {
            GOOD,
            ",2019-03-04,来访,申诉求决,张三,,,,,,标题,内容,,解释说明,2019-04-01,",                       // 3 sourceNumber required
            "2019-001,2019-03-04,来访,申诉求决,张三,,,,,,标题,内容,,解释说明,2019-04-01,",                // 4 duplicate in file
            "2019-004,2019-13-04,来访,申诉求决,张三,,,,,,标题,内容,,解释说明,2019-04-01,",                // 5 invalid date
            "2019-005,1999-12-31,来访,申诉求决,张三,,,,,,标题,内容,,解释说明,2019-04-01,",                // 6 before 2000
            "2019-006,2027-01-01,来访,申诉求决,张三,,,,,,标题,内容,,解释说明,2019-04-01,",                // 7 in the future
            "2019-007,2019-03-04,飞鸽,申诉求决,张三,,,,,,标题,内容,,解释说明,2019-04-01,",                 // 8 channel
            "2019-008,2019-03-04,来访,其他,张三,,,,,,标题,内容,,解释说明,2019-04-01,",                     // 9 kind
            "2019-009,2019-03-04,来访,申诉求决,,,,,,,标题,内容,,解释说明,2019-04-01,",                     // 10 name
            "2019-010,2019-03-04,来访,申诉求决,张三,110105194912310021,,,,,标题,内容,,解释说明,2019-04-01,", // 11 id check digit
            "2019-011,2019-03-04,来访,申诉求决,张三,,电话没有,,,,标题,内容,,解释说明,2019-04-01,",          // 12 phone
            "2019-012,2019-03-04,来访,申诉求决,张三,,,三人,,,标题,内容,,解释说明,2019-04-01,",              // 13 headcount
            "2019-013,2019-03-04,来访,申诉求决,张三,,,,火星,,标题,内容,,解释说明,2019-04-01,",              // 14 location
            "2019-014,2019-03-04,来访,申诉求决,张三,,,,,,标题,内容,红河区信访局,解释说明,2019-04-01,",      // 15 unit not within
            "2019-015,2019-03-04,来访,申诉求决,张三,,,,,,标题,内容,不存在的局,解释说明,2019-04-01,",        // 16 unit unknown
            "2019-016,2019-03-04,来访,申诉求决,张三,,,,,," + "长".repeat(201) + ",内容,,解释说明,2019-04-01,", // 17 subject too long
            "2019-017,2019-03-04,来访,申诉求决,张三,,,,,,标题,,,解释说明,2019-04-01,",                     // 18 content
            "2019-018,2019-03-04,来访,申诉求决,张三,,,,,,标题,内容,,,,",                                   // 19 unfinished
            "2019-019,2019-03-04,来访,申诉求决,张三,,,,,,标题,内容,,差不多,2019-04-01,",                    // 20 result
            "2019-020,2019-03-04,来访,申诉求决,张三,,,,,,标题,内容,,解释说明,2019-03-01,",                  // 21 closed before received
            "2019-021,2019-03-04,来访,申诉求决,张三,,,,,,标题,内容,,解释说明,,",                            // 22 closedOn required
            "2019-022,不是日期,网站,,,,,,,,,,,,,",                                                          // 23 many at once
        };
        Rows.Read read = read(HEADER + "\n" + String.join("\n", rows) + "\n\n");
        assertEquals(rows.length, read.rows(), "a blank line at the end is no row");
        assertEquals(1, read.good().size());
        assertEquals(rows.length - 1, read.invalid());
        Map<Integer, List<String>> byRow = read.errors().stream().collect(Collectors.groupingBy(Rows.RowError::row,
                Collectors.mapping(e -> e.field() + ":" + e.reason(), Collectors.toList())));
        assertEquals(List.of("sourceNumber:required"), byRow.get(3));
        assertEquals(List.of("sourceNumber:duplicate_in_file"), byRow.get(4));
        assertEquals(List.of("receivedAt:invalid_date"), byRow.get(5));
        assertEquals(List.of("receivedAt:out_of_range"), byRow.get(6));
        assertEquals(List.of("receivedAt:in_future"), byRow.get(7));
        assertEquals(List.of("channel:invalid_value"), byRow.get(8));
        assertEquals(List.of("kind:invalid_value"), byRow.get(9));
        assertEquals(List.of("name:required"), byRow.get(10));
        assertEquals(List.of("idNumber:check_digit"), byRow.get(11));
        assertEquals(List.of("phone:format"), byRow.get(12));
        assertEquals(List.of("headcount:invalid_value"), byRow.get(13));
        assertEquals(List.of("location:unknown_location"), byRow.get(14));
        assertEquals(List.of("unit:not_within"), byRow.get(15));
        assertEquals(List.of("unit:unknown_unit"), byRow.get(16));
        assertEquals(List.of("subject:too_long"), byRow.get(17));
        assertEquals(List.of("content:required"), byRow.get(18));
        assertEquals(List.of("outcome:unfinished"), byRow.get(19));
        assertEquals(List.of("outcome:invalid_value"), byRow.get(20));
        assertEquals(List.of("closedOn:before_received"), byRow.get(21));
        assertEquals(List.of("closedOn:required"), byRow.get(22));
        assertEquals(List.of("receivedAt:invalid_date", "channel:invalid_value", "kind:required", "name:required",
                "subject:required", "content:required", "outcome:unfinished"), byRow.get(23));
        Rows.RowError e = read.errors().stream().filter(x -> x.row() == 11).findFirst().orElseThrow();
        assertEquals("身份证号", e.column(), "the column as the file names it");
        assertEquals("2019-010", e.sourceNumber());
        assertTrue(e.message().startsWith("身份证号"), "Chinese first: " + e.message());
        assertNull(read.errors().stream().filter(x -> x.row() == 3).findFirst().orElseThrow().sourceNumber());
    }

    @Test
    void aFileThatCannotBeReadAsAWholeIsRefusedWithItsReason() {
        assertEquals("empty_file", fileError(() -> read(new byte[0])));
        assertEquals("empty_file", fileError(() -> read("\r\n\r\n")));
        assertEquals("no_rows", fileError(() -> read(HEADER + "\r\n")));
        assertEquals("unterminated_quote", fileError(() -> read(HEADER + "\r\n" + GOOD + "\r\n2019-002,\"2019-03-04,来访")));
        assertEquals("malformed_quote", fileError(() -> read(HEADER + "\r\n2019-002,\"2019\"-03-04,来访\r\n")));
        assertEquals("missing_column", fileError(() -> read("原编号,登记日期\r\n1,2019-01-01\r\n")));
        assertEquals("duplicate_column", fileError(() -> read(HEADER + ",编号\r\n" + GOOD + ",x\r\n")));
        assertEquals("unsupported_encoding", fileError(() -> read((HEADER + "\r\n" + GOOD).getBytes(StandardCharsets.UTF_16))));
        byte[] bomThenLatin1 = new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', (byte) 0xE9, 'b'};
        assertEquals("invalid_encoding", fileError(() -> read(bomThenLatin1)));
        byte[] neither = new byte[] {'a', ',', (byte) 0xFF, (byte) 0xFF, (byte) 0x80};
        assertEquals("invalid_encoding", fileError(() -> read(neither)));
    }

    @Test
    void tabSeparatedTextIsReadToo() {
        Rows.Read read = read((HEADER + "\n" + GOOD).replace(',', '\t'));
        assertEquals(1, read.good().size());
    }
}
