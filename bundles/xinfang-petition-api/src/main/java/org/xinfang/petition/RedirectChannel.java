package org.xinfang.petition;

/** Where a matter that is not a petition for this office goes instead (R2022 Art. 22, 29-31). */
public enum RedirectChannel {
    /** 涉法涉诉: courts, arbitration, administrative review. */
    LEGAL("涉法涉诉事项，请依法向人民法院、仲裁机构或者行政复议机关提出"),
    /** 检举控告: discipline inspection and supervision organs. */
    DISCIPLINE("检举控告事项，已转纪检监察机关依规依纪依法处理"),
    /** another statutory channel. */
    OTHER("属于其他法定途径解决的事项，请依照有关法律、行政法规规定的程序提出");

    private final String notice;

    RedirectChannel(String notice) {
        this.notice = notice;
    }

    /** What the petitioner is told, in Chinese. */
    public String notice() {
        return notice;
    }
}
