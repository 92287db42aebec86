package org.xinfang.petition;

/** What a written decision, review or re-review decides (R2022 Art. 32). */
public enum Outcome {
    /** 支持: the request is supported. */
    SUPPORT("支持"),
    /** 解释说明: the request is answered with an explanation. */
    EXPLAIN("解释说明"),
    /** 不予支持: the request is not supported. */
    REJECT("不予支持");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    /** The Chinese wording used in documents. */
    public String label() {
        return label;
    }
}
