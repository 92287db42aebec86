package org.xinfang.petition;

import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The written documents and notices of a case (受理告知书, 信访处理意见书, 督办通知 …), in Chinese, made
 * from the typed attributes of the events that issue them. The petitioner's versions name organs, never
 * staff, and never another person's data.
 */
public final class Documents {
    private static final Map<EventType, String> TITLES = Map.ofEntries(
            Map.entry(EventType.LINKED, "重复信访告知书"),
            Map.entry(EventType.ACCEPTED, "受理告知书"),
            Map.entry(EventType.NOT_ACCEPTED, "不予受理告知书"),
            Map.entry(EventType.REDIRECTED, "告知书（其他法定途径）"),
            Map.entry(EventType.EXTENDED, "延期告知书"),
            Map.entry(EventType.DECIDED, "信访处理意见书"),
            Map.entry(EventType.REPLIED, "建议意见回复"),
            Map.entry(EventType.REVIEWED, "复查意见书"),
            Map.entry(EventType.REREVIEWED, "复核意见书"),
            Map.entry(EventType.MEDIATED, "调解协议"),
            Map.entry(EventType.SUPERVISED, "督办通知"),
            Map.entry(EventType.SUPERVISION_RETURNED, "督办答复退回意见"),
            Map.entry(EventType.HEARING_RECORDED, "听证记录"),
            Map.entry(EventType.RESPONSE_MEETING, "会议纪要"),
            Map.entry(EventType.SUPERVISION_ANSWERED, "督办答复"));

    /** The documents the petitioner is owed (R2022 Art. 19, 22, 23, 32-36). */
    private static final java.util.Set<EventType> TO_PETITIONER = java.util.EnumSet.of(EventType.LINKED,
            EventType.ACCEPTED, EventType.NOT_ACCEPTED, EventType.REDIRECTED, EventType.EXTENDED, EventType.DECIDED,
            EventType.REVIEWED, EventType.REREVIEWED, EventType.MEDIATED, EventType.REPLIED);

    private Documents() {
    }

    /** The title of the document this event issues, or null when it issues none. */
    public static String title(EventType type) {
        return TITLES.get(type);
    }

    /** Whether the petitioner is owed the document this event issues. */
    public static boolean owedToPetitioner(EventType type) {
        return TO_PETITIONER.contains(type);
    }

    /**
     * The document's text as the petitioner receives it: Chinese only, organs by name, no staff names.
     * Null when the event issues no document owed to the petitioner.
     *
     * @param unitName the name of a unit by its code
     */
    public static String forPetitioner(Event e, UnaryOperator<String> unitName) {
        return forPetitioner(e, Kind.CLAIM, unitName);
    }

    /** The document's text as the petitioner receives it, worded for the case's kind of matter. */
    public static String forPetitioner(Event e, Kind kind, UnaryOperator<String> unitName) {
        // whatever staff typed into the facts, the petitioner's version shows no ID number or phone
        return owedToPetitioner(e.type()) ? OfficialDocument.mask(body(e, kind, unitName)) : null;
    }

    /**
     * The document's text for staff, for every document an event issues (supervision notices and answers
     * too). Who signed it off is the event's person, shown beside the text. Null when none.
     */
    public static String forStaff(Event e, UnaryOperator<String> unitName) {
        return body(e, Kind.CLAIM, unitName);
    }

    /** The document's text for staff, worded for the case's kind of matter. */
    public static String forStaff(Event e, Kind kind, UnaryOperator<String> unitName) {
        return body(e, kind, unitName);
    }

    private static String body(Event e, Kind kind, UnaryOperator<String> unitName) {
        if (!TITLES.containsKey(e.type())) {
            return null;
        }
        Attributes a = e.attrs();
        boolean complete = e.type().required().stream().allMatch(a::has);
        if (!complete) {
            // an event recorded before attributes were typed: its text is what it said then
            return e.note();
        }
        String unit = unitName.apply(e.unit());
        String remark = e.note() == null ? "" : "\n说明：" + e.note();
        return switch (e.type()) {
            case ACCEPTED -> kind == Kind.SUGGESTION
                    ? "你提出的建议意见已由" + unit + "受理，将认真研究论证，并予以回复（《信访工作条例》第二十三条、第二十九条）。" + remark
                    : "你反映的信访事项已由" + unit + "受理，将依法办理，并自受理之日起60日内书面答复（《信访工作条例》第二十三条、"
                    + "第三十四条）。" + remark;
            case NOT_ACCEPTED -> "经审查，你反映的信访事项不予受理。理由：" + a.get(Attr.REASON) + "（《信访工作条例》第二十二条）";
            case REDIRECTED -> "你反映的事项" + a.get(Attr.CHANNEL).notice() + "。理由：" + a.get(Attr.REASON);
            case LINKED -> "你反映的事项与正在办理的信访事项（编号" + a.get(Attr.LINK_TO) + "）相同，该事项已受理且在办理期限内，"
                    + "不再重复受理，将一并办理（《信访工作条例》第十九条）。";
            case EXTENDED -> "因" + a.get(Attr.REASON) + "，你反映的信访事项的办理期限经" + unit + "负责人批准延长"
                    + a.get(Attr.DAYS) + "日（《信访工作条例》第三十四条）。";
            case DECIDED -> "信访诉求：" + a.get(Attr.REQUEST) + "\n查明事实：" + a.get(Attr.FACTS)
                    + "\n处理意见：" + a.get(Attr.OUTCOME).label() + "\n依据：" + a.get(Attr.BASIS) + "\n" + unit
                    + "\n如不服本处理意见，可以自收到本意见书之日起30日内请求原办理机关的上一级机关复查（《信访工作条例》第三十五条）。";
            case REVIEWED, REREVIEWED -> "信访诉求：" + a.get(Attr.REQUEST) + "\n查明事实：" + a.get(Attr.FACTS)
                    + "\n" + (e.type() == EventType.REVIEWED ? "复查" : "复核") + "结论：" + a.get(Attr.RESULT).label()
                    + "\n依据：" + a.get(Attr.BASIS) + "\n" + unit + (e.type() == EventType.REVIEWED
                    ? "\n如不服本复查意见，可以自收到本意见书之日起30日内向复查机关的上一级机关请求复核（《信访工作条例》第三十六条）。"
                    : "");
            case REPLIED -> "你提出的建议意见，经研究，" + a.get(Attr.ADOPTION).label() + "。\n" + a.get(Attr.REPLY) + "\n" + unit
                    + "（《信访工作条例》第二十九条）";
            case MEDIATED -> "经调解，双方达成如下协议：" + a.get(Attr.AGREEMENT);
            case SUPERVISED -> {
                Step clock = a.get(Attr.CLOCK);
                String to = a.has(Attr.SUPERVISED_UNIT) ? unitName.apply(a.get(Attr.SUPERVISED_UNIT)) + "：" : "";
                String why = clock == null ? "" : clock.label() + "期限已于" + a.get(Attr.DUE) + "届满（" + clock.article() + "），";
                yield to + (a.get(Attr.LISTING) == Listing.LISTED ? "本件列为挂牌督办。" : "") + why + "请于" + a.get(Attr.ANSWER_DUE)
                        + "前书面答复办理情况。" + (a.has(Attr.INSTRUCTIONS) ? "督办要求：" + a.get(Attr.INSTRUCTIONS) : "");
            }
            case RESPONSE_MEETING -> "会议日期：" + a.get(Attr.MEETING_ON) + "\n参会：" + a.get(Attr.ATTENDANCE) + "\n议定事项："
                    + a.get(Attr.DECISIONS) + "\n" + unit;
            case SUPERVISION_RETURNED -> "督办答复未予认可：" + a.get(Attr.REASON) + "。请于" + a.get(Attr.ANSWER_DUE) + "前重新书面答复。";
            case HEARING_RECORDED -> "到场情况：" + a.get(Attr.ATTENDANCE) + "\n听证记录：" + a.get(Attr.RECORD) + "\n评议意见："
                    + a.get(Attr.OPINION) + "\n" + unit;
            case SUPERVISION_ANSWERED -> a.get(Attr.ANSWER);
            default -> null;
        };
    }
}
