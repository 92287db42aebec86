package org.xinfang.sync.agent.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xinfang.node.NodeService;
import org.xinfang.node.Unit;
import org.xinfang.petition.ValidationException;
import org.xinfang.sync.JournalEntry;
import org.xinfang.sync.ChainHead;
import org.xinfang.sync.ChainReport;
import org.xinfang.sync.ConsistencyReport;
import org.xinfang.sync.Receipt;
import org.xinfang.sync.RefusedEntry;
import org.xinfang.sync.SyncAlarm;
import org.xinfang.sync.WitnessCheck;
import org.xinfang.sync.SyncStore;

/** What sync looks like on this node, and registering children: shared by the REST API and the shell. */
public final class SyncStatus {
    private final SyncStore store;
    private final NodeService node;
    private final SyncAgent agent;

    public SyncStatus(SyncStore store, NodeService node, SyncAgent agent) {
        this.store = store;
        this.node = node;
        this.agent = agent;
    }

    /** Backlog, last success, lag, held sequences, children and the newest alarms. */
    public Map<String, Object> view() {
        Map<String, Object> m = new LinkedHashMap<>();
        long now = System.currentTimeMillis();
        m.put("node", node.info().nodeId());
        m.put("nodeName", name(node.info().nodeId()));
        m.put("parent", node.info().parentUrl());
        m.put("configured", agent.configured());
        long last = store.lastPos();
        long acked = agent.ackedPosition();
        m.put("backlog", node.info().parentUrl() == null ? 0 : Math.max(0, last - acked));
        m.put("lastPosition", last);
        m.put("acknowledgedPosition", acked);
        m.put("lastSuccess", agent.lastSuccess() == 0 ? null : Instant.ofEpochMilli(agent.lastSuccess()).toString());
        m.put("lastAttempt", agent.lastAttempt() == 0 ? null : Instant.ofEpochMilli(agent.lastAttempt()).toString());
        m.put("lastError", agent.lastError());
        m.put("failures", agent.failures());
        JournalEntry oldest = node.info().parentUrl() == null ? null : agent.oldestUnacknowledged();
        m.put("lagSeconds", oldest == null ? 0 : Math.max(0, (now - oldest.atMillis()) / 1000));
        m.put("pullCursor", store.state(SyncAgent.PULL_CURSOR).map(Long::parseLong).orElse(0L));
        m.put("held", store.held());
        List<Map<String, Object>> children = new ArrayList<>();
        store.children().forEach((child, seen) -> {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("node", child);
            c.put("name", node.units().get(child).map(Unit::name).orElse(child));
            c.put("lastSeen", seen == 0 ? null : Instant.ofEpochMilli(seen).toString());
            children.add(c);
        });
        m.put("children", children);
        List<Map<String, Object>> alarms = new ArrayList<>();
        for (SyncAlarm a : store.alarms(10)) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("at", Instant.ofEpochMilli(a.atMillis()).toString());
            x.put("kind", a.kind());
            x.put("node", a.node());
            x.put("nodeName", a.node() == null ? null : name(a.node()));
            x.put("raisedAt", a.raisedAt() == null ? node.info().nodeId() : a.raisedAt());
            x.put("raisedAtName", name(a.raisedAt() == null ? node.info().nodeId() : a.raisedAt()));
            x.put("message", a.message());
            x.put("source", a.source());
            x.put("count", a.count());
            x.put("lastAt", Instant.ofEpochMilli(a.lastAtMillis() == 0 ? a.atMillis() : a.lastAtMillis()).toString());
            alarms.add(x);
        }
        m.put("alarms", alarms);
        List<Map<String, Object>> refused = new ArrayList<>();
        for (RefusedEntry r : store.refused(10)) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("origin", r.origin());
            x.put("originName", name(r.origin()));
            x.put("seq", r.seq());
            x.put("caseId", r.caseId());
            x.put("from", r.from());
            x.put("fromName", name(r.from()));
            x.put("kind", r.kind());
            x.put("reason", r.reason());
            x.put("at", Instant.ofEpochMilli(r.atMillis()).toString());
            refused.add(x);
        }
        m.put("refused", refused);
        return m;
    }

    private String name(String nodeOrUnit) {
        return nodeOrUnit == null ? null : node.units().get(nodeOrUnit).map(Unit::name).orElse(nodeOrUnit);
    }

    /**
     * Per chain held here: its head, when it was last witnessed here, the head the network reported for
     * it and how many entries that is ahead ({@code behind}).
     */
    public List<Map<String, Object>> witnessed() {
        long now = System.currentTimeMillis();
        List<Map<String, Object>> list = new ArrayList<>();
        for (ChainHead h : store.heads()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("node", h.origin());
            x.put("name", name(h.origin()));
            x.put("witnessedSeq", h.seq());
            x.put("witnessedHash", h.seq() == 0 ? null : h.hash());
            x.put("witnessedAt", h.advancedAtMillis() == 0 ? null : Instant.ofEpochMilli(h.advancedAtMillis()).toString());
            x.put("ageSeconds", h.advancedAtMillis() == 0 ? null : Math.max(0, (now - h.advancedAtMillis()) / 1000));
            x.put("reportedSeq", h.reportedSeq());
            x.put("reportedAt", h.reportedAtMillis() == 0 ? null : Instant.ofEpochMilli(h.reportedAtMillis()).toString());
            x.put("behind", Math.max(0, h.reportedSeq() - h.seq()));
            list.add(x);
        }
        return list;
    }

    /**
     * Every chain held here re-checked, and this node's own journal against the receipts its parent
     * signed: {@code intact} only when both hold. {@code witness.problems} says where they do not.
     */
    public Map<String, Object> verify() {
        String self = node.info().nodeId();
        List<ChainReport> reports = store.verifyChains();
        Map<String, Object> witness = new LinkedHashMap<>();
        List<Map<String, Object>> problems = new ArrayList<>();
        String pinned = store.state(SyncAgent.PARENT_KEY).orElse(null);
        List<WitnessCheck> checks = store.witnessChecks(self);
        WitnessCheck lastGood = null;
        for (WitnessCheck w : checks) {
            Receipt r = w.receipt();
            String problem = null;
            if (!NodeKey.verifies(r, pinned)) {
                problem = "回执签名无效 / the receipt's signature does not verify";
            } else if (w.journalHash() == null) {
                problem = "上级已见证的第" + r.seq() + "条已不在本节点日志中（日志被截断） / entry " + r.seq()
                        + " that the parent witnessed is gone (the journal was cut short)";
            } else if (!w.journalHash().equals(r.hash())) {
                problem = "第" + r.seq() + "条与上级见证的不同（日志在第" + (lastGood == null ? 1 : lastGood.receipt().seq() + 1)
                        + "条至第" + r.seq() + "条之间被改写） / entry " + r.seq() + " differs from what the parent witnessed:"
                        + " the journal was rewritten between entries " + (lastGood == null ? 1 : lastGood.receipt().seq() + 1)
                        + " and " + r.seq();
            }
            if (problem == null) {
                lastGood = w;
            } else {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("seq", r.seq());
                x.put("witnessedHash", r.hash());
                x.put("journalHash", w.journalHash());
                x.put("witnessedAt", Instant.ofEpochMilli(r.atMillis()).toString());
                x.put("witnessedBy", r.parent());
                x.put("lastMatchingSeq", lastGood == null ? 0 : lastGood.receipt().seq());
                x.put("problem", problem);
                problems.add(x);
            }
        }
        WitnessCheck last = checks.isEmpty() ? null : checks.get(checks.size() - 1);
        witness.put("receipts", checks.size());
        witness.put("parentKey", pinned);
        witness.put("lastWitnessed", last == null ? null : Map.of("seq", last.receipt().seq(), "hash",
                last.receipt().hash(), "at", Instant.ofEpochMilli(last.receipt().atMillis()).toString(), "by",
                last.receipt().parent(), "byName", name(last.receipt().parent())));
        witness.put("intact", problems.isEmpty());
        witness.put("problems", problems);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("intact", problems.isEmpty() && reports.stream().allMatch(ChainReport::intact));
        List<Map<String, Object>> origins = new ArrayList<>();
        for (ChainReport r : reports) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("origin", r.origin());
            x.put("name", name(r.origin()));
            x.put("count", r.count());
            x.put("head", r.head());
            x.put("intact", r.intact());
            x.put("firstBroken", r.firstBroken());
            origins.add(x);
        }
        answer.put("origins", origins);
        answer.put("witness", witness);
        return answer;
    }

    /** Compares this node's copies with its parent's now; then answers as {@link #consistency}. */
    public Map<String, Object> checkConsistency() throws java.io.IOException, InterruptedException {
        if (!agent.configured()) {
            throw new IllegalStateException("本节点没有上级节点可供核对 / this node has no parent to compare with");
        }
        agent.checkConsistency();
        return consistency();
    }

    /**
     * The latest comparison of this node's copies with its parent's and those of every node below it
     * that reached here; {@code differing} lists every case whose copies differ anywhere.
     */
    public Map<String, Object> consistency() {
        String self = node.info().nodeId();
        java.util.TreeSet<String> all = new java.util.TreeSet<>();
        List<Map<String, Object>> nodes = new ArrayList<>();
        Map<String, Object> own = null;
        for (ConsistencyReport r : store.consistencyReports()) {
            all.addAll(r.differing());
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("node", r.node());
            x.put("name", name(r.node()));
            x.put("comparedWith", r.parent());
            x.put("comparedWithName", name(r.parent()));
            x.put("checkedAt", Instant.ofEpochMilli(r.checkedAtMillis()).toString());
            x.put("cases", r.cases());
            x.put("differing", r.differing());
            if (r.node().equals(self)) {
                own = x;
            } else {
                nodes.add(x);
            }
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("node", self);
        answer.put("differing", new ArrayList<>(all));
        answer.put("self", own);
        answer.put("nodes", nodes);
        return answer;
    }

    /**
     * Registers a child node directly below this one and issues its credential (or takes the one
     * given, at least 32 characters). The secret goes into the child's etc/org.xinfang.sync.cfg.
     */
    public Map<String, Object> register(String child, String secret) {
        String here = node.info().unit().code();
        if (child == null || child.isBlank()) {
            throw new ValidationException("node", "required", "请指定下级节点 / the child node is required");
        }
        Unit unit = node.units().get(child.strip()).orElseThrow(() -> new ValidationException("node",
                "unknown_unit", "组织机构中没有这个单位 / no such unit in the organisation tree"));
        if (!here.equals(unit.parent())) {
            throw new ValidationException("node", "not_a_child",
                    "只能注册直属下级节点 / only a node directly below " + here + " can be registered here");
        }
        if (secret != null && secret.strip().length() < 32) {
            throw new ValidationException("secret", "too_short", "密钥至少32个字符 / at least 32 characters");
        }
        if (secret != null && (secret.strip().length() > 200 || !secret.strip().chars().allMatch(c -> c > 0x20 && c < 0x7f))) {
            throw new ValidationException("secret", "invalid_value", "密钥应为至多200个可见 ASCII 字符 / at most 200 printable"
                    + " ASCII characters");
        }
        String issued = secret == null ? Signatures.newSecret() : secret.strip();
        store.registerChild(unit.code(), issued);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("node", unit.code());
        answer.put("name", unit.name());
        answer.put("secret", issued);
        answer.put("registeredAt", Instant.now().toString());
        return answer;
    }

}
