package org.xinfang.portal.internal;

import static org.xinfang.petition.StaffRoles.ADMIN;
import static org.xinfang.petition.StaffRoles.HEAD;
import static org.xinfang.petition.StaffRoles.LEADER;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.xinfang.petition.Channel;
import org.xinfang.petition.NotFoundException;
import org.xinfang.petition.PetitionDraft;
import org.xinfang.petition.PetitionService;
import org.xinfang.petition.Rating;
import org.xinfang.petition.ValidationException;
import org.xinfang.portal.OnlinePetitions;
import org.xinfang.portal.OnlineReceipt;
import org.xinfang.rest.support.ApiException;
import org.xinfang.rest.support.PetitionRequests;
import org.xinfang.rest.support.ProgressView;
import org.xinfang.rest.support.RateLimiter;
import org.xinfang.rest.support.TooManyRequests;
import org.xinfang.rest.support.Roles;

/**
 * The public portal's API at {@code /api/v1/portal}: the online petition (网上信访), the petitioner's
 * rating of a result, and the published page (R2022 Art. 18, 21). Everything but saving the page is
 * open to anyone; nothing answers with personal data. Thin: parse, call the service, map the result.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public class PortalResource {
    /** Who registers an online petition: the first-contact owner until the office routes it. */
    static final org.xinfang.petition.Person ONLINE_ACTOR = OnlineIntake.ONLINE_ACTOR;
    /** Who edits the published page: the district office's heads and leaders, and administrators. */
    static final Set<String> EDITORS = Set.of(HEAD, LEADER, ADMIN);
    static final String NO_MATCH = "未查询到相符的信访事项，请核对查询码和验证码。 / No petition matches these codes; please check them.";
    static final String CODES_NOTICE = "请记下查询码和验证码：凭这两个码查询办理进展和结果。验证码只显示这一次，本系统不保存其明文，遗失后无法在网上找回。"
            + " / Write both codes down: you need them to check progress and the result. The verification code is shown"
            + " only this once and is not stored in readable form; it cannot be recovered online.";
    private final PetitionService petitions;
    private final ContentStore content;
    private final OnlinePetitions online;
    private final RateLimiter misses;
    private final PetitionRequests requests = new PetitionRequests();
    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * @param limiter online petitions allowed per client address
     * @param misses wrong code pairs allowed per client address when rating (the code must not be guessed)
     */
    public PortalResource(PetitionService petitions, ContentStore content, RateLimiter limiter, RateLimiter misses) {
        this(petitions, content, limiter, misses, null);
    }

    /** @param node who the staff are: the page names who saved it last by name and title, never by login */
    public PortalResource(PetitionService petitions, ContentStore content, RateLimiter limiter, RateLimiter misses,
            org.xinfang.node.NodeService node) {
        this(petitions, content, new OnlineIntake(petitions, limiter), misses, node);
    }

    /** @param online the online petition's rules, shared with every other public channel (Open311) */
    public PortalResource(PetitionService petitions, ContentStore content, OnlinePetitions online, RateLimiter misses,
            org.xinfang.node.NodeService node) {
        this.petitions = petitions;
        this.content = content;
        this.online = online;
        this.misses = misses;
        this.node = node;
    }

    private final org.xinfang.node.NodeService node;

    /**
     * 网上信访: the registration body of the staff API without channel, receipt date or headcount: the
     * channel is {@link Channel#ONLINE}, received today, counted by its petitioners. Answers 201 with the
     * two codes, the only time the verification code is ever shown.
     */
    @POST
    @Path("/petitions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submit(InputStream body, @HeaderParam("Content-Length") Long length,
            @Context HttpServletRequest request) throws IOException {
        if (length != null && length > PetitionRequests.MAX_BODY_BYTES) {
            throw PetitionRequests.tooLarge();
        }
        // the direct peer: a proxy in front of the node would make all citizens one client (see the docs)
        String client = request == null ? "unknown" : request.getRemoteAddr();
        return Response.status(201).entity(submit(PetitionRequests.readLimited(body), client)).build();
    }

    Map<String, Object> submit(byte[] body, String client) {
        JsonNode root = requests.object(online(body));
        PetitionDraft draft = requests.parse(root);
        // a 检举控告 may name the unit and the person it accuses, as the staff API's body does
        java.util.Map<String, String> accused = requests.parseFlat(root, "accusedUnit", "accusedPerson");
        OnlineReceipt r = online.submit(draft, client, accused.get("accusedUnit"), accused.get("accusedPerson"));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("trackingCode", r.trackingCode());
        answer.put("verificationCode", r.verificationCode());
        answer.put("receivedAt", r.receivedAt().toString());
        answer.put("status", r.status().name());
        answer.put("statusLabel", r.statusLabel());
        answer.put("ownerName", r.ownerName());
        answer.put("message", CODES_NOTICE);
        return answer;
    }

    /**
     * The body with the portal's fixed fields: channel ONLINE; receipt date and headcount left to the
     * draft's rules. A body that is not a JSON object goes on unchanged so that the parser names its fault.
     */
    private byte[] online(byte[] body) {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (IOException e) {
            return body;
        }
        if (!(root instanceof ObjectNode object)) {
            return body;
        }
        object.put("channel", Channel.ONLINE.name());
        object.remove("receivedAt");
        object.remove("headcount");
        try {
            return mapper.writeValueAsBytes(object);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed JSON object cannot be written again", e);
        }
    }

    /**
     * The petitioner's rating of the latest result (R2022 Art. 21): {trackingCode, code, rating, comment?}.
     * Answers the progress as the public query shows it. Wrong codes get the query's polite 404; a case
     * with nothing to rate, or rated already, 409.
     */
    @POST
    @Path("/ratings")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> rate(InputStream body, @Context HttpServletRequest request) throws IOException {
        return rate(PetitionRequests.readLimited(body), request == null ? "unknown" : request.getRemoteAddr());
    }

    Map<String, Object> rate(byte[] body, String client) {
        Map<String, String> fields = requests.parseFlat(body, "trackingCode", "code", "rating", "comment");
        String tracking = fields.get("trackingCode");
        if (tracking == null || tracking.isBlank()) {
            throw new ValidationException("trackingCode", "required", "请输入查询码 / the tracking code is required");
        }
        String code = fields.get("code");
        if (code == null || code.isBlank()) {
            throw new ValidationException("code", "required", "请输入验证码 / the verification code is required");
        }
        String value = fields.get("rating");
        if (value == null || value.isBlank()) {
            throw new ValidationException("rating", "required",
                    "请选择满意、基本满意或不满意 / choose SATISFIED, BASICALLY_SATISFIED or DISSATISFIED");
        }
        Rating rating = Rating.parse(value);
        if (rating == null) {
            throw new ValidationException("rating", "invalid_value",
                    "取值无效，可选：SATISFIED, BASICALLY_SATISFIED, DISSATISFIED"
                            + " / must be one of SATISFIED, BASICALLY_SATISFIED, DISSATISFIED");
        }
        // wrong codes are counted per case, not per address: many addresses must not add up to more tries
        String guessed = RateLimiter.caseKey(tracking);
        java.time.Duration wait = misses.retryAfter(guessed);
        if (!wait.isZero()) {
            throw new TooManyRequests(TooManyRequests.GUESSES, wait.toSeconds());
        }
        try {
            return ProgressView.of(petitions.rate(tracking.strip(), code.strip(), rating, fields.get("comment")));
        } catch (NotFoundException e) {
            misses.tryAcquire(guessed);
            throw noMatch();
        }
    }

    /** The published page: office, reception, channels, query, procedure, rules; updatedAt, updatedBy. */
    @GET
    @Path("/content")
    public Map<String, Object> content() {
        return content.current().toJson();
    }

    /** Replaces the published page (the district office: head, leader, admin); answers it as saved. */
    @PUT
    @Path("/content")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> saveContent(InputStream body, @HeaderParam("Content-Length") Long length,
            @Context SecurityContext security) throws IOException {
        Roles.require(security, EDITORS);
        if (length != null && length > PetitionRequests.MAX_BODY_BYTES) {
            throw PetitionRequests.tooLarge();
        }
        String login = security.getUserPrincipal().getName();
        // the page is public: it names the person who saved it, never an account
        return saveContent(PetitionRequests.readLimited(body), node == null ? login : node.person(login).display());
    }

    Map<String, Object> saveContent(byte[] body, String user) {
        PortalContent parsed = PortalContent.fromJson(requests.object(body));
        return content.save(parsed, user).toJson();
    }

    static ApiException noMatch() {
        return new ApiException(404, "not_found", NO_MATCH, null);
    }
}
