package org.xinfang.petition;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A numbered written document (公文) a case issues to the petitioner or to a unit: 回执, 受理告知书, 不予受理告知书,
 * 交办函, 延期告知书, 信访处理意见书, 复查意见书, 复核意见书, 督办函 and the like. It is a pure function of the
 * case's typed events: the event that issues it gives its type, unit, day, signer and facts, and its
 * identity gives the number (文号), so every node renders the same document, byte for byte, from the
 * record it holds, and a reprint shows exactly what was issued. docs/documents.md has the rules.
 *
 * @param type what kind of document
 * @param event the issuing event's position in the timeline (the document's address in the case)
 * @param eventId the issuing event's identity in the network
 * @param number 文号, {@code 清河镇信处〔2026〕17号}
 * @param issuedAt when the issuing event happened
 * @param issuedOn the day of issue (China time)
 * @param issuer the issuing unit's name (发文机关)
 * @param signer who signed it off, name · title (签发人)
 * @param addressee 主送: the petitioners' names, or the unit a letter goes to
 * @param caseId the case number
 * @param trackingCode the case's public query code, or null on letters between units
 * @param body the paragraphs of the text, in order
 * @param basis the legal basis the document rests on, in Chinese
 * @param rights the petitioner's rights and next steps (or the addressed unit's duties), one per paragraph
 * @param publicCopy whether this is the copy for the public: personal numbers masked, no staff names
 */
public record OfficialDocument(DocumentType type, int event, String eventId, String number, Instant issuedAt,
        LocalDate issuedOn, String issuer, String signer, String addressee, String caseId, String trackingCode,
        List<String> body, String basis, List<String> rights, boolean publicCopy) {

    public OfficialDocument {
        body = List.copyOf(body);
        rights = List.copyOf(rights);
    }

    /** The units a document names, by their code. */
    public interface Units {
        /** The unit's Chinese name (the code itself when unknown). */
        String name(String code);

        /** The code of the unit above, or null for the root or an unknown unit. */
        String parent(String code);
    }

    /** The document's title (标题). */
    public String title() {
        return type.title();
    }

    /** Whether this event issues a document, given the case it belongs to. */
    public static boolean issues(Petition p, Event e) {
        return DocumentType.of(p, e) != null && complete(e);
    }

    private static boolean complete(Event e) {
        // an event recorded before its attributes were typed issues no numbered document
        return e.type().required().stream().allMatch(e.attrs()::has);
    }

    /** The documents of a case, in the order they were issued. */
    public static List<OfficialDocument> all(Petition p, Units units) {
        List<OfficialDocument> list = new ArrayList<>();
        for (Event e : p.timeline()) {
            if (issues(p, e)) {
                list.add(of(p, e, units));
            }
        }
        return list;
    }

    /** The public copies of the documents the petitioner is owed, in the order they were issued. */
    public static List<OfficialDocument> forPublic(Petition p, Units units) {
        return all(p, units).stream().filter(d -> d.type().toPetitioner()).map(OfficialDocument::publicVersion).toList();
    }

    /** The document the event at {@code seq} issued, if it issued one. */
    public static Optional<OfficialDocument> at(Petition p, int seq, Units units) {
        if (seq < 1 || seq > p.timeline().size()) {
            return Optional.empty();
        }
        Event e = p.timeline().get(seq - 1);
        return issues(p, e) ? Optional.of(of(p, e, units)) : Optional.empty();
    }

    /**
     * 文号: the issuing unit's name, 信, the type's character, the year of issue in 〔〕 and the issuing
     * event's position in its node's journal ({@code 510199101#17} gives 17). That position is given once, where
     * the event is recorded, travels with the event and never changes, so no node needs to ask another for
     * a number; numbers of a unit grow within a year but are not contiguous (other entries share the journal).
     */
    static String number(DocumentType type, String issuer, LocalDate issuedOn, Event e) {
        String id = e.id();
        int hash = id.lastIndexOf('#');
        String serial = hash >= 0 && id.substring(hash + 1).matches("[0-9]{1,18}") ? id.substring(hash + 1)
                : String.valueOf(e.seq());
        return issuer + "信" + type.mark() + "〔" + issuedOn.getYear() + "〕" + Long.parseLong(serial) + "号";
    }

    /** The document the event issues; call only when {@link #issues(Petition, Event)}. */
    public static OfficialDocument of(Petition p, Event e, Units units) {
        DocumentType type = DocumentType.of(p, e);
        if (type == null || !complete(e)) {
            throw new IllegalArgumentException("event " + e.seq() + " of " + p.id() + " issues no document");
        }
        Attributes a = e.attrs();
        String issuer = units.name(e.unit());
        LocalDate on = LocalDate.ofInstant(e.at(), Step.ZONE);
        String above = units.parent(e.unit()) == null ? null : units.name(units.parent(e.unit()));
        String petitioners = String.join("、", p.petitioners().stream().map(Petitioner::name).toList());
        String reported = "你" + (p.petitioners().size() > 1 ? "们" : "") + "于" + date(p.receivedAt()) + "以"
                + p.channel().label() + "形式反映的“" + p.subject() + "”事项";
        String matter = reported + "（登记编号" + p.id() + "）";
        boolean suggestion = p.kind() == Kind.SUGGESTION;
        String addressee = petitioners;
        List<String> body = new ArrayList<>();
        List<String> rights = new ArrayList<>();
        String basis;
        switch (type) {
            case RECEIPT -> {
                body.add(reported + "，本机关已于" + date(on) + "登记，登记编号"
                        + p.id() + "，查询码" + p.trackingCode() + "。");
                body.add("本机关将依照规定，自收到之日起15日内分别按程序转送、交办或者受理，属于本机关职权范围的，将书面告知是否受理。");
                basis = "《信访工作条例》第二十二条";
                rights.add("你可以凭查询码和登记时告知的查询密码，通过网上信访平台查询办理进展和结果。");
                rights.add("请妥善保管本回执。");
            }
            case ACCEPTANCE -> {
                if (suggestion) {
                    body.add(matter + "，本机关已于" + date(on) + "受理，将认真研究论证，并予以书面回复。");
                    basis = "《信访工作条例》第二十三条、第二十九条";
                } else {
                    body.add(matter + "，本机关已于" + date(on) + "依法受理。");
                    body.add("本机关将自受理之日起60日内办结，并出具书面处理意见；情况复杂的，经本机关负责人批准，可以适当延长办理期限，"
                            + "延长期限不超过30日，并告知延期理由。");
                    basis = "《信访工作条例》第二十三条、第三十四条";
                }
                rights.add("办理过程中，你可以向本机关补充说明情况、提供有关材料，并可以凭查询码" + p.trackingCode() + "查询办理进展。");
            }
            case NON_ACCEPTANCE -> {
                body.add(matter + "，经审查，本机关决定不予受理。");
                body.add("理由：" + a.get(Attr.REASON) + "。");
                basis = "《信访工作条例》第二十二条、第二十三条";
                rights.add("属于其他法定途径解决的事项，你可以依照有关法律、行政法规规定的程序向有关机关提出。");
            }
            case REDIRECTION -> {
                body.add(matter + "，" + a.get(Attr.CHANNEL).notice() + "。");
                body.add("理由：" + a.get(Attr.REASON) + "。");
                basis = "《信访工作条例》第三十一条";
                rights.add("你可以依照有关法律、行政法规规定的程序向有关机关提出。");
            }
            case DUPLICATE -> {
                body.add(matter + "，与正在办理的信访事项（登记编号" + a.get(Attr.LINK_TO) + "）相同。该事项已受理且在办理期限内，"
                        + "本机关不再重复受理，将一并办理。");
                basis = "《信访工作条例》第十九条";
                rights.add("你可以凭原事项的查询码查询办理进展。");
            }
            case ASSIGNMENT -> {
                addressee = units.name(a.get(Attr.UNIT));
                body.add("现将" + petitioners + "于" + date(p.receivedAt()) + "以" + p.channel().label() + "形式反映的“"
                        + p.subject() + "”事项（登记编号" + p.id() + "）交由你单位办理。");
                body.add("请自收到之日起15日内决定是否受理，并书面告知信访人；认为不属于你单位职权范围的，请自收到之日起5个工作日内"
                        + "提出异议，并详细说明理由。");
                basis = "《信访工作条例》第二十二条、第二十三条";
                rights.add("受理后，请自受理之日起60日内办结，出具书面处理意见，并将办理结果报送本机关。");
            }
            case EXTENSION -> {
                body.add(matter + "，因" + a.get(Attr.REASON) + "，经本机关负责人批准，办理期限延长" + a.get(Attr.DAYS) + "日。");
                basis = "《信访工作条例》第三十四条";
                rights.add("本机关将在延长的期限内办结，并出具书面处理意见。");
            }
            case DECISION, REVIEW, REREVIEW -> {
                body.add(matter + "，本机关" + (type == DocumentType.DECISION ? "已办理完毕" : type == DocumentType.REVIEW
                        ? "已复查完毕" : "已复核完毕") + "，现将" + type.title().replace("书", "") + "告知如下。");
                body.add("信访诉求：" + a.get(Attr.REQUEST));
                body.add("经查明：" + a.get(Attr.FACTS));
                body.add(type == DocumentType.DECISION ? "处理意见：" + a.get(Attr.OUTCOME).label() + "。"
                        : (type == DocumentType.REVIEW ? "复查" : "复核") + "结论：" + a.get(Attr.RESULT).label() + "。");
                body.add("依据：" + a.get(Attr.BASIS));
                switch (type) {
                    case DECISION -> {
                        basis = "《信访工作条例》第三十二条";
                        // R2022 Art. 35: 30 days from receipt, to the organ above the one that decided
                        rights.add("如不服本处理意见，你可以自收到本意见书之日起30日内，请求原办理机关的上一级机关"
                                + (above == null ? "" : "（" + above + "）") + "复查。");
                    }
                    case REVIEW -> {
                        basis = "《信访工作条例》第三十五条";
                        // R2022 Art. 36: 30 days from receipt, to the organ above the reviewing one
                        rights.add("如不服本复查意见，你可以自收到本意见书之日起30日内，向复查机关的上一级机关"
                                + (above == null ? "" : "（" + above + "）") + "请求复核。");
                    }
                    default -> {
                        basis = "《信访工作条例》第三十六条";
                        rights.add("本复核意见为最终处理意见。对复核意见不服，仍以同一事实和理由提出投诉请求的，"
                                + "信访工作机构和其他机关、单位不再受理。");
                    }
                }
            }
            case REPLY -> {
                body.add("你" + (p.petitioners().size() > 1 ? "们" : "") + "于" + date(p.receivedAt()) + "提出的“"
                        + p.subject() + "”建议意见（登记编号" + p.id() + "），经研究，" + a.get(Attr.ADOPTION).label() + "。");
                body.add(a.get(Attr.REPLY));
                basis = "《信访工作条例》第二十九条";
                rights.add("感谢你对本机关工作的关心和支持。");
            }
            case SUPERVISION -> {
                String to = a.has(Attr.SUPERVISED_UNIT) ? a.get(Attr.SUPERVISED_UNIT) : ownerBefore(p, e);
                addressee = units.name(to);
                body.add(petitioners + "反映的“" + p.subject() + "”事项（登记编号" + p.id() + "）"
                        + (a.get(Attr.LISTING) == Listing.LISTED ? "，本机关列为挂牌督办" : "") + "。");
                if (a.has(Attr.CLOCK) && a.has(Attr.DUE)) {
                    body.add("该事项的" + a.get(Attr.CLOCK).label() + "期限已于" + date(a.get(Attr.DUE)) + "届满。");
                }
                if (a.has(Attr.INSTRUCTIONS)) {
                    body.add("督办要求：" + a.get(Attr.INSTRUCTIONS));
                }
                body.add("请于" + date(a.get(Attr.ANSWER_DUE)) + "前将办理情况书面答复本机关。");
                basis = "《信访工作条例》第四十条";
                rights.add("无正当理由未按规定办理的，本机关将依照《信访工作条例》第四十条的规定提出改进工作的建议，"
                        + "并可以提出对有关责任人员进行追责问责的建议。");
            }
            default -> throw new IllegalStateException(type.name());
        }
        return new OfficialDocument(type, e.seq(), e.id(), number(type, issuer, on, e), e.at(), on, issuer,
                e.actor().display(), addressee, p.id(), type.toPetitioner() ? p.trackingCode() : null, body, basis,
                rights, false);
    }

    /** Who owned the case when {@code e} happened: the unit of its last assignment before, or who registered it. */
    private static String ownerBefore(Petition p, Event e) {
        String owner = p.registeredBy();
        for (Event x : p.timeline()) {
            if (x.seq() >= e.seq()) {
                break;
            }
            if (x.type() == EventType.ASSIGNED && x.attrs().has(Attr.UNIT)) {
                owner = x.attrs().get(Attr.UNIT);
            }
        }
        return owner;
    }

    /** 2026年11月29日: GB/T 9704-2012 writes the date of issue in Arabic numerals, in full. */
    static String date(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    /**
     * The copy for the public: every text passes {@link #mask(String)}, whatever staff typed into it; the signer
     * is not named (the public reads organs, never staff); the addressee keeps only the family names.
     */
    public OfficialDocument publicVersion() {
        if (publicCopy) {
            return this;
        }
        return new OfficialDocument(type, event, eventId, number, issuedAt, issuedOn, issuer, null,
                maskNames(addressee), caseId, trackingCode, body.stream().map(OfficialDocument::mask).toList(),
                basis, rights.stream().map(OfficialDocument::mask).toList(), true);
    }

    private String maskNames(String names) {
        if (!type.toPetitioner()) {
            return mask(names);
        }
        List<String> masked = new ArrayList<>();
        for (String n : names.split("、")) {
            masked.add(n.isEmpty() ? n : n.charAt(0) + "*".repeat(Math.max(1, n.length() - 1)));
        }
        return String.join("、", masked);
    }

    // 18-character identity numbers (and the old 15-digit ones), mobiles (with spaces or dashes) and landlines
    private static final Pattern ID = Pattern.compile("(?<![0-9A-Za-z])(?:[0-9]{17}[0-9Xx]|[0-9]{15})(?![0-9A-Za-z])");
    private static final Pattern MOBILE = Pattern.compile("(?<![0-9])(?:\\+?86[ -]?)?1[3-9][0-9][ -]?[0-9]{4}[ -]?[0-9]{4}(?![0-9])");
    private static final Pattern LANDLINE = Pattern.compile("(?<![0-9])0[0-9]{2,3}[ -]?[0-9]{7,8}(?![0-9])");

    /**
     * Masks identity numbers and phone numbers inside free text: {@code 5101**********1234}, {@code 138****5678},
     * {@code ********5678}. Addresses cannot be told from other words; documents never print the address field.
     */
    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        String s = replace(ID, text, IdNumbers::mask);
        s = replace(MOBILE, s, m -> {
            String digits = m.replaceAll("[^0-9]", "");
            digits = digits.length() > 11 ? digits.substring(digits.length() - 11) : digits;
            return IdNumbers.maskPhone(digits);
        });
        return replace(LANDLINE, s, m -> {
            String digits = m.replaceAll("[^0-9]", "");
            return "*".repeat(digits.length() - 4) + digits.substring(digits.length() - 4);
        });
    }

    private static String replace(Pattern p, String text, UnaryOperator<String> f) {
        Matcher m = p.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(f.apply(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }
}
