package org.xinfang.lifecycle;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.xinfang.petition.Status;

/**
 * The transitions of the procedure of the 《信访工作条例》 (R2022) after registration, each with the
 * states it may start from, the state it leads to and the timeline event it records. Assignment
 * (交办/转送) is {@code PetitionService.assign}, since it also routes the case to another node.
 */
public enum Action {
    /** 导入其他渠道: 涉法涉诉 to the legal organs, 检举控告 to discipline inspection (R2022 Art. 22, 29-31). */
    REDIRECT("导入其他渠道", "REDIRECTED", Status.REDIRECTED, EnumSet.of(Status.REGISTERED, Status.OBJECTED)),
    /** 不予受理, with the reason told to the petitioner (R2022 Art. 22). */
    NOT_ACCEPT("不予受理", "NOT_ACCEPTED", Status.NOT_ACCEPTED, EnumSet.of(Status.REGISTERED, Status.OBJECTED)),
    /**
     * 重复信访: the same matter is already accepted and within its time limits, so it is not accepted
     * again but linked to the open case (R2022 Art. 19).
     */
    LINK("重复信访并案", "LINKED", Status.NOT_ACCEPTED, EnumSet.of(Status.REGISTERED, Status.OBJECTED)),
    /** 受理 with the written acceptance notice (R2022 Art. 23). */
    ACCEPT("受理", "ACCEPTED", Status.ACCEPTED, EnumSet.of(Status.TRIAGED)),
    /** 异议: the assignee is not competent; the case returns to the petition office (R2022 Art. 23). */
    OBJECT("提出异议", "OBJECTED", Status.OBJECTED, EnumSet.of(Status.TRIAGED)),
    /** 延期: once, at most 30 days, with a reason, approved by the unit head (R2022 Art. 34). */
    EXTEND("延长办理期限", "EXTENDED", Status.ACCEPTED, EnumSet.of(Status.ACCEPTED)),
    /** 信访处理意见书: request, facts, decision, legal basis, signed off by the unit head (R2022 Art. 32). */
    DECIDE("出具处理意见", "DECIDED", Status.DECIDED, EnumSet.of(Status.ACCEPTED)),
    /** 调解结案 by a mediation agreement (R2022 Art. 33). */
    MEDIATE("调解结案", "MEDIATED", Status.MEDIATED, EnumSet.of(Status.ACCEPTED)),
    /** 申请复查, within 30 days of the decision (R2022 Art. 35). */
    REQUEST_REVIEW("申请复查", "REVIEW_REQUESTED", Status.REVIEW_REQUESTED, EnumSet.of(Status.DECIDED)),
    /** 复查意见 by the organ one level up (R2022 Art. 35). */
    REVIEW("出具复查意见", "REVIEWED", Status.REVIEWED, EnumSet.of(Status.REVIEW_REQUESTED)),
    /** 申请复核, within 30 days of the review (R2022 Art. 36). */
    REQUEST_REREVIEW("申请复核", "REREVIEW_REQUESTED", Status.REREVIEW_REQUESTED, EnumSet.of(Status.REVIEWED)),
    /** 听证开始: the re-review clock pauses (R2022 Art. 36). */
    START_HEARING("听证开始", "HEARING_STARTED", Status.REREVIEW_REQUESTED, EnumSet.of(Status.REREVIEW_REQUESTED)),
    /** 听证结束: the re-review clock runs again. */
    END_HEARING("听证结束", "HEARING_ENDED", Status.REREVIEW_REQUESTED, EnumSet.of(Status.REREVIEW_REQUESTED)),
    /** 复核意见 (R2022 Art. 36). */
    REREVIEW("出具复核意见", "REREVIEWED", Status.REREVIEWED, EnumSet.of(Status.REREVIEW_REQUESTED)),
    /** 终结: the same facts and reasons are not accepted again (R2022 Art. 36). */
    TERMINATE("终结", "TERMINATED", Status.TERMINATED, EnumSet.of(Status.REREVIEWED)),
    /** 督办答复: the supervised organ answers in writing; the case keeps its state (R2022 Art. 40). */
    ANSWER_SUPERVISION("书面答复督办", "SUPERVISION_ANSWERED", null, EnumSet.complementOf(EnumSet.of(
            Status.REDIRECTED, Status.NOT_ACCEPTED, Status.MEDIATED, Status.TERMINATED)));

    private final String label;
    private final String eventType;
    private final Status to;
    private final Set<Status> from;

    Action(String label, String eventType, Status to, Set<Status> from) {
        this.label = label;
        this.eventType = eventType;
        this.to = to;
        this.from = from;
    }

    public String label() {
        return label;
    }

    /** The timeline event the action records. */
    public String eventType() {
        return eventType;
    }

    /** The state it leads to; null when the case keeps its state. */
    public Status to() {
        return to;
    }

    /** The states it may start from. */
    public Set<Status> from() {
        return from;
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
