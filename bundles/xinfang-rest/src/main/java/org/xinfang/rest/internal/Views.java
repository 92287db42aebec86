package org.xinfang.rest.internal;

import static org.xinfang.petition.StaffRoles.ADMIN;
import static org.xinfang.petition.StaffRoles.DISCIPLINE;
import static org.xinfang.petition.StaffRoles.HEAD;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xinfang.node.NodeInfo;
import org.xinfang.node.NodeService;
import org.xinfang.node.Unit;
import org.xinfang.petition.Attr;
import org.xinfang.petition.Documents;
import org.xinfang.petition.Event;
import org.xinfang.petition.EventType;
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
    private final java.util.Set<String> accusationRoles;

    public Views(NodeService node) {
        this(node, DISCIPLINE);
    }

    /**
     * @param accusationRoles the roles, comma-separated, that read the material of a 检举控告 at this node
     *     (R2022 Art. 30; {@link org.xinfang.petition.Disclosure})
     */
    public Views(NodeService node, String accusationRoles) {
        this.node = node;
        this.accusationRoles = java.util.Arrays.stream(accusationRoles == null ? new String[0] : accusationRoles.split(","))
                .map(String::strip).filter(r -> !r.isEmpty()).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** Who may read what here: the roles that work with personal data, those that read accusations, the tree. */
    org.xinfang.petition.Disclosure.Policy disclosure() {
        return new org.xinfang.petition.Disclosure.Policy(org.xinfang.rest.support.Roles.PERSONAL_DATA, accusationRoles,
                node.units());
    }

    /** The caller as the disclosure rules see them: person, every role they hold that the rules name, the unit. */
    org.xinfang.petition.Disclosure.Reader reader(javax.ws.rs.core.SecurityContext security) {
        java.util.Set<String> roles = new java.util.HashSet<>(org.xinfang.rest.support.Roles.of(security));
        for (String r : accusationRoles) {
            if (security.isUserInRole(r)) {
                roles.add(r);
            }
        }
        return new org.xinfang.petition.Disclosure.Reader(person(security.getUserPrincipal().getName()), roles,
                node.info().unit().code());
    }

    /** Whether the caller holds a role that reads accusations or audits reads (admin, head, the accusation roles). */
    boolean auditsReads(javax.ws.rs.core.SecurityContext security) {
        if (security.isUserInRole(ADMIN) || security.isUserInRole(HEAD)) {
            return true;
        }
        return accusationRoles.stream().anyMatch(security::isUserInRole);
    }

    /** A unit's name: people read names, not codes. */
    String unitName(String code) {
        return code == null ? null : node.units().get(code).map(Unit::name).orElse(code);
    }

    /** The units documents name: by name, and the unit above each (where a review is asked for). */
    org.xinfang.petition.OfficialDocument.Units units() {
        return new org.xinfang.petition.OfficialDocument.Units() {
            @Override
            public String name(String code) {
                return unitName(code);
            }

            @Override
            public String parent(String code) {
                return node.units().get(code).map(Unit::parent).orElse(null);
            }
        };
    }

    /** A numbered document in a list: what it is, its 文号, who issued and signed it, where to print it. */
    Map<String, Object> document(org.xinfang.petition.OfficialDocument d, String href) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", d.type().name());
        m.put("title", d.title());
        m.put("number", d.number());
        m.put("issuedAt", d.issuedAt().toString());
        m.put("issuedOn", d.issuedOn().toString());
        m.put("issuedBy", d.issuer());
        m.put("signer", d.signer());
        m.put("addressee", d.addressee());
        m.put("event", d.event());
        m.put("eventId", d.eventId());
        m.put("toPetitioner", d.type().toPetitioner());
        m.put("href", href);
        m.put("publicHref", d.type().toPetitioner() ? href + "?copy=public" : null);
        return m;
    }

    /**
     * A printable page: HTML as UTF-8, never sniffed, under the web application's CSP (no script; the style
     * is the stylesheet it links), not cached (it holds personal data), with its SHA-256.
     */
    static javax.ws.rs.core.Response page(byte[] html) {
        String sha256;
        try {
            sha256 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(html));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
        return javax.ws.rs.core.Response.ok(html, "text/html; charset=UTF-8")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; "
                        + "script-src 'none'; connect-src 'none'; frame-ancestors 'none'; form-action 'none'; base-uri 'none'")
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-store")
                .header("X-Content-SHA256", sha256)
                .build();
    }

    /** The person behind a login, as the staff list names them. */
    org.xinfang.petition.Person person(String login) {
        return node.person(login);
    }

    /** Who calls: the person behind the login and the staff roles the realm gives them. */
    org.xinfang.petition.Actor actor(javax.ws.rs.core.SecurityContext security) {
        return new org.xinfang.petition.Actor(person(security.getUserPrincipal().getName()),
                org.xinfang.rest.support.Roles.of(security));
    }

    /**
     * The petitioners as staff see them: ID number and phone in full with {@code personalData}, else masked
     * ({@code masked: true}); gender (code and Chinese name) and work unit when recorded.
     */
    static List<Map<String, Object>> petitioners(List<Petitioner> people, boolean personalData) {
        return people.stream().map(person -> {
            org.xinfang.petition.PersonView v = personalData ? person.full() : person.masked();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", v.name());
            m.put("idNumber", v.idNumber());
            m.put("phone", v.phone());
            m.put("address", v.address());
            m.put("gender", v.gender() == null ? null : v.gender().name());
            m.put("genderLabel", v.gender() == null ? null : v.gender().label());
            m.put("workUnit", v.workUnit());
            m.put("masked", v.masked());
            return m;
        }).toList();
    }

    /**
     * A petition for staff: the whole timeline; the petitioners' ID numbers, phones and addresses masked unless
     * {@code full} (a reader allowed to asked for them: {@link org.xinfang.petition.Disclosure}). A 检举控告 the reader
     * may not read ({@code sealed}) shows no subject, content, accuser, documents or free text of its steps.
     */
    Map<String, Object> petition(Petition p, boolean full, boolean sealed) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("trackingCode", p.trackingCode());
        m.put("kind", p.kind().name());
        m.put("kindLabel", p.kind().label());
        m.put("channel", p.channel().name());
        m.put("channelLabel", p.channel().label());
        m.put("subject", sealed ? org.xinfang.petition.Disclosure.SEALED_SUBJECT : p.subject());
        m.put("content", sealed ? null : p.content());
        m.put("category", p.category());
        m.put("location", p.location());
        // people read the name of the division, not its code (the tree's divisions; a code from elsewhere stays a code)
        m.put("locationName", p.location() == null ? null : node.units().divisions().get(p.location()));
        m.put("receivedAt", p.receivedAt().toString());
        m.put("headcount", p.headcount());
        m.put("petitioners", sealed ? List.of() : petitioners(p.petitioners(), full));
        m.put("petitionerCount", p.petitioners().size());
        m.put("sealed", sealed);
        m.put("sealedReason", sealed ? org.xinfang.petition.Disclosure.SEALED_REASON : null);
        m.put("registeredBy", p.registeredBy());
        m.put("registeredByName", unitName(p.registeredBy()));
        m.put("owner", p.owner());
        m.put("ownerName", unitName(p.owner()));
        m.put("status", p.status().name());
        m.put("statusLabel", p.status().label());
        m.put("registeredAt", p.registeredAt().toString());
        m.put("version", p.version());
        m.put("timeline", p.timeline().stream().map(e -> sealed ? sealedEvent(e) : event(e)).toList());
        m.put("documents", sealed ? List.of() : documents(p));
        m.put("firstContact", firstContact(p));
        String accused = org.xinfang.petition.Disclosure.accusedUnit(p);
        if (accused != null && !sealed) {
            m.put("accusedUnit", accused);
            m.put("accusedUnitName", unitName(accused));
            m.put("accusedPerson", org.xinfang.petition.Disclosure.accusedPerson(p));
        }
        return m;
    }

    /** Free-text facts that say where a record came from, not what it says: shown on a sealed case too. */
    private static final java.util.Set<Attr<?>> PROVENANCE = java.util.Set.of(Attr.IMPORTED_FROM, Attr.SOURCE_NUMBER,
            Attr.RECEPTION_LEADER);

    /**
     * A step of a sealed 检举控告: who, when, what kind of step, its codes and dates and where it came from (an
     * import's source and number, the receiving leader); no free text of the matter, not whom it accuses.
     */
    private Map<String, Object> sealedEvent(Event e) {
        Map<String, Object> m = event(e);
        Map<String, Object> attrs = new LinkedHashMap<>();
        for (Attr<?> a : e.attrs().keys()) {
            if ((a.kind() != Attr.Kind.TEXT || PROVENANCE.contains(a)) && a != Attr.ACCUSED_UNIT) {
                attrs.put(a.name(), e.attrs().toWire().get(a.name()));
            }
        }
        m.put("attrs", attrs);
        m.put("note", null);
        return m;
    }

    /**
     * A conflict notice: a step of this node that the owner of the stage above did not take; {@code mine}
     * when the person reading it took the step.
     */
    Map<String, Object> conflict(org.xinfang.petition.PetitionStore.Conflict k, String reader) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mine", k.actor().login().equals(reader));
        m.put("eventId", k.eventId());
        m.put("caseId", k.caseId());
        m.put("type", k.type().name());
        m.put("typeLabel", k.type().label());
        m.put("actorName", k.actor().display());
        m.put("unit", k.unit());
        m.put("unitName", unitName(k.unit()));
        m.put("at", k.at().toString());
        m.put("refusedBy", k.refusedBy());
        m.put("refusedByName", unitName(k.refusedBy()));
        m.put("reason", k.reason());
        m.put("noticedAt", k.noticedAt().toString());
        return m;
    }

    private static final java.util.Set<EventType> ROUTED = java.util.EnumSet.of(EventType.ASSIGNED,
            EventType.REDIRECTED, EventType.NOT_ACCEPTED, EventType.LINKED, EventType.ACCEPTED);

    /** 首问责任制: who first received the matter (by name), and whether it has been routed since. */
    Map<String, Object> firstContact(Petition p) {
        Map<String, Object> m = new LinkedHashMap<>();
        Event first = p.timeline().get(0);
        m.put("user", first.actor().login());
        m.put("name", first.actor().display());
        m.put("unit", first.unit());
        m.put("unitName", unitName(first.unit()));
        m.put("node", first.node());
        m.put("routed", p.timeline().stream().anyMatch(e -> ROUTED.contains(e.type())));
        return m;
    }

    /**
     * The documents of a case, in the order they were issued: made from the typed facts of the events
     * that issue them, in Chinese, with who signed them off.
     */
    List<Map<String, Object>> documents(Petition p) {
        List<Map<String, Object>> list = new java.util.ArrayList<>();
        Map<EventType, Map<String, Object>> latest = new java.util.EnumMap<>(EventType.class);
        for (Event e : p.timeline()) {
            if (e.type() == EventType.DELIVERED && e.attrs().has(Attr.DOCUMENT)
                    && latest.containsKey(e.attrs().get(Attr.DOCUMENT))) {
                // R2022 Art. 35, 36 count from receipt: the delivery goes beside the document
                Map<String, Object> d = latest.get(e.attrs().get(Attr.DOCUMENT));
                d.put("deliveredOn", String.valueOf(e.attrs().get(Attr.DELIVERED_ON)));
                d.put("deliveryWay", e.attrs().get(Attr.WAY).name());
                d.put("deliveryWayLabel", e.attrs().get(Attr.WAY).label());
                continue;
            }
            String text = Documents.forStaff(e, p.kind(), this::unitName);
            if (text == null) {
                continue;
            }
            Map<String, Object> d = new LinkedHashMap<>();
            if (Documents.owedToPetitioner(e.type())) {
                d.put("owedToPetitioner", true);
                d.put("deliveredOn", null);
                latest.put(e.type(), d);
            }
            d.put("type", e.type().name());
            d.put("title", Documents.title(e.type()));
            d.put("issuedAt", e.at().toString());
            d.put("unit", e.unit());
            d.put("unitName", unitName(e.unit()));
            d.put("signedBy", e.type().isOpinion() || e.type() == EventType.EXTENDED ? e.actor().display() : null);
            d.put("text", text);
            list.add(d);
        }
        return list;
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
        m.put("provisional", d.provisional());
        return m;
    }

    /** Where a case came from, for cases that travelled to this node; nodes also by name. */
    Map<String, Object> origin(org.xinfang.petition.PetitionStore.Provenance p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("node", p.originNode());
        m.put("nodeName", unitName(p.originNode()));
        m.put("seq", p.originSeq());
        m.put("path", p.path());
        m.put("pathNames", p.path().stream().map(this::unitName).toList());
        return m;
    }

    /**
     * An event: its identity, type, the person (name and title; the login only for the audit), unit and
     * node by name, its typed facts ({@code attrs}) and what the person wrote ({@code note}).
     */
    Map<String, Object> event(Event e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", e.seq());
        m.put("id", e.id());
        m.put("at", e.at().toString());
        m.put("type", e.type().name());
        m.put("typeLabel", e.type().label());
        m.put("actor", e.actor().login());
        m.put("actorName", e.actor().name());
        m.put("actorTitle", e.actor().title());
        m.put("actorDisplay", e.actor().display());
        m.put("unit", e.unit());
        m.put("unitName", unitName(e.unit()));
        m.put("node", e.node());
        m.put("nodeName", unitName(e.node()));
        m.put("attrs", e.attrs().toWire());
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
        m.put("subject", org.xinfang.petition.Disclosure.listSubject(s.kind(), s.subject()));
        m.put("category", s.category());
        m.put("receivedAt", s.receivedAt().toString());
        m.put("registeredBy", s.registeredBy());
        m.put("registeredByName", unitName(s.registeredBy()));
        m.put("owner", s.owner());
        m.put("ownerName", unitName(s.owner()));
        m.put("status", s.status().name());
        m.put("statusLabel", s.status().label());
        m.put("registeredAt", s.registeredAt().toString());
        // a 检举控告 never names its accuser in a list
        m.put("firstPetitioner", org.xinfang.petition.Disclosure.sealed(s.kind()) ? null : s.firstPetitioner());
        return m;
    }

    /** This node's id in the network. */
    String nodeId() {
        return node.info().nodeId();
    }

    /** A {@code limit} parameter: a whole number from 1 to {@code max}; absent, {@code max}. */
    static int limit(String raw, int max) {
        if (raw == null || raw.isBlank()) {
            return max;
        }
        if (!raw.strip().matches("[0-9]{1,6}") || Integer.parseInt(raw.strip()) < 1 || Integer.parseInt(raw.strip()) > max) {
            throw new org.xinfang.petition.ValidationException("limit", "out_of_range",
                    "应为 1 到 " + max + " 之间的整数 / must be a whole number from 1 to " + max);
        }
        return Integer.parseInt(raw.strip());
    }

    /** A recorded read of personal data: who by name and title, where, when, which fields (Chinese first). */
    Map<String, Object> read(org.xinfang.petition.PersonalRead r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("caseId", r.caseId());
        m.put("reader", r.reader().display());
        m.put("readerName", r.reader().name());
        m.put("readerTitle", r.reader().title());
        m.put("unit", r.unit());
        m.put("unitName", unitName(r.unit()));
        m.put("node", r.node());
        m.put("nodeName", unitName(r.node()));
        m.put("at", r.at().toString());
        m.put("fields", r.fields().stream().map(org.xinfang.petition.PersonalField::json).toList());
        m.put("fieldLabels", r.fields().stream().map(org.xinfang.petition.PersonalField::label).toList());
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
        // where this node may assign a case: the competent organs anywhere below it (a city's lie below its districts)
        String here = info.unit().code();
        m.put("assignableUnits", node.units().all().stream()
                .filter(u -> !u.code().equals(here) && u.kind().competent() && node.units().isWithin(u.code(), here))
                .map(u -> {
                    Map<String, Object> c = new LinkedHashMap<>();
                    c.put("code", u.code());
                    c.put("name", u.name());
                    c.put("kind", u.kind().name());
                    c.put("parent", u.parent());
                    c.put("parentName", unitName(u.parent()));
                    return c;
                }).toList());
        // 问题属地 is picked from these, this node's own first
        String own = info.unit().code().length() >= 6 ? info.unit().code().substring(0, 6) : "";
        List<Map<String, Object>> divisions = new java.util.ArrayList<>();
        node.units().divisions().forEach((code, name) -> {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("code", code);
            d.put("name", name);
            divisions.add(code.equals(own) ? 0 : divisions.size(), d);
        });
        m.put("divisions", divisions);
        return m;
    }

    /** A person as staff read them: name · title (never only a login). */
    private static Map<String, Object> person(org.xinfang.petition.Person who) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", who.name());
        m.put("title", who.title());
        m.put("display", who.display());
        return m;
    }

    /**
     * 重大紧急: null, or the flag with the report to each level above the unit that flagged it: when it
     * arrived there and who acknowledged it, and the delays the record shows (R2022 Art. 25, 46).
     */
    Map<String, Object> major(Petition p) {
        org.xinfang.rules.CaseState s = org.xinfang.rules.CaseState.of(p);
        Event flag = s.major();
        if (flag == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("reason", flag.attrs().get(Attr.REASON));
        m.put("flaggedAt", flag.at().toString());
        m.put("flaggedBy", flag.unit());
        m.put("flaggedByName", unitName(flag.unit()));
        m.put("flaggedByPerson", person(flag.actor()));
        m.put("receivedAt", p.receivedAt().toString());
        m.put("registeredAt", p.timeline().get(0).at().toString());
        // 缓报: the days from receipt to the flag, and the minutes from registration to the flag
        m.put("daysFromReceipt", java.time.temporal.ChronoUnit.DAYS.between(p.receivedAt(),
                java.time.LocalDate.ofInstant(flag.at(), org.xinfang.rules.Deadlines.ZONE)));
        m.put("minutesFromRegistration", java.time.Duration.between(p.timeline().get(0).at(), flag.at()).toMinutes());
        List<Map<String, Object>> reports = new java.util.ArrayList<>();
        for (Unit level : node.units().ancestors(flag.unit())) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("unit", level.code());
            r.put("unitName", level.name());
            Event arrived = null;
            Event acknowledged = null;
            for (Event e : p.timeline()) {
                if (e.unit().equals(level.code()) && e.type() == EventType.MAJOR_RECEIVED && arrived == null) {
                    arrived = e;
                } else if (e.unit().equals(level.code()) && e.type() == EventType.MAJOR_ACKNOWLEDGED && acknowledged == null) {
                    acknowledged = e;
                }
            }
            r.put("arrivedAt", arrived == null ? null : arrived.at().toString());
            r.put("secondsAfterFlag", arrived == null ? null : java.time.Duration.between(flag.at(), arrived.at()).toSeconds());
            r.put("acknowledgedAt", acknowledged == null ? null : acknowledged.at().toString());
            r.put("acknowledgedBy", acknowledged == null ? null : person(acknowledged.actor()));
            reports.add(r);
        }
        m.put("reports", reports);
        // 应急联动、联席会议 opened for it: members, meetings, decisions
        List<Map<String, Object>> responses = new java.util.ArrayList<>();
        Map<String, Object> open = null;
        for (Event e : p.timeline()) {
            switch (e.type()) {
                case RESPONSE_OPENED -> {
                    open = new LinkedHashMap<>();
                    open.put("response", e.attrs().get(Attr.RESPONSE).name());
                    open.put("responseLabel", e.attrs().get(Attr.RESPONSE).label());
                    open.put("members", e.attrs().get(Attr.MEMBERS));
                    open.put("unit", e.unit());
                    open.put("unitName", unitName(e.unit()));
                    open.put("openedAt", e.at().toString());
                    open.put("meetings", new java.util.ArrayList<Map<String, Object>>());
                    open.put("closedAt", null);
                    responses.add(open);
                }
                case RESPONSE_MEETING -> {
                    if (open != null) {
                        Map<String, Object> meeting = new LinkedHashMap<>();
                        meeting.put("meetingOn", String.valueOf(e.attrs().get(Attr.MEETING_ON)));
                        meeting.put("attendance", e.attrs().get(Attr.ATTENDANCE));
                        meeting.put("decisions", e.attrs().get(Attr.DECISIONS));
                        @SuppressWarnings("unchecked")
                        List<Map<String, Object>> meetings = (List<Map<String, Object>>) open.get("meetings");
                        meetings.add(meeting);
                    }
                }
                case RESPONSE_CLOSED -> {
                    if (open != null) {
                        open.put("closedAt", e.at().toString());
                        open.put("summary", e.attrs().get(Attr.SUMMARY));
                        open = null;
                    }
                }
                default -> {
                    // not the response's
                }
            }
        }
        m.put("responses", responses);
        return m;
    }

    /** 包案: null, or the latest leader's case with its four fixes, progress entries and closing. */
    Map<String, Object> leaderCase(Petition p, java.time.LocalDate today) {
        Event taken = null;
        Event closed = null;
        List<Map<String, Object>> progress = new java.util.ArrayList<>();
        for (Event e : p.timeline()) {
            switch (e.type()) {
                case LEADER_TOOK -> {
                    taken = e;
                    closed = null;
                    progress = new java.util.ArrayList<>();
                }
                case LEADER_PROGRESS -> {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("at", e.at().toString());
                    entry.put("progress", e.attrs().get(Attr.PROGRESS));
                    progress.add(entry);
                }
                case LEADER_CLOSED -> closed = e;
                default -> {
                    // not the 包案's
                }
            }
        }
        if (taken == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("leader", person(taken.actor()));
        m.put("leaderUnit", taken.unit());
        m.put("leaderUnitName", unitName(taken.unit()));
        m.put("measures", taken.attrs().get(Attr.MEASURES));
        m.put("targetDate", taken.attrs().get(Attr.TARGET_DATE).toString());
        m.put("responsibleUnit", taken.attrs().get(Attr.RESPONSIBLE_UNIT));
        m.put("responsibleUnitName", unitName(taken.attrs().get(Attr.RESPONSIBLE_UNIT)));
        m.put("takenAt", taken.at().toString());
        m.put("progress", progress);
        m.put("closedAt", closed == null ? null : closed.at().toString());
        m.put("summary", closed == null ? null : closed.attrs().get(Attr.SUMMARY));
        m.put("overdue", closed == null && today.isAfter(taken.attrs().get(Attr.TARGET_DATE)));
        return m;
    }

    /** 听证: each hearing scheduled on the case, with its record once held. */
    List<Map<String, Object>> hearings(Petition p) {
        List<Map<String, Object>> list = new java.util.ArrayList<>();
        Map<String, Object> current = null;
        for (Event e : p.timeline()) {
            if (e.type() == EventType.HEARING_SCHEDULED) {
                current = new LinkedHashMap<>();
                current.put("scheduledAt", e.at().toString());
                current.put("unit", e.unit());
                current.put("unitName", unitName(e.unit()));
                current.put("stage", org.xinfang.rules.CaseState.of(p, e.seq() - 1).status().name());
                for (Attr<?> a : EventType.HEARING_SCHEDULED.attributes()) {
                    if (e.attrs().has(a)) {
                        current.put(a.name(), String.valueOf(e.attrs().get(a)));
                    }
                }
                current.put("held", false);
                list.add(current);
            } else if (e.type() == EventType.HEARING_RECORDED && current != null) {
                current.put("held", true);
                current.put("recordedAt", e.at().toString());
                for (Attr<?> a : EventType.HEARING_RECORDED.attributes()) {
                    current.put(a.name(), String.valueOf(e.attrs().get(a)));
                }
                current = null;
            }
        }
        return list;
    }
}
