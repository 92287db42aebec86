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
import org.xinfang.sync.SyncAlarm;
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
            x.put("message", a.message());
            alarms.add(x);
        }
        m.put("alarms", alarms);
        return m;
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
                "unknown_unit", "组织机构中没有单位 " + child + " / no unit " + child + " in the organisation tree"));
        if (!here.equals(unit.parent())) {
            throw new ValidationException("node", "not_a_child",
                    "只能注册直属下级节点 / only a node directly below " + here + " can be registered here");
        }
        if (secret != null && secret.strip().length() < 32) {
            throw new ValidationException("secret", "too_short", "密钥至少32个字符 / at least 32 characters");
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
