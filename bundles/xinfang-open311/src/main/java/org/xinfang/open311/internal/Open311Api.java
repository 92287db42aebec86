package org.xinfang.open311.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.xinfang.node.NodeService;
import org.xinfang.node.Unit;
import org.xinfang.petition.Kind;
import org.xinfang.petition.Page;
import org.xinfang.petition.Petition;
import org.xinfang.petition.PetitionQuery;
import org.xinfang.petition.PetitionService;
import org.xinfang.petition.PetitionSummary;
import org.xinfang.portal.OnlinePetitions;
import org.xinfang.portal.OnlineReceipt;

/**
 * GeoReport v2 over the register (docs/open311.md): what each endpoint answers, as JSON-ready values, or an
 * {@link Open311Error}. No login: everything here is public, so nothing here is personal.
 */
public final class Open311Api {
    static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";
    /** The standard's default window of {@code requests} when no date is given. */
    static final int DEFAULT_DAYS = 90;
    /** Summaries read at most per list call (cheap lines; only the ones answered are read whole). */
    static final int SCAN_LIMIT = 2_000;
    /** Ids asked for at most in one {@code service_request_id} list. */
    static final int MAX_IDS = 50;
    static final String NOT_FOUND = "未找到该信访事项：编号不存在，或该事项不公开"
            + " / no such service request, or it is not public";

    private final PetitionService petitions;
    private final NodeService node;
    private final OnlinePetitions online;
    private final PublicIds ids;
    private final Clock clock;
    private final String contact;
    private final int maxResults;

    /** For Blueprint. */
    public Open311Api(PetitionService petitions, NodeService node, OnlinePetitions online, PublicIds ids, String zone,
            String contact, int maxResults) {
        this(petitions, node, online, ids, Clock.system(ZoneId.of(zone)), contact, maxResults);
    }

    Open311Api(PetitionService petitions, NodeService node, OnlinePetitions online, PublicIds ids, Clock clock,
            String contact, int maxResults) {
        if (maxResults < 1 || maxResults > PetitionQuery.MAX_LIMIT) {
            throw new IllegalArgumentException("max.results must be 1 to " + PetitionQuery.MAX_LIMIT + ": " + maxResults);
        }
        this.petitions = petitions;
        this.node = node;
        this.online = online;
        this.ids = ids;
        this.clock = clock;
        this.contact = contact;
        this.maxResults = maxResults;
    }

    /** {@code discovery.json}: where the one production endpoint is and what it speaks. */
    Map<String, Object> discovery(String endpoint) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("specification", SPECIFICATION);
        e.put("url", endpoint);
        e.put("changeset", CHANGESET);
        e.put("type", "production");
        e.put("formats", List.of("application/json"));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("changeset", CHANGESET);
        m.put("contact", contact);
        m.put("key_service", "无需 API 密钥：api_key 可省略，提交受每个地址的频率限制 / no API key needed: api_key is optional;"
                + " submissions are rate-limited per address");
        m.put("endpoints", List.of(e));
        return m;
    }

    /** When the interface last changed: the services and the fields it answers. */
    static final String CHANGESET = "2026-11-29T00:00:00+08:00";

    /** {@code services.json}: the kinds of petition. */
    List<Map<String, Object>> services() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Kind k : Kind.values()) {
            list.add(Open311Mapping.service(k));
        }
        return list;
    }

    /** {@code services/{code}.json}: no service has attributes ({@code metadata: false}), so the list is empty. */
    Map<String, Object> definition(String code) {
        Kind kind = Open311Mapping.kind(code);
        if (kind == null) {
            throw Open311Error.notFound("没有这个服务类别 / no such service_code: " + code);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("service_code", kind.name());
        m.put("attributes", List.of());
        return m;
    }

    /** {@code GET requests.json}: the public view of cases, newest registration first, filtered as the standard says. */
    List<Map<String, Object>> requests(Map<String, String> params) {
        String wanted = params.get("service_request_id");
        if (wanted != null && !wanted.isBlank()) {
            // the standard: a list of ids ignores every other filter
            String[] each = wanted.split(",");
            if (each.length > MAX_IDS) {
                throw Open311Error.badRequest("service_request_id", "一次最多查询 " + MAX_IDS + " 个编号 / at most "
                        + MAX_IDS + " ids at once");
            }
            List<Map<String, Object>> list = new ArrayList<>();
            for (String id : each) {
                find(id.strip()).ifPresent(list::add);
            }
            return list;
        }
        Kind kind = null;
        String code = params.get("service_code");
        if (code != null && !code.isBlank()) {
            kind = Open311Mapping.kind(code);
            if (kind == null) {
                throw Open311Error.badRequest("service_code", "没有这个类别，可选：SUGGESTION, CLAIM, ACCUSATION"
                        + " / unknown service_code; one of SUGGESTION, CLAIM, ACCUSATION");
            }
            if (!Open311Mapping.listable(kind)) {
                return List.of();
            }
        }
        Set<String> statuses = statuses(params.get("status"));
        ZoneId zone = clock.getZone();
        LocalDate to = inYears("end_date", day("end_date", params.get("end_date"), zone));
        LocalDate from = inYears("start_date", day("start_date", params.get("start_date"), zone));
        if (from == null && to == null) {
            from = LocalDate.now(clock).minusDays(DEFAULT_DAYS);
        } else if (from == null) {
            from = to.minusDays(DEFAULT_DAYS);
        }
        if (to != null && from.isAfter(to)) {
            throw Open311Error.badRequest("start_date", "开始时间晚于结束时间 / start_date is after end_date");
        }
        List<String> chosen = new ArrayList<>();
        int offset = 0;
        while (chosen.size() < maxResults && offset < SCAN_LIMIT) {
            Page<PetitionSummary> page = petitions.find(new PetitionQuery(null, null, kind, from, to, null, offset,
                    PetitionQuery.MAX_LIMIT));
            for (PetitionSummary s : page.items()) {
                if (Open311Mapping.listable(s.kind()) && statuses.contains(Open311Mapping.status(s.status()))
                        && chosen.size() < maxResults) {
                    chosen.add(s.id());
                }
            }
            offset += page.items().size();
            if (page.items().isEmpty() || offset >= page.total()) {
                break;
            }
        }
        List<Map<String, Object>> list = new ArrayList<>();
        for (String id : chosen) {
            petitions.get(id).filter(p -> Open311Mapping.listable(p.kind())).map(this::view).ifPresent(list::add);
        }
        return list;
    }

    /** {@code requests/{id}.json}: one case as a list of one; 404 for an id not made here or a case not public. */
    List<Map<String, Object>> request(String publicId) {
        return List.of(find(publicId).orElseThrow(() -> Open311Error.notFound(NOT_FOUND)));
    }

    /**
     * {@code POST requests.json}: an online petition under the portal's rules. Answers the public id and, in the
     * notice and beside it, the portal's two codes: the only time the verification code is shown.
     */
    List<Map<String, Object>> submit(Map<String, String> form, String client) {
        OnlineReceipt r = online.submit(Submissions.draft(form), client);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("service_request_id", ids.of(r.caseId()));
        m.put("service_notice", notice(r));
        m.put("account_id", null);
        m.put("tracking_code", r.trackingCode());
        m.put("verification_code", r.verificationCode());
        return List.of(m);
    }

    static String notice(OnlineReceipt r) {
        return "您的网上信访事项已登记（" + r.receivedAt() + "，" + r.statusLabel() + "，" + r.ownerName() + "）。"
                + "查询码：" + r.trackingCode() + "，验证码：" + r.verificationCode() + "。请记下这两个码：凭这两个码在信访门户"
                + "查询办理进展和结果并评价。验证码只显示这一次，本系统不保存其明文，遗失后无法在网上找回。"
                + " / Registered. Tracking code " + r.trackingCode() + ", verification code " + r.verificationCode()
                + ": write both down to follow your petition on the portal; the verification code is shown only once.";
    }

    private Optional<Map<String, Object>> find(String publicId) {
        return ids.caseId(publicId).flatMap(petitions::get).filter(p -> Open311Mapping.listable(p.kind()))
                .map(this::view);
    }

    private Map<String, Object> view(Petition p) {
        return Open311Mapping.request(p, ids.of(p.id()), this::unitName, clock.getZone());
    }

    private String unitName(String code) {
        return node.units().get(code).map(Unit::name).orElse(code);
    }

    private static Set<String> statuses(String param) {
        if (param == null || param.isBlank()) {
            return Set.of("open", "closed");
        }
        Set<String> set = new java.util.HashSet<>();
        for (String s : param.split(",")) {
            String v = s.strip().toLowerCase(java.util.Locale.ROOT);
            if (!v.equals("open") && !v.equals("closed")) {
                throw Open311Error.badRequest("status", "取值应为 open 或 closed / must be open or closed");
            }
            set.add(v);
        }
        return set;
    }

    /** A W3C date-time (or a plain date) as the office's day. */
    /** A day within the years the system counts, else 400 naming the field. */
    private static LocalDate inYears(String field, LocalDate day) {
        if (day != null && (day.getYear() < org.xinfang.petition.Checks.FIRST_YEAR
                || day.getYear() > org.xinfang.petition.Checks.LAST_YEAR)) {
            throw Open311Error.badRequest(field, "年份应在 " + org.xinfang.petition.Checks.FIRST_YEAR + " 至 "
                    + org.xinfang.petition.Checks.LAST_YEAR + " 之间 / the year must be " + org.xinfang.petition.Checks.FIRST_YEAR
                    + " to " + org.xinfang.petition.Checks.LAST_YEAR);
        }
        return day;
    }

    static LocalDate day(String field, String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        try {
            return OffsetDateTime.parse(t).atZoneSameInstant(zone).toLocalDate();
        } catch (DateTimeParseException notOffset) {
            try {
                return Instant.parse(t).atZone(zone).toLocalDate();
            } catch (DateTimeParseException notInstant) {
                try {
                    return LocalDate.parse(t);
                } catch (DateTimeParseException notDate) {
                    throw Open311Error.badRequest(field, "时间格式应为 W3C 格式，如 2026-11-01T00:00:00+08:00"
                            + " / must be a W3C date-time, e.g. 2026-11-01T00:00:00+08:00");
                }
            }
        }
    }
}
