package org.xinfang.petition;

/**
 * How a written document reached the petitioner. The review and re-review windows run from the day the
 * petitioner received the answer (R2022 Art. 35, 36: 自收到书面答复之日起), so the day and the way are recorded.
 */
public enum DeliveryWay {
    /** 直接送达: handed over, the petitioner signs the receipt. */
    IN_PERSON("直接送达"),
    /** 邮寄送达: by post; the day on the return receipt. */
    POST("邮寄送达"),
    /** 网上送达: through the online portal or a message the petitioner agreed to. */
    ONLINE("网上送达");

    private final String label;

    DeliveryWay(String label) {
        this.label = label;
    }

    /** The Chinese name. */
    public String label() {
        return label;
    }
}
