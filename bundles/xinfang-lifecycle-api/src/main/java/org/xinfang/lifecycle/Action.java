package org.xinfang.lifecycle;

import java.util.Locale;
import org.xinfang.petition.EventType;
import org.xinfang.petition.Status;

/**
 * The transitions of the procedure of the 《信访工作条例》 (R2022) after registration, each with the
 * timeline event it records; which states and units allow it is {@link org.xinfang.rules.Authority}. Assignment
 * (交办/转送) is {@code PetitionService.assign}, since it also routes the case to another node.
 */
public enum Action {
    /** 导入其他渠道: 涉法涉诉 to the legal organs, 检举控告 to discipline inspection (R2022 Art. 22, 29-31). */
    REDIRECT("导入其他渠道", EventType.REDIRECTED),
    /** 不予受理, with the reason told to the petitioner (R2022 Art. 22). */
    NOT_ACCEPT("不予受理", EventType.NOT_ACCEPTED),
    /**
     * 重复信访: the same matter is already accepted and within its time limits, so it is not accepted
     * again but linked to the open case (R2022 Art. 19).
     */
    LINK("重复信访并案", EventType.LINKED),
    /** 受理 with the written acceptance notice (R2022 Art. 23). */
    ACCEPT("受理", EventType.ACCEPTED),
    /** 异议: the assignee is not competent; the case returns to the petition office (R2022 Art. 23). */
    OBJECT("提出异议", EventType.OBJECTED),
    /** 不同意异议: the assigning office declines an objection; the case goes back to the unit (R2022 Art. 23(3)). */
    DECLINE_OBJECTION("不同意异议", EventType.OBJECTION_DECLINED),
    /** 延期: once, at most 30 days, with a reason, approved by the unit head (R2022 Art. 34). */
    EXTEND("延长办理期限", EventType.EXTENDED),
    /** 信访处理意见书: request, facts, decision, legal basis, signed off by the unit head (R2022 Art. 32). */
    DECIDE("出具处理意见", EventType.DECIDED),
    /** 回复 a suggestion: adopted, partly adopted or not, with the reply (R2022 Art. 29). */
    REPLY("回复建议意见", EventType.REPLIED),
    /** 送达: a document reached the petitioner on a day, in a way (R2022 Art. 35, 36 count from receipt). */
    DELIVER("登记送达", EventType.DELIVERED),
    /** 调解结案 by a mediation agreement (R2022 Art. 33). */
    MEDIATE("调解结案", EventType.MEDIATED),
    /** 申请复查, within 30 days of the decision (R2022 Art. 35). */
    REQUEST_REVIEW("申请复查", EventType.REVIEW_REQUESTED),
    /** 复查意见 by the organ one level up (R2022 Art. 35). */
    REVIEW("出具复查意见", EventType.REVIEWED),
    /** 申请复核, within 30 days of the review (R2022 Art. 36). */
    REQUEST_REREVIEW("申请复核", EventType.REREVIEW_REQUESTED),
    /** 听证开始: the re-review clock pauses (R2022 Art. 36). */
    START_HEARING("听证开始", EventType.HEARING_STARTED),
    /** 听证结束: the re-review clock runs again. */
    END_HEARING("听证结束", EventType.HEARING_ENDED),
    /** 复核意见 (R2022 Art. 36). */
    REREVIEW("出具复核意见", EventType.REREVIEWED),
    /** 终结: the same facts and reasons are not accepted again (R2022 Art. 36). */
    TERMINATE("终结", EventType.TERMINATED),
    /** 督办答复: the supervised organ answers in writing; the case keeps its state (R2022 Art. 40). */
    ANSWER_SUPERVISION("书面答复督办", EventType.SUPERVISION_ANSWERED),
    /** 认可督办答复: the supervising organ accepts the answer to a supervision by hand. */
    ACCEPT_ANSWER("认可督办答复", EventType.SUPERVISION_ACCEPTED),
    /** 退回督办答复: the answer is not enough; a new one is due by {@code answerBy}. */
    RETURN_ANSWER("退回督办答复", EventType.SUPERVISION_RETURNED),
    /** 领导包案: a leader takes the case with measures, a deadline and a responsible unit (四定三包). */
    TAKE_CASE("领导包案", EventType.LEADER_TOOK),
    /** 包案进展: the leader's own progress entry. */
    LEADER_PROGRESS("包案进展", EventType.LEADER_PROGRESS),
    /** 包案办结. */
    LEADER_CLOSE("包案办结", EventType.LEADER_CLOSED),
    /** 安排听证: date, place, chair, panel, the two sides, public or not. */
    SCHEDULE_HEARING("安排听证", EventType.HEARING_SCHEDULED),
    /** 听证记录: attendance, the record, the panel's opinion. */
    RECORD_HEARING("听证记录", EventType.HEARING_RECORDED),
    /** 标记重大紧急: reported up the chain at once (R2022 Art. 25). */
    FLAG_MAJOR("标记重大紧急", EventType.MAJOR_FLAGGED),
    /** 确认知悉: a named person at a level above acknowledges the report of a major matter. */
    ACKNOWLEDGE_MAJOR("确认知悉重大紧急事项", EventType.MAJOR_ACKNOWLEDGED),
    /** 启动应急联动 or 联席会议 for a major matter, with its members. */
    OPEN_RESPONSE("启动应急联动/联席会议", EventType.RESPONSE_OPENED),
    /** A meeting of the response: when, who came, what it decided. */
    RECORD_MEETING("记录联动会议", EventType.RESPONSE_MEETING),
    /** 结束应急联动/联席会议. */
    CLOSE_RESPONSE("结束应急联动/联席会议", EventType.RESPONSE_CLOSED);

    private final String label;
    private final EventType eventType;

    Action(String label, EventType eventType) {
        this.label = label;
        this.eventType = eventType;
    }

    public String label() {
        return label;
    }

    /** The timeline event the action records. */
    public EventType eventType() {
        return eventType;
    }

    /** The state it leads to; null when the case keeps its state. */
    public Status to() {
        return eventType.to();
    }

    /** The action that records events of this type, or null (assignment, supervision, rating). */
    public static Action forEvent(EventType type) {
        for (Action a : values()) {
            if (a.eventType == type) {
                return a;
            }
        }
        return null;
    }

    /** As written in URLs: {@code request-review} for {@link #REQUEST_REVIEW}. */
    public String path() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The action named in a URL, or null. */
    public static Action fromPath(String path) {
        for (Action a : values()) {
            if (a.path().equals(path)) {
                return a;
            }
        }
        return null;
    }
}
