package org.xinfang.petition;

/**
 * Where a case stands in the procedure of the 《信访工作条例》 (R2022). This slice registers
 * petitions; the transitions between the later states belong to the case lifecycle.
 */
public enum Status {
    REGISTERED("已登记"),
    TRIAGED("已分流"),
    REDIRECTED("已导入其他渠道"),
    NOT_ACCEPTED("不予受理"),
    ACCEPTED("已受理"),
    OBJECTED("已提出异议"),
    HANDLING("办理中"),
    DECIDED("已答复"),
    REVIEW_REQUESTED("已申请复查"),
    REVIEWED("已复查"),
    REREVIEW_REQUESTED("已申请复核"),
    REREVIEWED("已复核"),
    TERMINATED("已终结"),
    MEDIATED("调解结案"),
    /** A suggestion answered (R2022 Art. 29): closed, with no review path. */
    REPLIED("已回复"),
    /**
     * A case handled before this system and imported from the office's old register, with its historic
     * outcome and closing day (历史数据导入): closed, with no statutory clocks kept here.
     */
    ARCHIVED("历史办结");

    private final String label;

    Status(String label) {
        this.label = label;
    }

    /** The Chinese name shown to staff and to the petitioner. */
    public String label() {
        return label;
    }
}
