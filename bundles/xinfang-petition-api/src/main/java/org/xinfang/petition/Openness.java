package org.xinfang.petition;

/** Whether a hearing is held in public (公开听证) or not (不公开: personal data, secrets). */
public enum Openness {
    /** 公开听证. */
    PUBLIC("公开"),
    /** 不公开听证. */
    CLOSED("不公开");

    private final String label;

    Openness(String label) {
        this.label = label;
    }

    /** The Chinese name. */
    public String label() {
        return label;
    }
}
