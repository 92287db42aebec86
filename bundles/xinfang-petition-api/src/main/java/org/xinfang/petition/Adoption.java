package org.xinfang.petition;

/**
 * What became of a suggestion (建议意见, R2022 Art. 29: 对科学合理、具有现实可行性的，应当采纳或者部分采纳，
 * 并予以回复): the reply says which.
 */
public enum Adoption {
    /** 采纳. */
    ADOPTED("采纳"),
    /** 部分采纳. */
    PARTLY_ADOPTED("部分采纳"),
    /** 未予采纳, with the reasons in the reply. */
    NOT_ADOPTED("未予采纳");

    private final String label;

    Adoption(String label) {
        this.label = label;
    }

    /** The Chinese wording used in documents. */
    public String label() {
        return label;
    }
}
