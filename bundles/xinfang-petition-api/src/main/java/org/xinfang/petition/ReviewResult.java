package org.xinfang.petition;

/**
 * What a review or re-review decides about the opinion under review (R2022 Art. 35, 36): it is not a new
 * decision on the request (支持 / 解释说明 / 不予支持) but a judgement of the one given.
 */
public enum ReviewResult {
    /** 维持: the opinion stands. */
    UPHOLD("维持原处理意见"),
    /** 变更: the opinion is changed by this one. */
    VARY("变更原处理意见"),
    /** 撤销: the opinion is set aside and the matter is to be handled again. */
    REVOKE("撤销原处理意见，责令重新办理");

    private final String label;

    ReviewResult(String label) {
        this.label = label;
    }

    /** The Chinese wording used in documents. */
    public String label() {
        return label;
    }
}
