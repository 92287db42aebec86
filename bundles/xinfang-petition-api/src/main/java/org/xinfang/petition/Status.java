package org.xinfang.petition;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Where a case stands in the procedure of the 《信访工作条例》 (R2022). This slice registers
 * petitions; the transitions between the later states belong to the case lifecycle.
 */
public enum Status {
    REGISTERED("已登记"),
    TRIAGED("已分流"),
    REDIRECTED("已导入其他渠道"),
    NOT_ACCEPTED("不予受理"),
    ACCEPTED("已受理"),
    OBJECTED("已提出异议"),
    HANDLING("办理中"),
    DECIDED("已答复"),
    REVIEW_REQUESTED("已申请复查"),
    REVIEWED("已复查"),
    REREVIEW_REQUESTED("已申请复核"),
    REREVIEWED("已复核"),
    TERMINATED("已终结"),
    MEDIATED("调解结案"),
    /** A suggestion answered (R2022 Art. 29): closed, with no review path. */
    REPLIED("已回复"),
    /**
     * A case handled before this system and imported from the office's old register, with its historic
     * outcome and closing day (历史数据导入): closed, with no statutory clocks kept here.
     */
    ARCHIVED("历史办结");

    /** The closed states ({@link #closedStates()}), each with the step that closes a case in it. */
    private static final Set<Status> CLOSED = Collections.unmodifiableSet(EnumSet.of(
            REDIRECTED, // 导入其他渠道 (R2022 Art. 22, 29-31)
            NOT_ACCEPTED, // 不予受理, and a repeat linked to its open case (R2022 Art. 19, 22)
            MEDIATED, // 调解结案 (R2022 Art. 33)
            TERMINATED, // 终结 (R2022 Art. 36)
            REPLIED, // a suggestion answered (R2022 Art. 29)
            ARCHIVED)); // handled before this system

    private final String label;

    Status(String label) {
        this.label = label;
    }

    /** The Chinese name shown to staff and to the petitioner. */
    public String label() {
        return label;
    }

    /** Whether a case in this state is closed (see {@link #closedStates()}). */
    public boolean closed() {
        return CLOSED.contains(this);
    }

    /**
     * The states in which a case is closed: redirected, not accepted (or linked), mediated, terminated, a
     * suggestion replied to, a historic case archived. Nothing but a rating, the record of a delivery or an answer
     * to a supervision can follow them. Decided, reviewed and re-reviewed are not closed: the petitioner may still
     * ask for the next review (R2022 Art. 35, 36). The one list of them: build any other (a query's
     * {@code NOT IN}) from it.
     */
    public static Set<Status> closedStates() {
        return CLOSED;
    }
}
