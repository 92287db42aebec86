package org.xinfang.petition;

/**
 * The kinds of numbered documents a case issues, each with its title, the character its 文号 carries and
 * whom it goes to. Which event issues which document is {@link #of(Petition, Event)}.
 */
public enum DocumentType {
    /** 回执: a walk-in or a letter was registered (R2022 Art. 22). */
    RECEIPT("信访事项登记回执", "登", true),
    /** 受理告知书 (R2022 Art. 23). */
    ACCEPTANCE("受理告知书", "受", true),
    /** 不予受理告知书 (R2022 Art. 22, 23). */
    NON_ACCEPTANCE("不予受理告知书", "不受", true),
    /** 告知书 of another lawful route (R2022 Art. 31). */
    REDIRECTION("导入其他法定途径告知书", "导", true),
    /** 重复信访告知书 (R2022 Art. 19). */
    DUPLICATE("重复信访告知书", "并", true),
    /** 交办函 to the unit below that will handle it (R2022 Art. 22). */
    ASSIGNMENT("交办函", "交", false),
    /** 延期告知书 (R2022 Art. 34). */
    EXTENSION("延期告知书", "延", true),
    /** 信访处理意见书 (R2022 Art. 32). */
    DECISION("信访处理意见书", "处", true),
    /** 建议意见答复书 (R2022 Art. 29). */
    REPLY("建议意见答复书", "答", true),
    /** 复查意见书 (R2022 Art. 35). */
    REVIEW("复查意见书", "复查", true),
    /** 复核意见书 (R2022 Art. 36). */
    REREVIEW("复核意见书", "复核", true),
    /** 督办函 to the unit that must answer (R2022 Art. 40). */
    SUPERVISION("督办函", "督", false);

    private final String title;
    private final String mark;
    private final boolean toPetitioner;

    DocumentType(String title, String mark, boolean toPetitioner) {
        this.title = title;
        this.mark = mark;
        this.toPetitioner = toPetitioner;
    }

    /** The document's title (标题). */
    public String title() {
        return title;
    }

    /** The character of its 文号 after the unit's name and 信: 受, 处, 复查 … */
    public String mark() {
        return mark;
    }

    /** Whether it goes to the petitioner (and so has a public copy); letters between units do not. */
    public boolean toPetitioner() {
        return toPetitioner;
    }

    /** The document the event issues in this case, or null when it issues none. */
    public static DocumentType of(Petition p, Event e) {
        return switch (e.type()) {
            // a receipt is handed or posted to who came or wrote; imported old cases get none
            case REGISTERED -> (p.channel() == Channel.WALK_IN || p.channel() == Channel.LETTER)
                    && !e.attrs().has(Attr.IMPORTED_FROM) ? RECEIPT : null;
            case ACCEPTED -> ACCEPTANCE;
            case NOT_ACCEPTED -> NON_ACCEPTANCE;
            case REDIRECTED -> REDIRECTION;
            case LINKED -> DUPLICATE;
            case ASSIGNED -> ASSIGNMENT;
            case EXTENDED -> EXTENSION;
            case DECIDED -> DECISION;
            case REPLIED -> REPLY;
            case REVIEWED -> REVIEW;
            case REREVIEWED -> REREVIEW;
            case SUPERVISED -> SUPERVISION;
            default -> null;
        };
    }
}
