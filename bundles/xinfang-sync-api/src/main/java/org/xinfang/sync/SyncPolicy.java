package org.xinfang.sync;

import java.util.Set;
import org.xinfang.petition.NewEvent;
import org.xinfang.petition.Petition;

/**
 * The node's rules that its sync store applies to what travels: which origins a child may speak for,
 * whether a child may register a case or author an event (the authority table, against this node's
 * own copy), and which children hold a copy of a case. The store asks; the node decides.
 */
public interface SyncPolicy {

    /** This node's id. */
    String self();

    /** Whether entries of {@code origin} may come from {@code child}: the origin lies in its subtree. */
    boolean originAllowed(String child, String origin);

    /**
     * Whether {@code child} may register this new case: its id, registering unit, owner and first event
     * all belong to the child's subtree and to the entry's origin.
     */
    Verdict registration(String child, JournalEntry entry, Petition petition);

    /**
     * Whether {@code child} may add {@code event}, checked by its author on version {@code basedOn} of
     * its copy (whose timeline digest was {@code basedOnDigest}, null from nodes before schema 8), to
     * this node's copy {@code current}.
     */
    Verdict event(String child, JournalEntry entry, Petition current, int basedOn, String basedOnDigest,
            NewEvent event);

    /**
     * A step this node records at once when a parent's copy of a case arrives, in the same transaction as
     * the copy: the receipt (签收) of an assignment to this node's unit, from which its days to accept and
     * to object run (R2022 Art. 23: 自收到之日起). Empty when the copy calls for none.
     */
    default java.util.Optional<NewEvent> onCopy(Petition copy) {
        return java.util.Optional.empty();
    }

    /**
     * A step this node records at once after applying a child's steps to a case, in the same transaction:
     * the arrival of the report of a major matter at this level (R2022 Art. 25), so that the record shows
     * when each level learnt of it. Empty when the case calls for none.
     */
    default java.util.Optional<NewEvent> onApplied(Petition after) {
        return java.util.Optional.empty();
    }

    /**
     * Whether {@code child} may change this leader reception session (领导接访日, journalled whole as
     * {@code RECEPTION_DAY}): only a unit in the child's subtree keeps its own rota. By default the
     * session's unit must lie in the child's subtree; a node's policy may ask more.
     */
    default Verdict receptionDay(String child, JournalEntry entry, org.xinfang.reception.ReceptionDay day) {
        return originAllowed(child, day.unit()) ? Verdict.APPLY : Verdict.refuse("foreign_unit", "接访日 " + day.id()
                + " 的单位 " + day.unit() + " 不在下级节点 " + child + " 的辖区内 / the reception day's unit is not below " + child);
    }

    /**
     * Whether {@code child} may change this monthly screening report (矛盾纠纷排查, journalled whole as
     * {@code SCREENING_REPORT}): only a report of a unit in the child's subtree. By default the report's unit must lie
     * in the child's subtree; a node's policy may ask more.
     */
    default Verdict screeningReport(String child, JournalEntry entry, org.xinfang.screening.ScreeningReport report) {
        return originAllowed(child, report.unit()) ? Verdict.APPLY : Verdict.refuse("foreign_unit", "矛盾纠纷排查报表 "
                + report.id() + " 的单位 " + report.unit() + " 不在下级节点 " + child + " 的辖区内 / the report's unit is not below "
                + child);
    }

    /**
     * Whether {@code child} may attach a file to this node's copy {@code current} of a case ({@code ATTACHMENT_ADDED}):
     * the fact names the node that journalled it and the case, and the case was registered, owned or worked on in the
     * child's subtree. The bytes follow only for a fact taken here.
     */
    default Verdict attachment(String child, JournalEntry entry, Petition current, org.xinfang.attachment.Attachment a) {
        if (!a.node().equals(entry.origin()) || !a.caseId().equals(entry.entity())
                || !a.id().equals(entry.origin() + "-" + entry.seq())) {
            return Verdict.refuse("foreign_node", "附件 " + a.id() + " 的登记与其同步条目不符 / the attachment does not match"
                    + " the entry " + entry.origin() + "#" + entry.seq() + " that carries it");
        }
        boolean ours = originAllowed(child, current.registeredBy()) || originAllowed(child, current.owner())
                || current.timeline().stream().anyMatch(ev -> ev.unit() != null && originAllowed(child, ev.unit()));
        return ours ? Verdict.APPLY : Verdict.refuse("foreign_case", "案件 " + current.id() + " 不在下级节点 " + child
                + " 的辖区内办理，不能为其添加附件 / the case is not worked on below " + child);
    }

    /** The children of this node that hold a copy of the case and get it again whenever it changes. */
    Set<String> holders(Petition petition);

    /** The child of this node on the way to {@code recipient}, or null when the message is for this node. */
    String nextHop(String recipient);

    /**
     * What to do with a child's entry.
     *
     * @param apply whether to apply it to this node's copy
     * @param kind a stable code for a refusal: {@code foreign_case}, {@code not_authorized}, {@code stale} …
     * @param reason why, for people (zh-CN first)
     * @param alarm whether the refusal raises an alarm (it does unless an honest node acting on a stale copy explains it)
     * @param copyBack whether the sending child gets this node's copy of the case back with a conflict notice
     */
    record Verdict(boolean apply, String kind, String reason, boolean alarm, boolean copyBack) {
        /** Apply the entry. */
        public static final Verdict APPLY = new Verdict(true, null, null, false, false);

        /** Refuse an entry the child may not send; raise an alarm; send nothing of the case back. */
        public static Verdict refuse(String kind, String reason) {
            return new Verdict(false, kind, reason, true, false);
        }

        /** Refuse a step taken on a copy that was out of date; the child gets the case back with a notice. */
        public static Verdict conflict(String kind, String reason) {
            return new Verdict(false, kind, reason, false, true);
        }

        /** Refuse a step the stage does not allow although the case is the child's; alarm and copy back. */
        public static Verdict refuseAndCorrect(String kind, String reason) {
            return new Verdict(false, kind, reason, true, true);
        }
    }
}
