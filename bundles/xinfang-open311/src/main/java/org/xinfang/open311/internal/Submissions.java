package org.xinfang.open311.internal;

import java.util.List;
import java.util.Map;
import org.xinfang.petition.Channel;
import org.xinfang.petition.Kind;
import org.xinfang.petition.PetitionDraft;
import org.xinfang.petition.Petitioner;
import org.xinfang.petition.ValidationException;

/**
 * A GeoReport v2 {@code POST requests} form as an online petition draft (docs/open311.md). The kind is the
 * service code; the petitioner is named by {@code first_name}/{@code last_name} (a petition is not anonymous)
 * with the phone if given; the subject is the description's first line; what the model has no field for
 * (where, coordinates, e-mail, a media link) is kept in the content for the staff. Every rule the draft breaks
 * is answered as 400 naming the Open311 field.
 */
final class Submissions {
    /** The subject is the description's first line, cut to this many characters. */
    static final int SUBJECT_CHARS = 40;

    private Submissions() {
    }

    static PetitionDraft draft(Map<String, String> form) {
        String code = form.get("service_code");
        if (blank(code)) {
            throw Open311Error.badRequest("service_code", "请选择信访事项类别（SUGGESTION 建议意见、CLAIM 申诉求决、ACCUSATION 检举控告）"
                    + " / service_code is required: SUGGESTION, CLAIM or ACCUSATION");
        }
        Kind kind = Open311Mapping.kind(code);
        if (kind == null) {
            throw Open311Error.badRequest("service_code", "没有这个类别，可选：SUGGESTION, CLAIM, ACCUSATION"
                    + " / unknown service_code; one of SUGGESTION, CLAIM, ACCUSATION");
        }
        String description = form.get("description");
        if (blank(description)) {
            throw Open311Error.badRequest("description", "请填写信访事项的具体内容 / description is required");
        }
        String name = name(form.get("first_name"), form.get("last_name"));
        if (name == null) {
            throw Open311Error.badRequest("first_name", "请填写信访人姓名（last_name 姓，first_name 名）：信访事项应如实提供姓名"
                    + " / the petitioner's name is required (first_name, last_name)");
        }
        StringBuilder content = new StringBuilder(description.strip());
        line(content, "事发地点", form.get("address_string"));
        line(content, "地址编号", form.get("address_id"));
        String coordinates = coordinates(form.get("lat"), form.get("long"));
        line(content, "坐标", coordinates);
        line(content, "电子邮箱", form.get("email"));
        line(content, "附件链接", form.get("media_url"));
        content.append("\n（经 Open311 接口提交）");
        try {
            Petitioner petitioner = new Petitioner(name, null, blank(form.get("phone")) ? null : form.get("phone").strip(),
                    null);
            return new PetitionDraft(kind, Channel.ONLINE, subject(description), content.toString(), null, null, null,
                    null, List.of(petitioner));
        } catch (ValidationException e) {
            throw Open311Error.badRequest(field(e.field()), e.getMessage());
        }
    }

    /** A Chinese name is family name then given name, without a space; others keep the form's order. */
    static String name(String first, String last) {
        String f = blank(first) ? "" : first.strip();
        String l = blank(last) ? "" : last.strip();
        if (f.isEmpty() && l.isEmpty()) {
            return null;
        }
        if (f.isEmpty() || l.isEmpty()) {
            return f + l;
        }
        boolean han = (f + l).codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
        return han ? l + f : f + " " + l;
    }

    static String subject(String description) {
        String first = description.strip().lines().findFirst().orElse("").strip();
        return first.codePointCount(0, first.length()) <= SUBJECT_CHARS ? first
                : first.substring(0, first.offsetByCodePoints(0, SUBJECT_CHARS)) + "…";
    }

    private static String coordinates(String lat, String lon) {
        if (blank(lat) && blank(lon)) {
            return null;
        }
        double la = number("lat", lat, 90);
        double lo = number("long", lon, 180);
        return "纬度 " + la + "，经度 " + lo;
    }

    private static double number(String field, String text, double bound) {
        if (blank(text)) {
            throw Open311Error.badRequest(field, "lat 与 long 应同时提供 / lat and long go together");
        }
        try {
            double v = Double.parseDouble(text.strip());
            if (Double.isFinite(v) && Math.abs(v) <= bound) {
                return v;
            }
        } catch (NumberFormatException e) {
            // answered below, naming the field
        }
        throw Open311Error.badRequest(field, "应为 -" + (int) bound + " 到 " + (int) bound + " 之间的十进制度数"
                + " / must be decimal degrees between -" + (int) bound + " and " + (int) bound);
    }

    /** The draft's field as the Open311 field the client sent. */
    static String field(String draftField) {
        if (draftField == null) {
            return "request";
        }
        if (draftField.equals("subject") || draftField.equals("content")) {
            return "description";
        }
        if (draftField.endsWith("phone")) {
            return "phone";
        }
        if (draftField.endsWith("name") || draftField.startsWith("petitioners")) {
            return "first_name";
        }
        if (draftField.equals("kind")) {
            return "service_code";
        }
        return draftField;
    }

    private static void line(StringBuilder content, String label, String value) {
        if (!blank(value)) {
            content.append('\n').append(label).append('：').append(value.strip());
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
