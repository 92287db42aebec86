package org.xinfang.store.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xinfang.petition.Event;
import org.xinfang.petition.NewEvent;
import org.xinfang.petition.Petition;
import org.xinfang.petition.PetitionStore.Conflict;
import org.xinfang.petition.PetitionStore.Tracked;
import org.xinfang.sync.JournalEntry;
import org.xinfang.sync.PushResult;
import org.xinfang.sync.SyncPolicy;
import org.xinfang.sync.SyncPolicy.Verdict;
import org.xinfang.sync.SyncRefusedException;

/**
 * Takes one pushed batch in the caller's transaction. The chains are checked first (a gap, a broken hash
 * or a foreign origin refuses the whole batch, nothing is written). Then every entry is kept, and each
 * change it carries is applied only if the node's {@link SyncPolicy} allows it against the node's own
 * copy; what is refused is recorded and answered as the verdict says. Writers take their locks in one
 * order everywhere: the cases' rows, this node's own journal, the outbox, the children's queues.
 */
final class Receiver {
    private static final Logger LOG = LoggerFactory.getLogger(Receiver.class);
    /** Event times more than this far ahead of this node's clock are refused. */
    static final long MAX_FUTURE_MILLIS = 5 * 60 * 1000L;

    private final Connection c;
    private final String from;
    private final SyncPolicy policy;
    private final String self;
    private final org.xinfang.attachment.AttachmentLimits attachmentLimits;

    /** This node's copies of the cases the batch touches, as changed so far, with their digests. */
    private final Map<String, Tracked> copies = new HashMap<>();
    private final Map<String, String> digests = new HashMap<>();
    /** Cases the batch changed: the children holding a copy get them. */
    private final Set<String> changed = new LinkedHashSet<>();
    /** Cases the sending child must get back: a step of its own landed elsewhere, or was refused. */
    private final Set<String> backToSender = new LinkedHashSet<>();
    /** Conflict notices for the sending child, per case. */
    private final Map<String, List<Conflict>> notices = new LinkedHashMap<>();
    /** Alarms to journal upward: kind, about which node, message. */
    private final List<String[]> alarms = new ArrayList<>();
    private int refusedCount;

    Receiver(Connection c, String from, SyncPolicy policy) {
        this(c, from, policy, org.xinfang.attachment.AttachmentLimits.DEFAULT);
    }

    Receiver(Connection c, String from, SyncPolicy policy, org.xinfang.attachment.AttachmentLimits attachmentLimits) {
        this.attachmentLimits = attachmentLimits;
        this.c = c;
        this.from = from;
        this.policy = policy;
        this.self = policy.self();
    }

    private record OriginSeq(String origin, long seq) {
    }

    /** An entry that continues its chain, decoded. */
    private record Accepted(JournalEntry entry, Object change, String unreadable) {
    }

    PushResult run(List<JournalEntry> entries) throws SQLException {
        Map<String, Long> held = new HashMap<>();
        Map<String, String> lastHash = new HashMap<>();
        Map<OriginSeq, String> taken = new HashMap<>();
        List<Accepted> accepted = new ArrayList<>();
        Set<String> advanced = new LinkedHashSet<>();
        int duplicates = 0;
        for (JournalEntry e : entries) {
            if (!policy.originAllowed(from, e.origin())) {
                throw new SyncRefusedException(403, "foreign_origin", e.origin(), 0,
                        "node " + from + " may not send entries of " + e.origin());
            }
            if (!held.containsKey(e.origin())) {
                Journal.Head head = Journal.head(c, e.origin());
                held.put(e.origin(), head.seq());
                lastHash.put(e.origin(), head.hash());
            }
            long have = held.get(e.origin());
            if (e.seq() <= have) {
                OriginSeq key = new OriginSeq(e.origin(), e.seq());
                String stored = taken.containsKey(key) ? taken.get(key) : Journal.hashOf(c, e.origin(), e.seq());
                if (!e.hash().equals(stored)) {
                    throw new SyncRefusedException(409, "conflict", e.origin(), have + 1, "entry "
                            + e.origin() + "#" + e.seq() + " differs from the one already held");
                }
                duplicates++;
                continue;
            }
            if (e.seq() != have + 1) {
                throw new SyncRefusedException(409, "gap", e.origin(), have + 1, "entry " + e.origin()
                        + "#" + e.seq() + " skips sequence; expected " + (have + 1));
            }
            if (!e.prevHash().equals(lastHash.get(e.origin())) || !e.hashIsValid()) {
                throw new SyncRefusedException(409, "broken_chain", e.origin(), have + 1, "entry "
                        + e.origin() + "#" + e.seq() + " does not continue the hash chain");
            }
            accepted.add(decode(e.via(self)));
            held.put(e.origin(), e.seq());
            lastHash.put(e.origin(), e.hash());
            taken.put(new OriginSeq(e.origin(), e.seq()), e.hash());
            advanced.add(e.origin());
        }
        if (accepted.isEmpty()) {
            return new PushResult(held, 0, duplicates, 0);
        }
        lockCases(accepted);
        try (RowWriter rows = new RowWriter(c, CaseCount.child(from))) {
            Set<String> newIds = new HashSet<>();
            Set<String> newCodes = new HashSet<>();
            List<String> ids = new ArrayList<>();
            List<String> codes = new ArrayList<>();
            for (Accepted a : accepted) {
                if (a.change() instanceof PetitionJson.Snapshot s) {
                    ids.add(s.petition().id());
                    codes.add(s.petition().trackingCode());
                }
            }
            Set<String> knownIds = JdbcPetitionStore.stored(c, ids);
            Set<String> knownCodes = JdbcPetitionStore.stored(c, "tracking_code", codes);
            for (Accepted a : accepted) {
                JournalEntry e = a.entry();
                if (a.unreadable() != null) {
                    refuse(e, null, Verdict.refuse("unreadable", "无法读取的同步条目 / the entry cannot be read: "
                            + a.unreadable()));
                } else if (a.change() instanceof PetitionJson.Snapshot s && "PETITION_REGISTERED".equals(e.type())) {
                    Petition p = s.petition();
                    if (knownIds.contains(p.id()) || !newIds.add(p.id())) {
                        refuse(e, p.id(), Verdict.refuse("duplicate_case", "编号为 " + p.id()
                                + " 的信访事项已存在，不能再次登记 / case " + p.id() + " exists already"));
                    } else if (knownCodes.contains(p.trackingCode()) || !newCodes.add(p.trackingCode())) {
                        newIds.remove(p.id());
                        refuse(e, p.id(), Verdict.refuse("duplicate_tracking_code", "查询码已被其他信访事项使用 / the"
                                + " tracking code of " + p.id() + " belongs to another case"));
                    } else {
                        Verdict v = policy.registration(from, e, p);
                        if (v.apply()) {
                            rows.newCase(p, s.verificationHash(), e.origin(), e.seq(), String.join(Journal.PATH_SEPARATOR,
                                    e.path()));
                            copies.put(p.id(), new Tracked(p, s.verificationHash()));
                            digests.put(p.id(), org.xinfang.petition.TimelineDigest.of(p.timeline()));
                        } else {
                            newIds.remove(p.id());
                            refuse(e, p.id(), v);
                        }
                    }
                } else if (a.change() instanceof PetitionJson.Step step) {
                    rows.flush(); // a case registered earlier in this batch must be in its table first
                    applyStep(e, step);
                } else if (a.change() instanceof org.xinfang.reception.ReceptionDay day) {
                    // a unit's reception rota (领导接访日): kept whole, the newest version wins
                    Verdict v = policy.receptionDay(from, e, day);
                    if (v.apply()) {
                        JdbcReceptionStore.receive(c, day);
                    } else {
                        refuse(e, null, v);
                    }
                } else if (a.change() instanceof org.xinfang.screening.ScreeningReport report) {
                    // a unit's monthly screening report (矛盾纠纷排查): kept whole, the newest version wins
                    Verdict v = policy.screeningReport(from, e, report);
                    if (v.apply()) {
                        JdbcScreeningStore.receive(c, report);
                    } else {
                        refuse(e, null, v);
                    }
                } else if (a.change() instanceof org.xinfang.attachment.Attachment attachment) {
                    // the fact of a scan or photo; its bytes follow in pieces (docs/attachments.md)
                    rows.flush(); // a case registered earlier in this batch must be in its table first
                    applyAttachment(e, attachment);
                } else if (a.change() instanceof org.xinfang.petition.PersonalRead read) {
                    // a read of personal data below: kept here as recorded there, for the reads of a case and a person
                    rows.flush(); // a case registered earlier in this batch must be in its table first
                    if (!read.node().equals(e.origin())) {
                        refuse(e, read.caseId(), Verdict.refuse("not_own_read", "只能记录本节点人员的查阅 / a node records"
                                + " the reads of its own staff only"));
                    } else if (!JdbcPersonalReads.receive(c, read)) {
                        refuse(e, read.caseId(), Verdict.refuse("unknown_case", "本级没有编号为 " + read.caseId()
                                + " 的信访事项 / no case " + read.caseId() + " here"));
                    }
                } else if (a.change() instanceof String[] alarm) {
                    // an alarm raised below, travelling up: kept here as it was raised there
                    JdbcSyncStore.insertAlarm(c, alarm[0], alarm[1], alarm[2], e.origin(), e.atMillis());
                } else {
                    LOG.warn("journal entry type {} is not known here; kept and relayed, not applied", e.type());
                }
            }
            rows.flush();
            journalAlarms();
            Map<String, NewEvent> own = new java.util.TreeMap<>();
            for (String id : changed) {
                policy.onApplied(copy(id).petition()).ifPresent(ev -> own.put(id, ev));
            }
            if (!own.isEmpty()) {
                // this node's own chain before the outbox: the order every writer takes them in
                Sql.increment(c, "journal:" + self, 0);
            }
            long pos = Journal.reserve(c, accepted.size());
            for (Accepted a : accepted) {
                rows.journal(a.entry(), pos++);
            }
            rows.flush();
            for (Map.Entry<String, NewEvent> step : own.entrySet()) {
                // after the relayed entries, so the level above gets the child's step first
                Tracked t = copy(step.getKey());
                Petition after = JdbcPetitionStore.appendLocked(c, t, step.getValue(), List.of());
                copies.put(after.id(), new Tracked(after, t.verificationHash()));
                backToSender.add(after.id());
                LOG.info("case {}: {} recorded on arrival", after.id(), step.getValue().type());
            }
        }
        for (String origin : advanced) {
            Journal.advance(c, origin, held.get(origin), lastHash.get(origin));
        }
        sendCopies();
        return new PushResult(held, accepted.size() - refusedCount, duplicates, refusedCount);
    }

    private Accepted decode(JournalEntry e) {
        try {
            Object change = switch (e.type()) {
                case "PETITION_REGISTERED" -> PetitionJson.read(e.payload(), (id, seq) -> Journal.eventId(e.origin(), e.seq()));
                case "CASE_EVENT" -> PetitionJson.readStep(e.payload());
                case "CASE_UPDATED" -> legacyStep(e);
                case "SYNC_ALARM" -> JdbcSyncStore.readAlarm(e.payload());
                case ReceptionJson.ENTRY_TYPE -> ReceptionJson.read(e.payload());
                case ScreeningJson.ENTRY_TYPE -> ScreeningJson.read(e.payload());
                case AttachmentJson.ENTRY_TYPE -> AttachmentJson.read(e.payload());
                case JdbcPersonalReads.ENTRY_TYPE -> JdbcPersonalReads.read(e.payload());
                default -> null;
            };
            return new Accepted(e, change, null);
        } catch (IllegalArgumentException unreadable) {
            return new Accepted(e, null, unreadable.getMessage());
        }
    }

    /**
     * A change journalled by a node before schema 8 carried the whole case after one new event: that
     * event (the last) is the step, checked on the version before it. Nothing else of it is taken.
     */
    private static PetitionJson.Step legacyStep(JournalEntry e) {
        String id = e.entity();
        PetitionJson.Snapshot s = PetitionJson.read(e.payload(), LegacyEvents::id);
        List<Event> timeline = s.petition().timeline();
        if (timeline.isEmpty()) {
            throw new IllegalArgumentException("a case without events");
        }
        Event last = timeline.get(timeline.size() - 1);
        return new PetitionJson.Step(s.petition().id(), last.seq() - 1, null, last.content(), last.id());
    }

    /** Takes the row locks of the stored cases the batch's steps concern, in one order (no deadlock). */
    private void lockCases(List<Accepted> accepted) throws SQLException {
        Set<String> ids = new TreeSet<>();
        for (Accepted a : accepted) {
            if (a.change() instanceof PetitionJson.Step step) {
                ids.add(step.caseId());
            }
        }
        for (String id : ids) {
            JdbcPetitionStore.lock(c, id);
        }
    }

    private Tracked copy(String id) throws SQLException {
        Tracked t = copies.get(id);
        if (t == null) {
            t = JdbcPetitionStore.load(c, "id", id).orElse(null);
            if (t != null) {
                copies.put(id, t);
                digests.put(id, JdbcPetitionStore.digest(c, id));
            }
        }
        return t;
    }

    private void applyStep(JournalEntry e, PetitionJson.Step step) throws SQLException {
        Tracked current = copy(step.caseId());
        if (current == null) {
            refuse(e, step.caseId(), Verdict.refuse("unknown_case", "本级没有编号为 " + step.caseId()
                    + " 的信访事项 / no case " + step.caseId() + " here"));
            return;
        }
        NewEvent event = step.event();
        if (event.at().toEpochMilli() > System.currentTimeMillis() + MAX_FUTURE_MILLIS) {
            refuse(e, step.caseId(), Verdict.refuse("future_time", "事件时间晚于本级时间 / the event is dated in the future"));
            return;
        }
        Petition p = current.petition();
        Verdict v = policy.event(from, e, p, step.basedOn(), step.basedOnDigest(), event);
        if (!v.apply()) {
            refuse(e, step.caseId(), v);
            if (v.copyBack()) {
                notices.computeIfAbsent(step.caseId(), k -> new ArrayList<>()).add(new Conflict(
                        Journal.eventId(e.origin(), e.seq()), step.caseId(), event.type(), event.actor(), event.unit(),
                        event.at(), self, v.reason(), Instant.now()));
                backToSender.add(step.caseId());
            }
            return;
        }
        // the event's identity is its journal entry's: no child chooses it
        Event recorded = event.recorded(p.version() + 1, step.eventId() != null ? step.eventId()
                : Journal.eventId(e.origin(), e.seq()));
        Petition after = JdbcPetitionStore.appendEvent(c, p, digests.get(p.id()), recorded);
        digests.put(p.id(), org.xinfang.petition.TimelineDigest.next(digests.get(p.id()), recorded.id()));
        copies.put(p.id(), new Tracked(after, current.verificationHash()));
        changed.add(p.id());
        if (step.basedOn() != p.version()) {
            backToSender.add(p.id()); // it landed at another position than the child has it
        }
    }

    private void applyAttachment(JournalEntry e, org.xinfang.attachment.Attachment a) throws SQLException {
        Tracked current = copy(a.caseId());
        if (current == null) {
            refuse(e, a.caseId(), Verdict.refuse("unknown_case", "本级没有编号为 " + a.caseId()
                    + " 的信访事项 / no case " + a.caseId() + " here"));
            return;
        }
        Verdict v = policy.attachment(from, e, current.petition(), a);
        if (!v.apply()) {
            refuse(e, a.caseId(), v);
            return;
        }
        String over = JdbcAttachmentStore.receive(c, a, e.origin(), e.seq(), attachmentLimits);
        if (over != null) {
            refuse(e, a.caseId(), Verdict.refuse("attachment_limit", over));
        }
    }

    private void refuse(JournalEntry e, String caseId, Verdict v) throws SQLException {
        refusedCount++;
        String reason = v.reason() == null ? v.kind() : v.reason();
        LOG.warn("entry {}#{} from {} not applied ({}): {}", e.origin(), e.seq(), from, v.kind(), reason);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO xf_refused_entry (origin, origin_seq, petition_id,"
                + " from_node, kind, reason, at_millis) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, e.origin());
            ps.setLong(2, e.seq());
            Sql.setNullable(ps, 3, caseId);
            ps.setString(4, from);
            ps.setString(5, v.kind());
            ps.setString(6, reason.length() > 1000 ? reason.substring(0, 1000) : reason);
            ps.setLong(7, System.currentTimeMillis());
            ps.executeUpdate();
        }
        if (v.alarm()) {
            alarms.add(new String[] {"refused_entry", e.origin(), "未采纳 " + e.origin() + "#" + e.seq() + "（经 " + from
                    + "，" + v.kind() + (caseId == null ? "" : "，案件 " + caseId) + "）：" + reason});
        }
    }

    private void journalAlarms() throws SQLException {
        for (String[] a : alarms) {
            JdbcSyncStore.raiseUpward(c, self, a[0], a[1], a[2]);
        }
    }

    /** Sends every case the batch changed to the children holding a copy, and notices to the sender. */
    private void sendCopies() throws SQLException {
        long now = System.currentTimeMillis();
        for (String id : changed) {
            Tracked t = copy(id);
            Collection<String> holders = new LinkedHashSet<>(policy.holders(t.petition()));
            holders.remove(from);
            Downbox.sendCopies(c, t.petition(), t.verificationHash(), List.of(), holders, now);
        }
        for (String id : backToSender) {
            Tracked t = copy(id);
            Downbox.sendCopies(c, t.petition(), t.verificationHash(), notices.getOrDefault(id, List.of()),
                    List.of(from), now);
        }
    }
}
