package org.xinfang.rest.internal;

import static org.xinfang.petition.StaffRoles.ADMIN;
import static org.xinfang.petition.StaffRoles.HEAD;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import org.xinfang.lifecycle.Action;
import org.xinfang.lifecycle.ActionInput;
import org.xinfang.petition.Actor;
import org.xinfang.lifecycle.CaseService;
import org.xinfang.petition.Kind;
import org.xinfang.petition.Petition;
import org.xinfang.petition.Page;
import org.xinfang.petition.PetitionDraft;
import org.xinfang.petition.PetitionQuery;
import org.xinfang.petition.PetitionService;
import org.xinfang.rest.support.ApiException;
import org.xinfang.rest.support.PetitionRequests;
import org.xinfang.rest.support.Roles;
import org.xinfang.petition.PetitionSummary;
import org.xinfang.petition.Registration;
import org.xinfang.petition.Status;
import org.xinfang.petition.ValidationException;

/** Staff API for petitions: register, list, show. Thin: parse, call the service, map the result. */
@Path("/petitions")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class PetitionResource {
    private final PetitionService petitions;
    private final CaseService cases;
    private final Views views;
    private final org.xinfang.petition.PersonalReads reads;
    private final PetitionRequests requests = new PetitionRequests();

    public PetitionResource(PetitionService petitions, CaseService cases, Views views) {
        this(petitions, cases, views, null);
    }

    public PetitionResource(PetitionService petitions, CaseService cases, Views views,
            org.xinfang.petition.PersonalReads reads) {
        this.petitions = petitions;
        this.cases = cases;
        this.views = views;
        this.reads = reads;
    }

    /**
     * The case as staff see it: with its clocks, for cases that travelled here its origin, and the
     * steps the caller may take now ({@code allowedActions}, by path; {@code assign} for 交办, {@code supervise} for
     * 督办 by hand).
     */
    private Map<String, Object> full(Petition p, SecurityContext security) {
        return full(p, security, null);
    }

    /**
     * As {@link #full(Petition, SecurityContext)}; with {@code read} (the recorded read of this request) the
     * personal data in full, else masked, and a 检举控告 sealed from a reader who may not read it.
     */
    private Map<String, Object> full(Petition p, SecurityContext security, org.xinfang.petition.PersonalRead read) {
        org.xinfang.petition.Disclosure.Reader reader = views.reader(security);
        boolean sealed = !org.xinfang.petition.Disclosure.mayReadSealed(p, reader, views.disclosure());
        boolean mayReveal = org.xinfang.petition.Disclosure.mayReveal(p, reader, views.disclosure());
        // a 检举控告 shows its material only when asked for, as the numbers do
        boolean shown = read != null || !org.xinfang.petition.Disclosure.sealed(p.kind())
                && org.xinfang.petition.Disclosure.fields(p).isEmpty() && mayReveal;
        Map<String, Object> answer = views.petition(p, shown, sealed || org.xinfang.petition.Disclosure.sealed(p.kind())
                && !shown);
        if (sealed) {
            answer.put("sealed", true);
        } else if (org.xinfang.petition.Disclosure.sealed(p.kind()) && !shown) {
            // the reader may read it, after asking: the subject and content are held back until then
            answer.put("sealed", false);
            answer.put("sealedReason", null);
            answer.put("sealedUntilAsked", true);
        }
        Map<String, Object> personal = new LinkedHashMap<>();
        personal.put("masked", !shown);
        personal.put("mayReveal", mayReveal);
        personal.put("fields", org.xinfang.petition.Disclosure.fields(p).stream().map(f -> f.json()).toList());
        personal.put("readId", read == null ? null : read.id());
        personal.put("mayListReads", views.auditsReads(security));
        answer.put("personalData", personal);
        Actor actor = views.actor(security);
        List<String> allowed = new ArrayList<>();
        if (org.xinfang.rules.Authority.allowedFrom(org.xinfang.petition.EventType.ASSIGNED).contains(p.status())
                && actor.hasAny(PetitionService.ASSIGNERS) && views.hasUnitsBelow()) {
            allowed.add("assign");
        }
        cases.allowedActions(p, actor).forEach(a -> allowed.add(a.path()));
        if (cases.maySupervise(p, actor)) {
            allowed.add("supervise"); // 督办 by hand: POST /supervision
        }
        answer.put("allowedActions", allowed);
        // the documents owed to the petitioner whose delivery is not recorded yet (for deliver)
        List<Map<String, Object>> undelivered = new ArrayList<>();
        org.xinfang.rules.CaseState.of(p).documents().forEach((type, d) -> {
            if (d.deliveredOn() == null) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("document", type.name());
                doc.put("title", org.xinfang.petition.Documents.title(type));
                doc.put("issuedOn", d.issuedOn().toString());
                doc.put("unit", d.unit());
                undelivered.add(doc);
            }
        });
        answer.put("undelivered", undelivered);
        answer.put("major", views.major(p));
        // R2022 Art. 25 speaks of mass visits (集体访, five people or more by custom): suggest the flag
        answer.put("majorSuggested", p.headcount() >= 5 && answer.get("major") == null);
        answer.put("leaderCase", views.leaderCase(p, java.time.LocalDate.now(org.xinfang.rules.Deadlines.ZONE)));
        answer.put("hearings", views.hearings(p));
        answer.put("openSupervision", org.xinfang.rules.CaseState.of(p).openSupervision() != null);
        answer.put("deadlines", cases.deadlines(p).stream().map(Views::deadline).toList());
        answer.put("activeDeadline", cases.activeDeadline(p).map(Views::deadline).orElse(null));
        petitions.provenance(p.id()).ifPresent(o -> answer.put("origin", views.origin(o)));
        answer.put("possibleRepeats", repeats(p));
        String login = security.getUserPrincipal().getName();
        answer.put("conflicts", petitions.conflicts(p.id(), 20).stream().map(k -> views.conflict(k, login)).toList());
        return answer;
    }

    /** Repeats are found by ID numbers: never of, or through, a 检举控告 (it would tell who accused whom). */
    private List<Map<String, Object>> repeats(Petition p) {
        return org.xinfang.petition.Disclosure.sealed(p.kind()) ? List.of()
                : petitions.possibleRepeats(p).stream().filter(r -> !org.xinfang.petition.Disclosure.sealed(r.kind()))
                        .map(views::summary).toList();
    }

    /** True when the request's {@code Prefer} header asks for a minimal answer (RFC 7240 {@code return=minimal}). */
    static boolean minimal(String prefer) {
        if (prefer == null) {
            return false;
        }
        for (String preference : prefer.split(",")) {
            String p = preference.strip();
            int semi = p.indexOf(';');
            if ((semi < 0 ? p : p.substring(0, semi)).strip().replace(" ", "").equalsIgnoreCase("return=minimal")) {
                return true;
            }
        }
        return false;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(InputStream body, @HeaderParam("Content-Length") Long length,
            @HeaderParam("Prefer") String prefer, @Context SecurityContext security, @Context UriInfo uri)
            throws IOException {
        Roles.require(security, Roles.REGISTER);
        if (length != null && length > PetitionRequests.MAX_BODY_BYTES) {
            throw PetitionRequests.tooLarge();
        }
        com.fasterxml.jackson.databind.JsonNode root = requests.object(PetitionRequests.readLimited(body));
        PetitionDraft draft = requests.parse(root);
        // 重大紧急 at registration: {"major": {"reason": "…"}}, checked before anything is written
        com.fasterxml.jackson.databind.JsonNode major = root.get("major");
        String majorReason = null;
        if (major != null && !major.isNull()) {
            if (!major.isObject()) {
                throw new org.xinfang.petition.ValidationException("major", "invalid_type",
                        "应为对象 {\"reason\": …} / must be an object with a reason");
            }
            com.fasterxml.jackson.databind.JsonNode reason = major.get("reason");
            majorReason = org.xinfang.petition.Attr.REASON.parse(reason == null || reason.isNull() ? null
                    : reason.isTextual() ? reason.textValue() : reason.toString(), "major.reason");
        }
        // a walk-in received during a leader reception session (领导接访日) names the session
        Map<String, String> extra = requests.parseFlat(root, "receptionDay", "accusedUnit", "accusedPerson");
        String receptionDay = extra.get("receptionDay");
        // a 检举控告 names whom it accuses (R2022 Art. 30, 46(5)): their staff never read it
        Registration r = petitions.register(draft, views.actor(security).person(), receptionDay, extra.get("accusedUnit"),
                extra.get("accusedPerson"));
        if (majorReason != null) {
            Petition flagged = cases.act(r.petition().id(), org.xinfang.lifecycle.Action.FLAG_MAJOR, new ActionInput(
                    majorReason, null, null, null, null, null, null, null, null), views.actor(security));
            r = new Registration(flagged, r.verificationCode());
        }
        URI location = uri.getAbsolutePathBuilder().path(r.petition().id()).build();
        if (minimal(prefer)) {
            // RFC 7240: a client registering many (a letter-scanning desk, an import) asks for what it must hand on
            // (the codes, the repeats to warn of) and reads the case at Location when it needs it
            Petition p = r.petition();
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("id", p.id());
            answer.put("trackingCode", p.trackingCode());
            answer.put("status", p.status().name());
            answer.put("verificationCode", r.verificationCode());
            answer.put("possibleRepeats", repeats(p));
            return Response.created(location).header("Preference-Applied", "return=minimal").entity(answer).build();
        }
        Map<String, Object> answer = new LinkedHashMap<>(full(r.petition(), security));
        answer.put("verificationCode", r.verificationCode());
        return Response.created(location).entity(answer).build();
    }

    /**
     * The case. Personal data (ID numbers, phones, addresses) comes masked and a 检举控告's material held back;
     * {@code ?reveal=true} gives them in full to a reader allowed to see them ({@link
     * org.xinfang.petition.Disclosure}) and records that read (who, when, which fields: {@code GET
     * /petitions/{id}/reads}); 403 for anyone else.
     */
    @GET
    @Path("/{id}")
    public Map<String, Object> get(@PathParam("id") String id, @QueryParam("reveal") String reveal,
            @Context SecurityContext security) {
        Roles.require(security, Roles.STAFF);
        if (reveal != null && !"true".equals(reveal) && !"false".equals(reveal)) {
            throw new ValidationException("reveal", "invalid_value", "只能为 true 或 false / must be true or false");
        }
        Petition p = petitions.get(id).orElseThrow(() -> notFound(id));
        if (!"true".equals(reveal)) {
            return full(p, security);
        }
        return full(p, security, recordRead(p, security, org.xinfang.petition.Disclosure.fields(p)));
    }

    /**
     * Records that the caller reads {@code fields} of the case in full, after checking that they may.
     *
     * @throws ApiException 403 when they may not
     */
    private org.xinfang.petition.PersonalRead recordRead(Petition p, SecurityContext security,
            List<org.xinfang.petition.PersonalField> fields) {
        org.xinfang.petition.Disclosure.Reader reader = views.reader(security);
        if (!org.xinfang.petition.Disclosure.mayReveal(p, reader, views.disclosure())) {
            throw new ApiException(403, "forbidden", org.xinfang.petition.Disclosure.sealed(p.kind())
                    ? org.xinfang.petition.Disclosure.SEALED_REASON + " / the material of an accusation is read only by"
                            + " the roles the office names for it, never by the unit or person accused"
                    : "本岗位不查看完整的个人信息 / your role does not read personal data in full", "reveal");
        }
        if (fields.isEmpty() || reads == null) {
            return null;
        }
        return reads.record(p.id(), reader.person(), reader.unit(), views.nodeId(), fields);
    }

    /**
     * The recorded reads of the case's personal data, here and at the nodes below (who by name and title, their
     * unit and node, when, which fields), newest first: for the administrator, heads and the roles that read
     * accusations.
     */
    @GET
    @Path("/{id}/reads")
    public Map<String, Object> reads(@PathParam("id") String id, @QueryParam("limit") String limit,
            @Context SecurityContext security) {
        Roles.require(security, Roles.STAFF);
        if (!views.auditsReads(security)) {
            throw new ApiException(403, "forbidden", "只有管理员、负责人和纪检监察人员可查看查阅记录 / only the"
                    + " administrator, heads and the roles that read accusations list reads", null);
        }
        Petition p = petitions.get(id).orElseThrow(() -> notFound(id));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", p.id());
        answer.put("items", reads == null ? List.of() : reads.ofCase(p.id(), Views.limit(limit, 200)).stream()
                .map(views::read).toList());
        return answer;
    }

    /**
     * The numbered documents of a case (回执, 受理告知书 … 信访处理意见书, 督办函), in the order they were issued, each
     * with its 文号, issuing unit, signer and the path of its printable page ({@code href}) and, for those the
     * petitioner is owed, of the petitioner's copy ({@code publicHref}). docs/documents.md.
     */
    @GET
    @Path("/{id}/documents")
    public Map<String, Object> documents(@PathParam("id") String id, @Context SecurityContext security) {
        Roles.require(security, Roles.STAFF);
        Petition p = petitions.get(id).orElseThrow(() -> notFound(id));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", p.id());
        // a 检举控告's documents name the accuser: listed by title and number only, their pages a recorded read
        boolean sealed = org.xinfang.petition.Disclosure.sealed(p.kind());
        answer.put("items", org.xinfang.petition.OfficialDocument.all(p, views.units()).stream().map(d -> {
            Map<String, Object> m = views.document(d, "/api/v1/petitions/" + p.id() + "/documents/" + d.event());
            if (sealed) {
                m.put("addressee", null);
            }
            return m;
        }).toList());
        return answer;
    }

    /**
     * The printable page of the document issued by the event at position {@code n}: the same bytes every
     * time and on every node (the SHA-256 in {@code X-Content-SHA256}); {@code ?copy=public} gives the
     * petitioner's copy, with ID numbers and phones masked and no staff names.
     */
    @GET
    @Path("/{id}/documents/{n}")
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    public Response document(@PathParam("id") String id, @PathParam("n") String n, @QueryParam("copy") String copy,
            @Context SecurityContext security) {
        Roles.require(security, Roles.STAFF);
        Petition p = petitions.get(id).orElseThrow(() -> notFound(id));
        if (org.xinfang.petition.Disclosure.sealed(p.kind())) {
            // the documents of a 检举控告 name the accuser and the matter: a read of its material, recorded
            recordRead(p, security, List.of(org.xinfang.petition.PersonalField.CONTENT,
                    org.xinfang.petition.PersonalField.ACCUSER));
        }
        if (copy != null && !"public".equals(copy)) {
            throw new ValidationException("copy", "invalid_value", "只能为 public（信访人联）/ must be public or absent");
        }
        int seq = n.matches("[0-9]{1,6}") ? Integer.parseInt(n) : 0;
        org.xinfang.petition.OfficialDocument d = org.xinfang.petition.OfficialDocument.at(p, seq, views.units())
                .orElseThrow(() -> new ApiException(404, "not_found", "该案件第 " + n + " 项记录没有出具文书 / event " + n
                        + " of " + id + " issues no document", "n"));
        if (copy != null) {
            if (!d.type().toPetitioner()) {
                throw new ApiException(404, "not_found", "该文书不送达信访人，没有信访人联 / this document has no public copy", "copy");
            }
            d = d.publicVersion();
        }
        return Views.page(org.xinfang.petition.DocumentPage.bytes(d, org.xinfang.petition.DocumentPage.STAFF_STYLESHEET));
    }

    private static ApiException notFound(String id) {
        return new ApiException(404, "not_found", "未找到编号为 " + id + " 的信访事项 / no petition with id " + id, "id");
    }

    /**
     * 交办/转送: body {"unit": code, "note": text, "version": the case version the person saw, optional};
     * answers with the case after the change.
     */
    @POST
    @Path("/{id}/assignments")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> assign(@PathParam("id") String id, InputStream body,
            @Context SecurityContext security) throws IOException {
        Roles.require(security, ASSIGN);
        byte[] bytes = PetitionRequests.readLimited(body);
        Integer version = requests.actionInput(bytes).version();
        Map<String, String> fields = requests.parseFlat(bytes, "unit", "note");
        return full(petitions.assign(id, fields.get("unit"), fields.get("note"), views.actor(security), version),
                security);
    }

    /** Conflict notices of this node, newest first: steps taken here that the owner of the stage above did not take. */
    @GET
    @Path("/conflicts")
    public Map<String, Object> conflicts(@Context SecurityContext security) {
        Roles.require(security, Roles.STAFF);
        String login = security.getUserPrincipal().getName();
        return Map.of("items", petitions.conflicts(null, 50).stream().map(k -> views.conflict(k, login)).toList());
    }

    /**
     * A step of the procedure: accept, object, extend, decide, mediate, request-review, review,
     * request-rereview, start-hearing, end-hearing, rereview, terminate, redirect, not-accept. The body
     * carries what the step needs: reason, days, channel, request, facts, decision, basis, signOff, note.
     */
    @POST
    @Path("/{id}/actions/{action}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> act(@PathParam("id") String id, @PathParam("action") String name, InputStream body,
            @Context SecurityContext security) throws IOException {
        Roles.require(security, Roles.STAFF);
        Action action = Action.fromPath(name);
        if (action == null) {
            throw new ApiException(404, "not_found", "没有这个办理环节 / no such action: " + name, "action");
        }
        ActionInput input = requests.actionInput(PetitionRequests.readLimited(body));
        return full(cases.act(id, action, input, views.actor(security)), security);
    }

    /**
     * Who may assign ({@link PetitionService#ASSIGNERS}, which the service checks): asked before the body is read,
     * so that a caller without the role is answered 403 whatever it sent.
     */
    static final java.util.Set<String> ASSIGN = java.util.stream.Stream.concat(java.util.stream.Stream.of(ADMIN),
            PetitionService.ASSIGNERS.stream()).collect(java.util.stream.Collectors.toUnmodifiableSet());

    /**
     * Open cases of the people with these identity numbers ({@code idNumber}, repeated, at most 5):
     * the registration form warns of a possible repeat before registering (R2022 Art. 19).
     */
    @GET
    @Path("/repeats")
    public Map<String, Object> repeats(@QueryParam("idNumber") List<String> idNumbers,
            @Context SecurityContext security) {
        Roles.require(security, Roles.STAFF);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("items", petitions.openCasesOf(idNumbers == null ? List.of() : idNumbers).stream()
                .filter(r -> !org.xinfang.petition.Disclosure.sealed(r.kind())).map(views::summary).toList());
        return answer;
    }

    /**
     * The case list: filters {@code status, unit, kind, channel, category, overdue, from, to}, the search box
     * {@code q} (see {@link PetitionQuery#text}; ID numbers only for the roles in {@link Roles#PERSONAL_DATA}),
     * order {@code sort, order} and the page {@code offset, limit}.
     */
    @GET
    public Map<String, Object> list(@QueryParam("status") String status, @QueryParam("unit") String unit,
            @QueryParam("kind") String kind, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("q") String text, @QueryParam("offset") String offset, @QueryParam("limit") String limit,
            @QueryParam("channel") String channel, @QueryParam("category") String category,
            @QueryParam("overdue") String overdue, @QueryParam("sort") String sort, @QueryParam("order") String order,
            @Context SecurityContext security) {
        Roles.require(security, Roles.STAFF);
        PetitionQuery query = query(status, unit, kind, from, to, text, channel, category, overdue, sort, order,
                security).page(intParam("offset", offset, 0), intParam("limit", limit, 20));
        Page<PetitionSummary> page = petitions.find(query);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("items", page.items().stream().map(this::withDeadline).toList());
        answer.put("total", page.total());
        answer.put("offset", page.offset());
        answer.put("limit", page.limit());
        return answer;
    }

    /**
     * The case list as a CSV file Excel and WPS open (UTF-8 with a BOM), with the list's filters; streamed a
     * page at a time, never held whole. The first petitioner's name is shown whole to unit heads (and the
     * administrator) only, masked to the surname for everyone else; no numbers of any person are exported.
     */
    @GET
    @Path("/export.csv")
    @Produces("text/csv;charset=UTF-8")
    public Response export(@QueryParam("status") String status, @QueryParam("unit") String unit,
            @QueryParam("kind") String kind, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("q") String text, @QueryParam("channel") String channel,
            @QueryParam("category") String category, @QueryParam("overdue") String overdue,
            @QueryParam("sort") String sort, @QueryParam("order") String order, @Context SecurityContext security) {
        Roles.require(security, Roles.STAFF);
        PetitionQuery first = query(status, unit, kind, from, to, text, channel, category, overdue, sort, order,
                security);
        boolean whole = views.actor(security).roles().contains(ADMIN) || views.actor(security).roles().contains(HEAD);
        javax.ws.rs.core.StreamingOutput body = out -> {
            java.io.Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(out,
                    java.nio.charset.StandardCharsets.UTF_8));
            w.write(org.xinfang.rest.support.Csv.BOM);
            org.xinfang.rest.support.Csv.line(w, List.of("编号", "查询码", "类别", "渠道", "事项", "问题分类", "收到日期",
                    "登记单位", "责任单位", "状态", "信访人"));
            // one statement streamed row by row: nothing held, however many cases match
            try {
                petitions.eachSummary(first, s -> {
                    try {
                        org.xinfang.rest.support.Csv.line(w, List.of(s.id(), s.trackingCode(), s.kind().label(),
                                s.channel().label(), org.xinfang.petition.Disclosure.listSubject(s.kind(), s.subject()),
                                s.category() == null ? "" : s.category(),
                                s.receivedAt().toString(), views.unitName(s.registeredBy()), views.unitName(s.owner()),
                                s.status().label(), org.xinfang.petition.Disclosure.sealed(s.kind()) ? ""
                                        : whole ? nullToEmpty(s.firstPetitioner())
                                        : org.xinfang.rest.support.Csv.maskName(s.firstPetitioner())));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e); // the client went away: read no further rows
                    }
                });
            } catch (java.io.UncheckedIOException e) {
                throw e.getCause();
            }
            w.flush();
        };
        return Response.ok(body).header("Content-Disposition", "attachment; filename=\"petitions.csv\"; filename*=UTF-8''"
                + "%E4%BF%A1%E8%AE%BF%E4%BA%8B%E9%A1%B9.csv").build();
    }

    /** The list's filters and order, shared by the list and its export, on the first page of the largest size. */
    private PetitionQuery query(String status, String unit, String kind, String from, String to, String text,
            String channel, String category, String overdue, String sort, String order, SecurityContext security) {
        PetitionQuery q = new PetitionQuery(enumParam("status", status, Status.class), unit,
                enumParam("kind", kind, Kind.class), dateParam("from", from), dateParam("to", to), text, 0,
                PetitionQuery.MAX_LIMIT)
                .withChannel(enumParam("channel", channel, org.xinfang.petition.Channel.class))
                .withPersonalData(Roles.personalData(security))
                .sortedBy(PetitionQuery.Sort.of(sort), PetitionQuery.ascending(order));
        String named = org.xinfang.petition.Checks.optionalText("category", category, 50);
        if (named != null) {
            q = q.withCategories(java.util.Set.of(named));
        }
        if (booleanParam("overdue", overdue)) {
            // a clock past due is computed from each open case's timeline, not kept in a column: the open cases are
            // read once here and the list is narrowed to the overdue ones (docs/api.md names the cost)
            q = q.withIds(cases.deadlineList("overdue", null, 0).stream().map(d -> d.id())
                    .collect(java.util.stream.Collectors.toSet()));
        }
        return q;
    }

    private static boolean booleanParam(String name, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ValidationException(name, "invalid_value", "取值无效，可选：true, false / must be true or"
                    + " false");
        };
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** A list line with the case's open organ clock, for the inbox's days-left column. */
    private Map<String, Object> withDeadline(PetitionSummary s) {
        Map<String, Object> line = views.summary(s);
        line.put("activeDeadline", petitions.get(s.id()).flatMap(cases::activeDeadline).map(Views::deadline)
                .orElse(null));
        return line;
    }

    private static <E extends Enum<E>> E enumParam(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException(name, "invalid_value", "取值无效 / not a valid " + name);
        }
    }

    private static LocalDate dateParam(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return org.xinfang.petition.Checks.date(name, LocalDate.parse(value.strip()));
        } catch (DateTimeParseException e) {
            throw new ValidationException(name, "invalid_date", org.xinfang.petition.Checks.unreadableDate(value));
        }
    }

    private static int intParam(String name, String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new ValidationException(name, "invalid_type", "应为整数 / must be an integer");
        }
    }
}
