package org.xinfang.petition;

/**
 * The statutory clocks of a petition case, each with its length, how it counts and its article. This is
 * the one place these numbers live.
 */
public enum Step {
    /** 分流: forward, assign or direct elsewhere within 15 days of receipt. */
    TRIAGE("分流", 15, DayKind.CALENDAR, Party.ORGAN, "《信访工作条例》第二十二条 / R2022 Art. 22"),
    /** 受理告知: the receiving organ decides acceptance and tells the petitioner within 15 days. */
    NOTICE("受理告知", 15, DayKind.CALENDAR, Party.ORGAN, "《信访工作条例》第二十三条 / R2022 Art. 23"),
    /** 异议: an assignee that is not competent may object within 5 working days: a window, not a duty. */
    OBJECTION("异议", 5, DayKind.WORKING, Party.OPTION,
            "《信访工作条例》第二十三条第三款“应当自收到之日起5个工作日内提出异议” / R2022 Art. 23(3)"),
    /**
     * 核实异议: an objection returns the case only when the assigning office agrees (经……核实同意后，交还相关材料);
     * until the office re-routes it (agreeing) or declines the objection, the case waits with the office.
     * Art. 23(3) sets no period for that; the office's 15 days to route a matter (Art. 22) are applied.
     */
    REROUTE("核实异议、重新分流", 15, DayKind.CALENDAR, Party.ORGAN,
            "《信访工作条例》第二十三条第三款（核实异议）；期限参照第二十二条（15日内分流） / R2022 Art. 23(3); 15 days as in"
                    + " Art. 22"),
    /** 办理: decided within 60 days of acceptance; extended once by at most 30 days. */
    HANDLING("办理", 60, DayKind.CALENDAR, Party.ORGAN, "《信访工作条例》第三十四条 / R2022 Art. 34"),
    /** 复查申请: the petitioner may ask for a review within 30 days of the decision. */
    REVIEW_REQUEST("申请复查", 30, DayKind.CALENDAR, Party.PETITIONER, "《信访工作条例》第三十五条 / R2022 Art. 35"),
    /** 复查: the organ one level up answers within 30 days. */
    REVIEW("复查", 30, DayKind.CALENDAR, Party.ORGAN, "《信访工作条例》第三十五条 / R2022 Art. 35"),
    /** 复核申请: the petitioner may ask for a re-review within 30 days of the review. */
    REREVIEW_REQUEST("申请复核", 30, DayKind.CALENDAR, Party.PETITIONER, "《信访工作条例》第三十六条 / R2022 Art. 36"),
    /** 复核: answered within 30 days; time spent on a hearing does not count. */
    REREVIEW("复核", 30, DayKind.CALENDAR, Party.ORGAN, "《信访工作条例》第三十六条 / R2022 Art. 36"),
    /**
     * 督办: the supervised organ answers the supervising organ in writing. R2022 Art. 40 says when to
     * supervise; the term of the written answer is R2005 Art. 36's (收到改进建议的行政机关应当在30日内书面反馈
     * 情况), the default of {@code supervision.answer.days}; each notice states its own answer day.
     */
    SUPERVISION("督办答复", 30, DayKind.CALENDAR, Party.ORGAN,
            "《信访工作条例》第四十条（督办）；答复期限：《信访条例》（2005）第三十六条“30日内书面反馈情况” / R2022 Art. 40;"
                    + " answer term R2005 Art. 36");

    /** Statutory days are counted on the office's calendar. */
    public static final java.time.ZoneId ZONE = java.time.ZoneId.of("Asia/Shanghai");

    /** R2022 Art. 34: the handling period may be extended once, by at most 30 days. */
    public static final int MAX_EXTENSION_DAYS = 30;

    private final String label;
    private final int length;
    private final DayKind dayKind;
    private final Party party;
    private final String article;

    Step(String label, int length, DayKind dayKind, Party party, String article) {
        this.label = label;
        this.length = length;
        this.dayKind = dayKind;
        this.party = party;
        this.article = article;
    }

    public String label() {
        return label;
    }

    public int length() {
        return length;
    }

    public DayKind dayKind() {
        return dayKind;
    }

    /** Whose time limit it is: an organ's duty, or the petitioner's window to act. */
    public Party party() {
        return party;
    }

    /** The article the clock comes from. */
    public String article() {
        return article;
    }

    /** Calendar days (日) or working days (工作日). */
    public enum DayKind {
        CALENDAR, WORKING;

        /** As written in the API: "calendar" or "working". */
        public String json() {
            return name().toLowerCase();
        }
    }

    /** Who must act before the clock runs out. */
    public enum Party {
        /** An organ's duty: a lapsed clock is overdue and supervised. */
        ORGAN,
        /** The petitioner's window (to ask for a review): no organ owes anything meanwhile. */
        PETITIONER,
        /** An organ's option (to object): a window that closes; not using it is no offence. */
        OPTION
    }
}
