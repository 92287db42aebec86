package org.xinfang.petition;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What can happen to a case, each with the state it leads to and the typed attributes it carries
 * (required ones first). This is the vocabulary of the case record: every node stores, sends and
 * checks the same types; who may author each one at which stage is {@link org.xinfang.rules.Authority}.
 */
public enum EventType {
    /**
     * 登记 (R2022 Art. 22): the registering clerk is the first-contact owner (首问责任制). A walk-in received
     * during a leader reception session names the session and the receiving leader (R2022 Art. 18); a matter found
     * by the monthly screening names the item of the screening report it came from. A case imported from the
     * office's old register names the import and its number there (历史数据导入). A 检举控告 names the unit (and
     * the person) it accuses, whose staff never read it (R2022 Art. 30, 46(5)).
     */
    REGISTERED("登记", Status.REGISTERED, List.of(), List.of(Attr.RECEPTION_DAY, Attr.RECEPTION_LEADER,
            Attr.SCREENING_ITEM, Attr.IMPORTED_FROM, Attr.SOURCE_NUMBER, Attr.ACCUSED_UNIT, Attr.ACCUSED_PERSON)),
    /** 交办/转送 to a unit below (R2022 Art. 22): that unit becomes the owner. */
    ASSIGNED("交办", Status.TRIAGED, List.of(Attr.UNIT), List.of()),
    /** 导入其他渠道 (R2022 Art. 22, 29-31). */
    REDIRECTED("导入其他渠道", Status.REDIRECTED, List.of(Attr.CHANNEL, Attr.REASON), List.of()),
    /** 不予受理, with the reason (R2022 Art. 22). */
    NOT_ACCEPTED("不予受理", Status.NOT_ACCEPTED, List.of(Attr.REASON), List.of()),
    /** 重复信访并案: joined to the same matter being handled, not accepted again (R2022 Art. 19). */
    LINKED("重复信访并案", Status.NOT_ACCEPTED, List.of(Attr.LINK_TO), List.of()),
    /**
     * 签收: the unit a case was assigned to has received it; its 15 days to decide on acceptance and its 5
     * working days to object run from here (R2022 Art. 23: 自收到之日起). Recorded by the assignee's node
     * when the assignment arrives.
     */
    RECEIVED("签收", null, List.of(), List.of()),
    /**
     * 受理 with the written acceptance notice (R2022 Art. 23): of an assigned case, or by a competent unit
     * of what it received itself.
     */
    ACCEPTED("受理", Status.ACCEPTED, List.of(), List.of()),
    /**
     * 异议: not competent; the case waits with the unit that assigned it, which agrees by re-routing it or
     * declines the objection (R2022 Art. 23(3)).
     */
    OBJECTED("提出异议", Status.OBJECTED, List.of(Attr.REASON), List.of()),
    /** 不同意异议: the assigning office declines the objection; the case goes back to the unit that objected. */
    OBJECTION_DECLINED("不同意异议", Status.TRIAGED, List.of(Attr.REASON), List.of()),
    /** 延期: once, 1 to 30 days, approved by the unit head, the petitioner told why (R2022 Art. 34). */
    EXTENDED("延长办理期限", null, List.of(Attr.DAYS, Attr.REASON), List.of()),
    /** 信访处理意见书, signed off by the unit head (R2022 Art. 32). */
    DECIDED("出具处理意见", Status.DECIDED, List.of(Attr.REQUEST, Attr.FACTS, Attr.OUTCOME, Attr.BASIS), List.of()),
    /** 回复 a suggestion, adopted or not (R2022 Art. 29); it ends the case, with no review path. */
    REPLIED("回复建议意见", Status.REPLIED, List.of(Attr.ADOPTION, Attr.REPLY), List.of()),
    /** 调解结案 (R2022 Art. 33). */
    MEDIATED("调解结案", Status.MEDIATED, List.of(Attr.AGREEMENT), List.of()),
    /**
     * 送达: a written document reached the petitioner, on a day and in a way; the review windows run from
     * the delivery of the answer (R2022 Art. 35, 36: 自收到书面答复之日起).
     */
    DELIVERED("送达", null, List.of(Attr.DOCUMENT, Attr.DELIVERED_ON, Attr.WAY), List.of()),
    /** 申请复查 (R2022 Art. 35), on the day the petitioner filed it. */
    REVIEW_REQUESTED("申请复查", Status.REVIEW_REQUESTED, List.of(Attr.REASON), List.of(Attr.FILED_ON)),
    /** 复查意见书 (R2022 Art. 35): uphold, vary or revoke ({@code outcome} only on records made before results). */
    REVIEWED("出具复查意见", Status.REVIEWED, List.of(Attr.REQUEST, Attr.FACTS, Attr.RESULT, Attr.BASIS),
            List.of(Attr.OUTCOME)),
    /** 申请复核 (R2022 Art. 36), on the day the petitioner filed it. */
    REREVIEW_REQUESTED("申请复核", Status.REREVIEW_REQUESTED, List.of(Attr.REASON), List.of(Attr.FILED_ON)),
    /** 听证开始: the re-review clock pauses (R2022 Art. 36). */
    HEARING_STARTED("听证开始", null, List.of(), List.of()),
    /** 听证结束. */
    HEARING_ENDED("听证结束", null, List.of(), List.of()),
    /** 复核意见书 (R2022 Art. 36). */
    REREVIEWED("出具复核意见", Status.REREVIEWED, List.of(Attr.REQUEST, Attr.FACTS, Attr.RESULT, Attr.BASIS),
            List.of(Attr.OUTCOME)),
    /** 终结 (R2022 Art. 36). */
    TERMINATED("终结", Status.TERMINATED, List.of(), List.of()),
    /**
     * 督办 (R2022 Art. 40): when the answer is due, and who must answer (the owner unless named); raised by
     * the overdue scan with the clock that lapsed and its day, or by hand with instructions, listed (挂牌)
     * or not (R2005 Art. 36 for the answer term).
     */
    SUPERVISED("督办", null, List.of(Attr.ANSWER_DUE), List.of(Attr.CLOCK, Attr.DUE, Attr.INSTRUCTIONS,
            Attr.SUPERVISED_UNIT, Attr.LISTING)),
    /** 督办答复, in writing (R2022 Art. 40). */
    SUPERVISION_ANSWERED("书面答复督办", null, List.of(Attr.ANSWER), List.of()),
    /** 认可督办答复: the supervising organ accepts the answer; the supervision is closed. */
    SUPERVISION_ACCEPTED("认可督办答复", null, List.of(), List.of()),
    /** 退回督办答复: the answer is not enough; a new answer is due. */
    SUPERVISION_RETURNED("退回督办答复", null, List.of(Attr.REASON, Attr.ANSWER_DUE), List.of()),
    /**
     * 领导包案 (四定三包: 定领导、定措施、定时限、定责任单位): a leader at the case's unit or above takes the case as
     * their own. Local practice of the district plan, not statute.
     */
    LEADER_TOOK("领导包案", null, List.of(Attr.MEASURES, Attr.TARGET_DATE, Attr.RESPONSIBLE_UNIT), List.of()),
    /** 包案进展: the leader's own progress entry. */
    LEADER_PROGRESS("包案进展", null, List.of(Attr.PROGRESS), List.of()),
    /** 包案办结: the leader closes the 包案. */
    LEADER_CLOSED("包案办结", null, List.of(Attr.SUMMARY), List.of()),
    /** 安排听证 (信访听证), during handling, review or re-review. */
    HEARING_SCHEDULED("安排听证", null, List.of(Attr.HEARING_ON, Attr.PLACE, Attr.CHAIR, Attr.PANEL, Attr.OPENNESS),
            List.of(Attr.PETITIONER_SIDE, Attr.UNIT_SIDE)),
    /** 听证记录: who attended, the record and the panel's opinion. */
    HEARING_RECORDED("听证记录", null, List.of(Attr.ATTENDANCE, Attr.RECORD, Attr.OPINION), List.of()),
    /** 重大紧急信访事项: reported up the chain at once (R2022 Art. 25; Art. 46 on 隐瞒、谎报、缓报). */
    MAJOR_FLAGGED("标记重大紧急", null, List.of(Attr.REASON), List.of()),
    /** The report of a major matter reached this level: recorded by its node on arrival. */
    MAJOR_RECEIVED("收到重大紧急事项报告", null, List.of(), List.of()),
    /** A named person at this level has read the report of a major matter. */
    MAJOR_ACKNOWLEDGED("确认知悉重大紧急事项", null, List.of(), List.of()),
    /** 启动应急联动 or 联席会议 for a major matter: how, and its members. */
    RESPONSE_OPENED("启动应急联动/联席会议", null, List.of(Attr.RESPONSE, Attr.MEMBERS), List.of()),
    /** A meeting of the response: when, who came, what it decided. */
    RESPONSE_MEETING("联动会议", null, List.of(Attr.MEETING_ON, Attr.ATTENDANCE, Attr.DECISIONS), List.of()),
    /** The response ends, with what it achieved. */
    RESPONSE_CLOSED("结束应急联动/联席会议", null, List.of(Attr.SUMMARY), List.of()),
    /** 满意度评价 by the petitioner (R2022 Art. 21). */
    RATED("信访人评价", null, List.of(Attr.LEVEL), List.of(Attr.COMMENT)),
    /**
     * 历史办结: a case handled before this system, imported closed with the outcome and closing day its old
     * register gives; recorded by the importing unit right after the imported registration, never later.
     */
    ARCHIVED("历史办结", Status.ARCHIVED, List.of(Attr.HISTORIC_RESULT, Attr.CLOSED_ON),
            List.of(Attr.RESPONSIBLE_UNIT, Attr.SUMMARY));

    private final String label;
    private final Status to;
    private final List<Attr<?>> required;
    private final List<Attr<?>> all;

    EventType(String label, Status to, List<Attr<?>> required, List<Attr<?>> optional) {
        this.label = label;
        this.to = to;
        this.required = required;
        List<Attr<?>> both = new ArrayList<>(required);
        both.addAll(optional);
        this.all = List.copyOf(both);
    }

    /** The Chinese name shown on the timeline. */
    public String label() {
        return label;
    }

    /** The state the case is in after this event; null when the event keeps the state. */
    public Status to() {
        return to;
    }

    /** The attributes this event must carry. */
    public List<Attr<?>> required() {
        return required;
    }

    /** Every attribute this event may carry, required ones first. */
    public List<Attr<?>> attributes() {
        return all;
    }

    /** The attribute of this type with this name. */
    public Optional<Attr<?>> attr(String name) {
        return all.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    /** Whether this is a written result the petitioner may rate (R2022 Art. 21). */
    public boolean isResult() {
        return this == DECIDED || this == REVIEWED || this == REREVIEWED || this == MEDIATED || this == REPLIED;
    }

    /** Whether this is a written opinion the unit head signs off (R2022 Art. 32, 35, 36). */
    public boolean isOpinion() {
        return this == DECIDED || this == REVIEWED || this == REREVIEWED;
    }

    /** Checks that {@code attrs} carry nothing this type does not (values were checked when built). */
    public void checkAllowed(Attributes attrs) {
        for (Attr<?> a : attrs.keys()) {
            if (!all.contains(a)) {
                throw new ValidationException("attrs." + a.name(), "unknown_attribute",
                        "「" + label + "」没有这一项 / " + this + " has no attribute " + a.name());
            }
        }
    }

    /** Checks that {@code attrs} carry every required attribute; an error names the first missing one. */
    public void checkComplete(Attributes attrs) {
        checkAllowed(attrs);
        for (Attr<?> a : required) {
            if (!attrs.has(a)) {
                throw new ValidationException(a.name(), "required", a.label() + "不能为空 / " + a.name() + " is required");
            }
        }
    }

    /** The type named {@code name}, or null. */
    public static EventType parse(String name) {
        try {
            return name == null ? null : valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
