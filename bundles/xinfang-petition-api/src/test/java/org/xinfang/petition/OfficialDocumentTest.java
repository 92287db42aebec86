package org.xinfang.petition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OfficialDocumentTest {
    private static final Map<String, String> NAMES = Map.of("D", "青羊区信访局", "T", "清河镇");
    private static final OfficialDocument.Units UNITS = new OfficialDocument.Units() {
        @Override
        public String name(String code) {
            return NAMES.getOrDefault(code, code);
        }

        @Override
        public String parent(String code) {
            return "T".equals(code) ? "D" : null;
        }
    };
    private static final Person CLERK = new Person("clerk", "李敏", "清河镇信访办科员");
    private static final Person HEAD = new Person("head", "王芳", "清河镇信访办主任");
    // 2026-11-29 01:00 UTC is 09:00 in China: the day of issue is the 29th
    private static final Instant AT = Instant.parse("2026-11-29T01:00:00Z");
    private static final String ID_NUMBER = "510102198001011233";

    private static Event event(int seq, String id, EventType type, Person who, String unit, Attributes attrs) {
        return new Event(seq, id, AT, type, who, unit, unit, attrs, null);
    }

    private static Petition decided(Channel channel) {
        List<Event> t = new ArrayList<>();
        t.add(event(1, "T#7", EventType.REGISTERED, CLERK, "T", Attributes.NONE));
        t.add(event(2, "T#8", EventType.ACCEPTED, CLERK, "T", Attributes.NONE));
        t.add(event(3, "T#12", EventType.DELIVERED, CLERK, "T", Attributes.builder().put(Attr.DOCUMENT, EventType.ACCEPTED)
                .put(Attr.DELIVERED_ON, LocalDate.of(2026, 11, 29)).put(Attr.WAY, DeliveryWay.values()[0]).build()));
        t.add(event(4, "T#31", EventType.DECIDED, HEAD, "T", Attributes.builder()
                .put(Attr.REQUEST, "要求修复村道")
                .put(Attr.FACTS, "经核实，信访人（身份证号" + ID_NUMBER + "，电话13812345678，座机028-87654321）反映属实")
                .put(Attr.OUTCOME, Outcome.SUPPORT).put(Attr.BASIS, "《公路法》第二十一条").build()));
        return new Petition("T-2026-000003", "Q7K2M9", Kind.CLAIM, channel, "村道损毁", "内容", null, null,
                LocalDate.of(2026, 11, 27), 1, List.of(new Petitioner("张三丰", ID_NUMBER, "13812345678", "清河镇一组")),
                "T", "T", Status.DECIDED, AT, t);
    }

    @Test
    void aDecisionIsNumberedByItsIssuingUnitYearAndJournalPosition() {
        OfficialDocument d = OfficialDocument.at(decided(Channel.ONLINE), 4, UNITS).orElseThrow();
        assertEquals(DocumentType.DECISION, d.type());
        assertEquals("清河镇信处〔2026〕31号", d.number());
        assertEquals("王芳 · 清河镇信访办主任", d.signer());
        assertEquals("张三丰", d.addressee());
        assertEquals(LocalDate.of(2026, 11, 29), d.issuedOn());
        assertEquals("《信访工作条例》第三十二条", d.basis());
        assertEquals(List.of("如不服本处理意见，你可以自收到本意见书之日起30日内，请求原办理机关的上一级机关（青羊区信访局）复查。"),
                d.rights());
    }

    @Test
    void onlyEventsThatIssueADocumentAreListedAndAnOnlineCaseGetsNoReceipt() {
        assertEquals(List.of(DocumentType.ACCEPTANCE, DocumentType.DECISION),
                OfficialDocument.all(decided(Channel.ONLINE), UNITS).stream().map(OfficialDocument::type).toList());
        assertEquals(List.of(DocumentType.RECEIPT, DocumentType.ACCEPTANCE, DocumentType.DECISION),
                OfficialDocument.all(decided(Channel.WALK_IN), UNITS).stream().map(OfficialDocument::type).toList());
        assertTrue(OfficialDocument.at(decided(Channel.ONLINE), 3, UNITS).isEmpty(), "a delivery issues nothing");
        assertTrue(OfficialDocument.at(decided(Channel.ONLINE), 9, UNITS).isEmpty());
        assertEquals("清河镇信登〔2026〕7号", OfficialDocument.at(decided(Channel.LETTER), 1, UNITS).orElseThrow().number());
    }

    @Test
    void theStaffCopyShowsWhatWasTypedAndThePublicCopyMasksNumbersAndNames() {
        Petition p = decided(Channel.ONLINE);
        String staff = DocumentPage.html(OfficialDocument.at(p, 4, UNITS).orElseThrow(), "/s.css");
        assertTrue(staff.contains(ID_NUMBER));
        assertTrue(staff.contains("签发人：王芳 · 清河镇信访办主任"));
        assertTrue(staff.contains("存档联"));

        String pub = DocumentPage.html(OfficialDocument.forPublic(p, UNITS).get(1), "/s.css");
        assertFalse(pub.contains(ID_NUMBER), pub);
        assertFalse(pub.contains("13812345678"), pub);
        assertFalse(pub.contains("87654321"), pub);
        assertTrue(pub.contains("身份证号5101**********1233，电话138****5678，座机*******4321"), pub);
        assertFalse(pub.contains("王芳"), "the public reads organs, never staff");
        assertTrue(pub.contains("<p class=\"gw-addressee\">张**：</p>"), pub);
        assertTrue(pub.contains("清河镇信处〔2026〕31号"));
        assertTrue(pub.contains("30日内，请求原办理机关的上一级机关（青羊区信访局）复查"));
        assertFalse(pub.contains("清河镇一组"), "the address is never printed");
        assertFalse(staff.contains("清河镇一组"), "the address is never printed");
    }

    @Test
    void theSameRecordGivesTheSameBytes() {
        assertEquals(DocumentPage.html(OfficialDocument.at(decided(Channel.LETTER), 4, UNITS).orElseThrow(), "/s.css"),
                DocumentPage.html(OfficialDocument.at(decided(Channel.LETTER), 4, UNITS).orElseThrow(), "/s.css"));
    }

    @Test
    void theDocumentsReadAsChineseWithLatinOnlyInCodes() {
        Petition p = decided(Channel.WALK_IN);
        for (OfficialDocument d : OfficialDocument.all(p, UNITS)) {
            for (OfficialDocument copy : List.of(d, d.publicVersion())) {
                String text = DocumentPage.html(copy, "/s.css").replaceAll("<[^>]*>", "")
                        .replace(p.id(), "").replace(p.trackingCode(), "").replace(ID_NUMBER, "")
                        .replace("5101**********1233", "");
                assertFalse(text.matches("(?s).*[A-Za-z].*"), d.type() + ": " + text);
            }
        }
    }

    @Test
    void masksIdentityNumbersAndPhonesInsideText() {
        assertEquals("号码1101**********0011，", OfficialDocument.mask("号码110101199003070011，"));
        assertEquals("旧证1101*******7001", OfficialDocument.mask("旧证110101900307001"));
        assertEquals("手机138****5678或138****5678", OfficialDocument.mask("手机138 1234 5678或+86-13812345678"));
        assertEquals("座机*******4321", OfficialDocument.mask("座机0288-7654321"));
        assertEquals("编号T-2026-000003不变，2026年", OfficialDocument.mask("编号T-2026-000003不变，2026年"));
        assertNull(OfficialDocument.mask(null));
    }

    @Test
    void aSupervisionLetterGoesToTheUnitThatHeldTheCase() {
        Petition base = decided(Channel.ONLINE);
        List<Event> t = new ArrayList<>(base.timeline());
        t.add(event(5, "D#40", EventType.SUPERVISED, Person.SYSTEM, "D", Attributes.builder()
                .put(Attr.ANSWER_DUE, LocalDate.of(2026, 12, 29)).build()));
        Petition p = new Petition(base.id(), base.trackingCode(), base.kind(), base.channel(), base.subject(),
                base.content(), null, null, base.receivedAt(), 1, base.petitioners(), "T", "T", Status.DECIDED, AT, t);
        OfficialDocument d = OfficialDocument.at(p, 5, UNITS).orElseThrow();
        assertEquals("青羊区信访局信督〔2026〕40号", d.number());
        assertEquals("清河镇", d.addressee());
        assertTrue(d.body().contains("请于2026年12月29日前将办理情况书面答复本机关。"));
        assertFalse(OfficialDocument.forPublic(p, UNITS).stream().anyMatch(x -> x.type() == DocumentType.SUPERVISION));
    }
}
