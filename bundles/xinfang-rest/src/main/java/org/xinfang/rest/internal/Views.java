package org.xinfang.rest.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xinfang.node.NodeInfo;
import org.xinfang.node.NodeService;
import org.xinfang.node.Unit;
import org.xinfang.petition.Event;
import org.xinfang.petition.Petition;
import org.xinfang.petition.PetitionSummary;
import org.xinfang.petition.PublicProgress;
import org.xinfang.petition.Petitioner;

/**
 * JSON shapes of the API. Field names are a contract with clients: add, never rename. Dates are ISO
 * strings; enum values come with their Chinese label beside them.
 */
public final class Views {
    private final NodeService node;

    public Views(NodeService node) {
        this.node = node;
    }

    private String unitName(String code) {
        return node.units().get(code).map(Unit::name).orElse(code);
    }

    /** A petition for the staff who handle it: full personal data and the whole timeline. */
    Map<String, Object> petition(Petition p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("trackingCode", p.trackingCode());
        m.put("kind", p.kind().name());
        m.put("kindLabel", p.kind().label());
        m.put("channel", p.channel().name());
        m.put("channelLabel", p.channel().label());
        m.put("subject", p.subject());
        m.put("content", p.content());
        m.put("category", p.category());
        m.put("location", p.location());
        m.put("receivedAt", p.receivedAt().toString());
        m.put("headcount", p.headcount());
        m.put("petitioners", p.petitioners().stream().map(Petitioner::full).toList());
        m.put("registeredBy", p.registeredBy());
        m.put("registeredByName", unitName(p.registeredBy()));
        m.put("owner", p.owner());
        m.put("ownerName", unitName(p.owner()));
        m.put("status", p.status().name());
        m.put("statusLabel", p.status().label());
        m.put("registeredAt", p.registeredAt().toString());
        m.put("timeline", p.timeline().stream().map(this::event).toList());
        m.put("documents", documents(p));
        m.put("firstContact", firstContact(p));
        return m;
    }

    private static final java.util.Set<String> ROUTED = java.util.Set.of("ASSIGNED", "REDIRECTED", "NOT_ACCEPTED",
            "LINKED", "ACCEPTED");

    /** 首问责任制: who first received the matter, and whether it has been routed since. */
    static Map<String, Object> firstContact(Petition p) {
        Map<String, Object> m = new LinkedHashMap<>();
        Event first = p.timeline().get(0);
        m.put("user", first.actor());
        m.put("unit", first.unit());
        m.put("node", first.node());
        m.put("routed", p.timeline().stream().anyMatch(e -> ROUTED.contains(e.type())));
        return m;
    }

    /** Timeline events whose text is a written document owed to the petitioner or to an organ. */
    private static final Map<String, String> DOCUMENTS = Map.ofEntries(
            Map.entry("LINKED", "重复信访告知书 / notice of a repeat petition"),
            Map.entry("ACCEPTED", "受理告知书 / acceptance notice"),
            Map.entry("NOT_ACCEPTED", "不予受理告知书 / notice of non-acceptance"),
            Map.entry("REDIRECTED", "告知书（其他法定途径） / notice of the competent channel"),
            Map.entry("EXTENDED", "延期告知书 / notice of extension"),
            Map.entry("DECIDED", "信访处理意见书 / written decision"),
            Map.entry("REVIEWED", "复查意见书 / review decision"),
            Map.entry("REREVIEWED", "复核意见书 / re-review decision"),
            Map.entry("MEDIATED", "调解协议 / mediation agreement"),
            Map.entry("SUPERVISED", "督办通知 / supervision notice"),
            Map.entry("SUPERVISION_ANSWERED", "督办答复 / answer to supervision"));

    /** The documents of a case, plain text in Chinese first, in the order they were issued. */
    static List<Map<String, Object>> documents(Petition p) {
        return p.timeline().stream().filter(e -> DOCUMENTS.containsKey(e.type()) && e.note() != null).map(e -> {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("type", e.type());
            d.put("title", DOCUMENTS.get(e.type()));
            d.put("issuedAt", e.at().toString());
            d.put("unit", e.unit());
            d.put("text", e.note());
            return d;
        }).toList();
    }

    /** A clock as the API shows it; {@code due} is the last day allowed. */
    static Map<String, Object> deadline(org.xinfang.rules.Deadline d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("step", d.step().name());
        m.put("stepLabel", d.step().label());
        m.put("start", d.start().toString());
        m.put("due", d.due().toString());
        m.put("dayKind", d.step().dayKind().json());
        m.put("state", d.state().json());
        m.put("daysRemaining", d.daysRemaining());
        m.put("party", d.step().party().name().toLowerCase());
        m.put("extendedDays", d.extendedDays());
        m.put("pausedDays", d.pausedDays());
        m.put("metOn", d.metOn() == null ? null : d.metOn().toString());
        m.put("article", d.step().article());
        return m;
    }

    /** Where a case came from, for cases that travelled to this node. */
    static Map<String, Object> origin(org.xinfang.petition.PetitionStore.Provenance p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("node", p.originNode());
        m.put("seq", p.originSeq());
        m.put("path", p.path());
        return m;
    }

    Map<String, Object> event(Event e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", e.seq());
        m.put("at", e.at().toString());
        m.put("type", e.type());
        m.put("actor", e.actor());
        m.put("unit", e.unit());
        m.put("unitName", unitName(e.unit()));
        m.put("node", e.node());
        m.put("note", e.note());
        return m;
    }

    /** A line of a list: no content, no numbers of any person. */
    Map<String, Object> summary(PetitionSummary s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("trackingCode", s.trackingCode());
        m.put("kind", s.kind().name());
        m.put("kindLabel", s.kind().label());
        m.put("channel", s.channel().name());
        m.put("channelLabel", s.channel().label());
        m.put("subject", s.subject());
        m.put("category", s.category());
        m.put("receivedAt", s.receivedAt().toString());
        m.put("registeredBy", s.registeredBy());
        m.put("owner", s.owner());
        m.put("ownerName", unitName(s.owner()));
        m.put("status", s.status().name());
        m.put("statusLabel", s.status().label());
        m.put("registeredAt", s.registeredAt().toString());
        m.put("firstPetitioner", s.firstPetitioner());
        return m;
    }

    /** Whether this node has units below it to assign cases to. */
    boolean hasUnitsBelow() {
        return !node.units().children(node.info().unit().code()).isEmpty();
    }

    Map<String, Object> node() {
        NodeInfo info = node.info();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nodeId", info.nodeId());
        m.put("tier", info.tier());
        m.put("unit", info.unit().code());
        m.put("unitName", info.unit().name());
        m.put("unitKind", info.unit().kind().name());
        m.put("parent", info.parentUrl());
        m.put("parentUnit", info.unit().parent());
        m.put("version", info.version());
        List<Map<String, Object>> children = node.units().children(info.unit().code()).stream().map(u -> {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("code", u.code());
            c.put("name", u.name());
            c.put("kind", u.kind().name());
            return c;
        }).toList();
        m.put("childUnits", children);
        return m;
    }
}
