package org.xinfang.sync.agent.internal;

import java.util.Set;
import org.xinfang.lifecycle.ForbiddenActionException;
import org.xinfang.lifecycle.IllegalTransitionException;
import org.xinfang.node.NodeService;
import org.xinfang.node.Unit;
import org.xinfang.petition.Event;
import org.xinfang.petition.EventType;
import org.xinfang.petition.NewEvent;
import org.xinfang.petition.Petition;
import org.xinfang.petition.TimelineDigest;
import org.xinfang.petition.ValidationException;
import org.xinfang.rules.Authority;
import org.xinfang.rules.CaseState;
import org.xinfang.rules.Holders;
import org.xinfang.sync.JournalEntry;
import org.xinfang.sync.SyncPolicy;

/**
 * This node's rules for what its children push: everything an entry carries must belong to the child's
 * subtree (the case, its registering unit and id, the event's unit and node), and every event must be one
 * the authority table allows on this node's own copy of the case. A step the table refuses now but allowed
 * on the version its author saw was taken on an out-of-date copy: the owner of the stage wins, and the
 * child gets the case back with a notice instead of an alarm.
 */
public final class NodePolicy implements SyncPolicy {
    private final NodeService node;

    public NodePolicy(NodeService node) {
        this.node = node;
    }

    @Override
    public String self() {
        return node.info().nodeId();
    }

    private String unitName(String code) {
        return node.units().get(code).map(Unit::name).orElse(code);
    }

    @Override
    public boolean originAllowed(String child, String origin) {
        return node.units().isWithin(origin, child);
    }

    @Override
    public Verdict registration(String child, JournalEntry entry, Petition p) {
        String by = p.registeredBy();
        // node ids are unit codes: a node registers for its own unit
        if (!node.units().isWithin(by, child) || !node.units().isWithin(by, entry.origin())) {
            return Verdict.refuse("foreign_case", "下级节点 " + child + " 登记了不属于其辖区的单位（" + by + "）的信访事项 / " + child
                    + " may not register a case for " + by);
        }
        if (!p.id().startsWith(by + "-") || !p.id().equals(entry.entity())) {
            return Verdict.refuse("foreign_case", "信访事项编号 " + p.id() + " 不是登记单位 " + by + " 的编号 / the id of "
                    + p.id() + " is not one " + by + " issues");
        }
        if (p.timeline().size() != 1 || p.timeline().get(0).type() != EventType.REGISTERED) {
            return Verdict.refuse("not_authorized", "新登记的信访事项只能带有登记这一个环节 / a new case carries its registration"
                    + " and nothing else");
        }
        Event registered = p.timeline().get(0);
        if (!registered.unit().equals(by) || !registered.node().equals(entry.origin())) {
            return Verdict.refuse("foreign_case", "登记环节的单位或节点与登记单位不符 / the registration's unit or node is not"
                    + " the registering unit's");
        }
        if (registered.at().toEpochMilli() > System.currentTimeMillis() + 5 * 60_000L) {
            return Verdict.refuse("future_time", "登记时间晚于本级时间 / the registration is dated in the future");
        }
        return Verdict.APPLY;
    }

    @Override
    public Verdict event(String child, JournalEntry entry, Petition current, int basedOn, String basedOnDigest,
            NewEvent e) {
        if (!e.node().equals(entry.origin())) {
            return Verdict.refuse("foreign_node", "环节记录的节点 " + e.node() + " 不是发出它的节点 " + entry.origin()
                    + " / the event names node " + e.node() + ", not " + entry.origin());
        }
        if (!node.units().isWithin(e.unit(), child)) {
            return Verdict.refuse("foreign_unit", "单位 " + e.unit() + " 不在下级节点 " + child + " 的辖区内 / unit "
                    + e.unit() + " is not below " + child);
        }
        CaseState now = CaseState.of(current);
        if (!belongsTo(now, child)) {
            return Verdict.refuse("foreign_case", "信访事项 " + current.id() + " 不属于下级节点 " + child + " 的辖区，也未交办给它 / case "
                    + current.id() + " is neither registered below " + child + " nor sent down to it");
        }
        if (e.type() == EventType.REGISTERED) {
            return Verdict.refuse("not_authorized", "已登记的事项不能再次登记 / a registered case is not registered again");
        }
        try {
            e.type().checkComplete(e.attrs());
        } catch (ValidationException incomplete) {
            return Verdict.refuse("incomplete", incomplete.getMessage());
        }
        String why = allowed(now, e);
        if (why == null) {
            return Verdict.APPLY;
        }
        boolean sameHistory = basedOn <= current.version() && (basedOnDigest == null
                || basedOnDigest.equals(TimelineDigest.of(current.timeline().subList(0, basedOn))));
        if (!sameHistory || basedOn < current.version() && allowed(CaseState.of(current, basedOn), e) == null) {
            // taken on a copy that had moved apart from this one, or allowed on the version its author had
            // and not on the case as it is now: the owner of the stage wins
            return Verdict.conflict("stale_copy", "本件在上级已有新的办理环节（现为「" + now.status().label() + "」，责任单位"
                    + unitName(now.owner()) + "） / the case moved on above (now " + now.status() + ", owned by "
                    + unitName(now.owner()) + ")");
        }
        return Verdict.refuseAndCorrect("not_authorized", why);
    }

    /**
     * A unit's reception rota (领导接访日) is kept by that unit's own node: the session's unit lies in the
     * child's subtree, is the node that journalled it (node ids are unit codes), issued its id, and is an
     * organ that keeps a rota (not a village).
     */
    @Override
    public Verdict receptionDay(String child, JournalEntry entry, org.xinfang.reception.ReceptionDay day) {
        if (!node.units().isWithin(day.unit(), child)) {
            return Verdict.refuse("foreign_unit", "接访日 " + day.id() + " 的单位 " + unitName(day.unit()) + " 不在下级节点 "
                    + child + " 的辖区内 / the reception day of " + day.unit() + " is not below " + child);
        }
        if (!day.unit().equals(entry.origin()) || !day.id().equals(entry.entity())) {
            return Verdict.refuse("foreign_node", "接访日 " + day.id() + " 只能由 " + unitName(day.unit()) + " 的节点安排 / only "
                    + day.unit() + "'s node keeps its rota, not " + entry.origin());
        }
        if (node.units().get(day.unit()).map(u -> u.kind() == org.xinfang.node.UnitKind.VILLAGE).orElse(true)) {
            return Verdict.refuse("not_authorized", "村（社区）及未知单位不安排领导接访日 / villages and unknown units keep no rota");
        }
        return Verdict.APPLY;
    }

    /**
     * A unit's monthly screening report (矛盾纠纷排查) is written by that unit's own node and changed above it only by
     * the units above (sent back, an item registered as a case): the report's unit lies in the child's subtree, the
     * node that journalled the change is the unit's or one above it (node ids are unit codes), the entry names the
     * report it carries, and the unit is one that files (a department or a township).
     */
    @Override
    public Verdict screeningReport(String child, JournalEntry entry, org.xinfang.screening.ScreeningReport report) {
        if (!node.units().isWithin(report.unit(), child)) {
            return Verdict.refuse("foreign_unit", "矛盾纠纷排查报表 " + report.id() + " 的单位 " + unitName(report.unit())
                    + " 不在下级节点 " + child + " 的辖区内 / the screening report of " + report.unit() + " is not below " + child);
        }
        if (!node.units().isWithin(report.unit(), entry.origin()) || !report.id().equals(entry.entity())) {
            return Verdict.refuse("foreign_node", "矛盾纠纷排查报表 " + report.id() + " 只能由 " + unitName(report.unit())
                    + " 或其上级的节点修改 / only " + report.unit() + "'s node or one above it changes its report, not "
                    + entry.origin());
        }
        if (!node.units().competent(report.unit())) {
            return Verdict.refuse("not_authorized", "只有区级部门和乡镇（街道）报送矛盾纠纷排查报表 / only departments and"
                    + " townships file screening reports");
        }
        return Verdict.APPLY;
    }

    /** Null when the table allows the event on this state, else why not. */
    private String allowed(CaseState s, NewEvent e) {
        try {
            Authority.check(s, e, node.units());
            return null;
        } catch (IllegalTransitionException | ForbiddenActionException | ValidationException refused) {
            return refused.getMessage();
        }
    }

    /** Whether the case was registered in the child's subtree or sent down into it. */
    private boolean belongsTo(CaseState s, String child) {
        if (node.units().isWithin(s.registeredBy(), child) || node.units().isWithin(s.owner(), child)) {
            return true;
        }
        return s.unitsAssigned().stream().anyMatch(u -> node.units().isWithin(u, child));
    }

    /**
     * 签收: a copy that brings an assignment to this node's unit is received on arrival. The assignee's
     * 15 days to decide on acceptance and 5 working days to object run from here (R2022 Art. 23).
     */
    @Override
    public java.util.Optional<NewEvent> onCopy(Petition p) {
        String here = node.info().unit().code();
        CaseState s = CaseState.of(p);
        if (!s.awaitingReceipt() || !here.equals(s.owner())) {
            return java.util.Optional.empty();
        }
        return systemStep(EventType.RECEIVED, s, here);
    }

    /** A step the node itself records (系统) at this unit, if the authority table allows it on the case now. */
    private java.util.Optional<NewEvent> systemStep(EventType type, CaseState s, String here) {
        NewEvent step = new NewEvent(type, org.xinfang.petition.Person.SYSTEM, here, self(), java.time.Instant.now(),
                org.xinfang.petition.Attributes.builder().build(), null);
        try {
            Authority.check(s, step, node.units());
        } catch (RuntimeException notNow) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(step);
    }

    /**
     * The report of a major matter reached this level: its node records the arrival at once, so the record
     * shows when each level learnt of it (R2022 Art. 25, 46: 缓报).
     */
    @Override
    public java.util.Optional<NewEvent> onApplied(Petition p) {
        String here = node.info().unit().code();
        CaseState s = CaseState.of(p);
        if (s.major() == null || s.majorReceivedBy().contains(here) || !node.units().isBelow(s.major().unit(), here)) {
            return java.util.Optional.empty();
        }
        return systemStep(EventType.MAJOR_RECEIVED, s, here);
    }

    @Override
    public Set<String> holders(Petition p) {
        return Holders.of(CaseState.of(p), node.info().unit().code(), node.units());
    }

    @Override
    public String nextHop(String recipient) {
        String here = node.info().unit().code();
        if (recipient.equals(self()) || recipient.equals(here) || !node.units().isWithin(recipient, here)) {
            return null;
        }
        return node.units().childCodeToward(here, recipient).orElse(null);
    }
}
