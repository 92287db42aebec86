package org.xinfang.open311.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.xinfang.petition.Event;
import org.xinfang.petition.Kind;
import org.xinfang.petition.Petition;
import org.xinfang.petition.PublicSteps;
import org.xinfang.petition.Status;

/**
 * How the register looks in GeoReport v2 (docs/open311.md): kinds as services, statutory states as open/closed,
 * and the public view of a case, which carries no personal data, no content and no staff, only what the
 * petitioner's own progress query shows without the subject: kind, state, the latest public step, the unit in
 * charge and the days.
 */
final class Open311Mapping {
    /** The one group every service is in: there is no managed list of categories yet. */
    static final String GROUP = "信访事项";
    private static final DateTimeFormatter W3C = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private Open311Mapping() {
    }

    /**
     * Whether a civic tool should show the case as open or closed. Closed once the organ holding it has done
     * what the procedure asks of it: redirected or not accepted (R2022 Art. 22, 23), answered with a written
     * decision, review or re-review (Art. 32, 35, 36), mediated, replied to (suggestions, Art. 29), terminated.
     * A request for review opens it again (Art. 35): the review window runs from the day the petitioner
     * received the answer, which the register does not always know, so it cannot be what closes a case. A case
     * imported closed from the office's old register (历史办结) is closed.
     */
    static String status(Status status) {
        return switch (status) {
            case REGISTERED, TRIAGED, ACCEPTED, OBJECTED, HANDLING, REVIEW_REQUESTED, REREVIEW_REQUESTED -> "open";
            case REDIRECTED, NOT_ACCEPTED, DECIDED, REVIEWED, REREVIEWED, TERMINATED, MEDIATED, REPLIED, ARCHIVED -> "closed";
        };
    }

    /** Accusations (检举控告) never appear in a public view: the accused must not learn of them (R2022 Art. 30). */
    static boolean listable(Kind kind) {
        return kind != Kind.ACCUSATION;
    }

    /** One entry of {@code services.json}. */
    static Map<String, Object> service(Kind kind) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("service_code", kind.name());
        m.put("service_name", kind.label());
        m.put("description", switch (kind) {
            case SUGGESTION -> "对本区工作提出建议、意见（《信访工作条例》第二十九条），研究后答复。"
                    + " / Suggestions and opinions on public work; studied and answered.";
            case CLAIM -> "申诉、求决：请求解决本人或他人的具体问题，由有权处理的机关依法办理并出具书面处理意见（第三十一条）。"
                    + " 涉法涉诉事项请通过诉讼、仲裁、行政复议等法定途径解决。"
                    + " / Claims: a request to resolve a specific matter, handled by the competent organ with a written"
                    + " decision; litigation, arbitration and administrative review go through their own channels.";
            case ACCUSATION -> "检举、控告违法违纪行为，转纪检监察机关办理（第三十条）。本事项不公开，也不会出现在公开列表中；"
                    + "请勿通过会公开您所提交内容的第三方平台提交。"
                    + " / Accusations go to the discipline inspection organs; they are never listed publicly. Do not file"
                    + " one through a tool that publishes what you submit.";
        });
        m.put("metadata", false);
        m.put("type", "realtime");
        m.put("keywords", switch (kind) {
            case SUGGESTION -> "建议,意见,suggestion";
            case CLAIM -> "申诉,求决,诉求,claim";
            case ACCUSATION -> "检举,控告,举报,accusation";
        });
        m.put("group", GROUP);
        return m;
    }

    /**
     * A service code as a kind: the enum name in any case (SUGGESTION, ACCUSATION, CLAIM) or the Chinese name.
     *
     * @return null when the code names no kind
     */
    static Kind kind(String serviceCode) {
        if (serviceCode == null) {
            return null;
        }
        String code = serviceCode.strip();
        for (Kind k : Kind.values()) {
            if (k.name().equals(code.toUpperCase(Locale.ROOT)) || k.label().equals(code)) {
                return k;
            }
        }
        return null;
    }

    /**
     * The public view of a case. The dates are days only (midnight in the office's time zone): the minute a
     * walk-in was registered could tell who came.
     *
     * @param unitName a unit's name by its code
     */
    static Map<String, Object> request(Petition p, String publicId, UnaryOperator<String> unitName, ZoneId zone) {
        Event latest = null;
        for (Event e : p.timeline()) {
            if (PublicSteps.label(e.type()) != null) {
                latest = e;
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("service_request_id", publicId);
        m.put("status", status(p.status()));
        m.put("status_notes", latest == null ? p.status().label() : PublicSteps.label(latest.type()));
        m.put("service_name", p.kind().label());
        m.put("service_code", p.kind().name());
        // the content, the place, the people and the staff are never public
        m.put("description", null);
        m.put("agency_responsible", unitName.apply(p.owner()));
        m.put("service_notice", null);
        m.put("requested_datetime", day(p.receivedAt(), zone));
        m.put("updated_datetime", day(latest == null ? p.receivedAt() : LocalDate.ofInstant(latest.at(), zone), zone));
        m.put("expected_datetime", null);
        m.put("address", null);
        m.put("address_id", null);
        m.put("zipcode", null);
        m.put("lat", null);
        m.put("long", null);
        m.put("media_url", null);
        return m;
    }

    static String day(LocalDate date, ZoneId zone) {
        return date.atStartOfDay(zone).toOffsetDateTime().format(W3C);
    }
}
