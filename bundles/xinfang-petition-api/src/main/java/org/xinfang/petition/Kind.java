package org.xinfang.petition;

/** The kind of matter a petition raises (R2022 Art. 17, 29-31). */
public enum Kind {
    /** 建议意见: studied, adopted if feasible, answered. */
    SUGGESTION("建议意见"),
    /** 检举控告: routed to discipline inspection; never shown to the accused (R2022 Art. 30). */
    ACCUSATION("检举控告"),
    /** 申诉求决: handled by the competent organ with a written decision. */
    CLAIM("申诉求决");

    private final String label;

    Kind(String label) {
        this.label = label;
    }

    /** The Chinese name used in documents and screens. */
    public String label() {
        return label;
    }
}
