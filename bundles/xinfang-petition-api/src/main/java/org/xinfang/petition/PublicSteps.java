package org.xinfang.petition;

/**
 * What each step of a case means to the public, in Chinese only (the portal and the notices are Chinese):
 * one wording for the petitioner's progress query and for every public view of a case (Open311).
 */
public final class PublicSteps {
    private PublicSteps() {
    }

    /**
     * The public label of a step, e.g. 已受理，已出具受理告知书; null for the office's internal management of
     * the case (major-matter flags, supervision returned, response groups), which the public does not see.
     */
    public static String label(EventType type) {
        return switch (type) {
            case REGISTERED -> "已登记";
            case ASSIGNED -> "已交办承办单位";
            case REDIRECTED -> "已告知通过其他法定途径解决";
            case NOT_ACCEPTED -> "不予受理，已告知理由";
            case LINKED -> "与正在办理的同一事项合并办理";
            case RECEIVED -> "承办单位已签收";
            case ACCEPTED -> "已受理，已出具受理告知书";
            case REPLIED -> "已书面回复建议意见";
            case DELIVERED -> "文书已送达";
            case OBJECTED -> "承办单位提出异议，待交办机关核实";
            case OBJECTION_DECLINED -> "交办机关不同意异议，仍由原承办单位办理";
            case EXTENDED -> "办理期限已延长，已告知理由";
            case DECIDED -> "已出具信访处理意见书";
            case MEDIATED -> "经调解达成协议";
            case REVIEW_REQUESTED -> "已申请复查";
            case REVIEWED -> "已出具复查意见";
            case REREVIEW_REQUESTED -> "已申请复核";
            case HEARING_STARTED -> "听证中";
            case HEARING_ENDED -> "听证结束";
            case REREVIEWED -> "已出具复核意见";
            case TERMINATED -> "信访事项已终结";
            case RATED -> "信访人已评价";
            case SUPERVISED -> "上级机关已督办";
            case SUPERVISION_ANSWERED -> "承办单位已书面答复督办";
            case LEADER_TOOK -> "已由领导包案办理";
            case LEADER_CLOSED -> "领导包案已办结";
            case HEARING_SCHEDULED -> "已安排听证";
            case HEARING_RECORDED -> "听证已举行";
            case ARCHIVED -> "已办结（历史记录）";
            // the office's own management of the case: not the petitioner's business
            case LEADER_PROGRESS, MAJOR_FLAGGED, MAJOR_RECEIVED, MAJOR_ACKNOWLEDGED, SUPERVISION_ACCEPTED,
                    SUPERVISION_RETURNED, RESPONSE_OPENED, RESPONSE_MEETING, RESPONSE_CLOSED -> null;
        };
    }
}
