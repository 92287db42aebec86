package org.xinfang.assessment.internal;

/**
 * What a unit is assessed on (目标管理考核 indicators), each counted from the cases the unit owns that were
 * received in the year. A rate is a share of cases; {@link #lowerIsBetter} turns a bad share into points lost.
 */
enum Indicator {
    /** Acceptance notice within 15 days (R2022 Art. 22, 25). */
    NOTICE_ON_TIME("受理告知按期率", "Acceptance notice on time", "NOTICE.met", "NOTICE.missed", "onTime", "NOTICE:missed", false),
    /** Decision within the handling period (R2022 Art. 32). */
    HANDLING_ON_TIME("按期办结率", "Decided on time", "HANDLING.met", "HANDLING.missed", "onTime", "HANDLING:missed", false),
    /** Written answer to a supervision notice within its term. */
    SUPERVISION_ON_TIME("督办按期答复率", "Supervision answered on time", "SUPERVISION.met", "SUPERVISION.missed", "onTime",
            "SUPERVISION:missed", false),
    /** Repeat petitions (linked to an earlier case): the fewer the better. */
    REPEAT("重复信访率", "Repeat petitions", "repeats", null, "repeats", null, true),
    /** Satisfied or basically satisfied among the rated results (R2022 Art. 21). */
    SATISFACTION("群众满意率", "Satisfaction", "satisfied", null, "satisfaction", "DISSATISFIED", false),
    /** Monthly conflict screening reports filed by their due day (矛盾纠纷排查). */
    SCREENING("排查报告按时报送率", "Screening reports filed on time", null, null, null, null, false);

    final String zh;
    final String en;
    /** The figure counted as good (met, satisfied) or, for a lower-is-better rate, as bad. */
    final String counted;
    /** The figure counted as bad beside {@link #counted}, for rates of met against met + missed. */
    final String against;
    /** The statistics figure and key of the cases that cost points, for the list behind them. */
    final String figure;
    final String key;
    final boolean lowerIsBetter;

    Indicator(String zh, String en, String counted, String against, String figure, String key, boolean lowerIsBetter) {
        this.zh = zh;
        this.en = en;
        this.counted = counted;
        this.against = against;
        this.figure = figure;
        this.key = key;
        this.lowerIsBetter = lowerIsBetter;
    }
}
