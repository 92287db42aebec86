package org.xinfang.petition;

/**
 * How a case handled before this system ended, as the office's old register records it (历史数据的办理结果).
 * The old registers do not keep the statutory steps, only a result; these are the results they use.
 */
public enum HistoricResult {
    /** 支持: the request was granted (a 信访处理意见书 in support, R2022 Art. 32). */
    SUPPORTED("支持"),
    /** 解释说明: explained to the petitioner (R2022 Art. 32). */
    EXPLAINED("解释说明"),
    /** 不支持: the request was rejected (R2022 Art. 32). */
    REJECTED("不支持"),
    /** 调解结案 (R2022 Art. 33). */
    MEDIATED("调解结案"),
    /** 不予受理 (R2022 Art. 22). */
    NOT_ACCEPTED("不予受理"),
    /** 导入其他法定途径 (R2022 Art. 22, 29-31). */
    REDIRECTED("导入其他渠道"),
    /** 已回复: a suggestion answered (R2022 Art. 29). */
    REPLIED("已回复"),
    /** 终结 (R2022 Art. 36). */
    TERMINATED("终结"),
    /** 办结: closed, the register saying no more than that. */
    CONCLUDED("办结");

    private final String label;

    HistoricResult(String label) {
        this.label = label;
    }

    /** The Chinese wording shown on the case. */
    public String label() {
        return label;
    }
}
