package org.xinfang.portal.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.xinfang.petition.Checks;
import org.xinfang.petition.ValidationException;

/**
 * The page the office publishes (R2022 Art. 18: channels, postal address, phone, reception times and
 * places, how to query progress and results) and the procedure with its time limits and the rules that
 * apply. Every text in Chinese, and in English where the office has written it. Validated on
 * construction; a {@link ValidationException} names the field as a JSON path, e.g.
 * {@code sections.procedure.body.zh}.
 *
 * @param office who publishes it and how to reach them
 * @param sections the sections by id, in the order of {@link #SECTIONS}; all of them required
 * @param updatedAt when it was last saved; null for the content shipped with the bundle
 * @param updatedBy who saved it last; null for the content shipped with the bundle
 */
public record PortalContent(Office office, Map<String, Section> sections, Instant updatedAt, String updatedBy) {
    /**
     * The sections every published page has, in the order shown. R2022 Art. 18 names the channels,
     * the reception times and places and the way to query progress and results; the procedure and the
     * rules tell petitioners what to expect (R2022 Art. 23, 34-36).
     */
    public static final List<String> SECTIONS = List.of("reception", "leaderReception", "channels", "query",
            "procedure", "rules");
    static final int MAX_NAME = 100;
    static final int MAX_ADDRESS = 200;
    static final int MAX_TITLE = 50;
    static final int MAX_BODY = 5000;
    static final int MAX_EMAIL = 100;
    static final int MAX_PHONE = 60;
    private static final Pattern PHONE = Pattern.compile("[0-9+()（）\\-/,，、;； ]*[0-9][0-9+()（）\\-/,，、;； ]*");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final Pattern POSTCODE = Pattern.compile("\\d{6}");

    public PortalContent {
        Checks.required("office", office);
        Checks.required("sections", sections);
        for (String id : sections.keySet()) {
            if (!SECTIONS.contains(id)) {
                throw new ValidationException("sections." + id, "unknown_section",
                        "没有这个栏目，可用栏目：" + String.join(", ", SECTIONS) + " / no such section; the sections are "
                                + String.join(", ", SECTIONS));
            }
        }
        Map<String, Section> ordered = new LinkedHashMap<>();
        for (String id : SECTIONS) {
            ordered.put(id, Checks.required("sections." + id, sections.get(id)));
        }
        sections = java.util.Collections.unmodifiableMap(ordered);
        updatedBy = updatedBy == null || updatedBy.isBlank() ? null : updatedBy.strip();
    }

    /** The same content, recorded as saved by {@code user} at {@code at}. */
    public PortalContent savedBy(String user, Instant at) {
        return new PortalContent(office, sections, at, user);
    }

    /** A text in Chinese (required) and English (optional: the portal then shows the Chinese). */
    public record Text(String zh, String en) {
        public Text {
            if (zh == null || zh.isBlank()) {
                throw new ValidationException("zh", "required", "中文内容不能为空 / the Chinese text is required");
            }
        }

        static Text of(JsonNode parent, String name, String path, int max) {
            JsonNode node = parent == null ? null : parent.get(name);
            if (node == null || node.isNull()) {
                throw new ValidationException(path, "required", "必填项不能为空 / required");
            }
            if (!node.isObject()) {
                throw new ValidationException(path, "invalid_type",
                        "类型错误，应为含 zh 和 en 的对象 / must be an object with zh and en");
            }
            String zh = Checks.text(path + ".zh", string(node, "zh", path + ".zh"), max);
            String en = Checks.optionalText(path + ".en", string(node, "en", path + ".en"), max);
            return new Text(zh, en);
        }

        Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("zh", zh);
            m.put("en", en);
            return m;
        }
    }

    /**
     * The office that publishes the page.
     *
     * @param name e.g. 青溪区信访局
     * @param address the postal address letters go to, which is also where visitors come
     * @param postcode six digits; optional
     * @param phone the inquiry and complaint line(s) (咨询投诉电话)
     * @param email the office's e-mail address
     */
    public record Office(Text name, Text address, String postcode, String phone, String email) {
        public Office {
            Checks.required("office.name", name);
            Checks.required("office.address", address);
            postcode = Checks.optionalText("office.postcode", postcode, 6);
            if (postcode != null && !POSTCODE.matcher(postcode).matches()) {
                throw new ValidationException("office.postcode", "format", "邮政编码应为6位数字 / must be 6 digits");
            }
            phone = Checks.text("office.phone", phone, MAX_PHONE);
            if (!PHONE.matcher(phone).matches()) {
                throw new ValidationException("office.phone", "format",
                        "电话只能包含数字、空格、括号、加号、连字符和分隔符 / digits, spaces, brackets, +, - and separators only");
            }
            email = Checks.text("office.email", email, MAX_EMAIL);
            if (!EMAIL.matcher(email).matches()) {
                throw new ValidationException("office.email", "format", "电子邮箱格式不正确 / not an e-mail address");
            }
        }

        Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name.toJson());
            m.put("address", address.toJson());
            m.put("postcode", postcode);
            m.put("phone", phone);
            m.put("email", email);
            return m;
        }
    }

    /** One section: its heading and its text (lines; a line starting with "- " is a list item). */
    public record Section(Text title, Text body) {
        public Section {
            Checks.required("title", title);
            Checks.required("body", body);
        }

        Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("title", title.toJson());
            m.put("body", body.toJson());
            return m;
        }
    }

    /**
     * Reads the content from its JSON form; {@code updatedAt} and {@code updatedBy} are taken as they
     * stand (the store overwrites them when saving). Unknown top-level fields are ignored.
     *
     * @throws ValidationException naming the field at fault
     */
    public static PortalContent fromJson(JsonNode root) {
        JsonNode office = root.get("office");
        if (office == null || office.isNull()) {
            throw new ValidationException("office", "required", "必填项不能为空 / required");
        }
        if (!office.isObject()) {
            throw new ValidationException("office", "invalid_type", "类型错误，应为对象 / must be an object");
        }
        Office parsedOffice = new Office(Text.of(office, "name", "office.name", MAX_NAME),
                Text.of(office, "address", "office.address", MAX_ADDRESS),
                string(office, "postcode", "office.postcode"), string(office, "phone", "office.phone"),
                string(office, "email", "office.email"));
        JsonNode sections = root.get("sections");
        if (sections == null || sections.isNull()) {
            throw new ValidationException("sections", "required", "必填项不能为空 / required");
        }
        if (!sections.isObject()) {
            throw new ValidationException("sections", "invalid_type",
                    "类型错误，应为以栏目名为键的对象 / must be an object keyed by section id");
        }
        Map<String, Section> parsed = new LinkedHashMap<>();
        for (Iterator<String> names = sections.fieldNames(); names.hasNext();) {
            String id = names.next();
            String path = "sections." + id;
            if (!SECTIONS.contains(id)) {
                // reported by the constructor, with the list of sections
                parsed.put(id, null);
                continue;
            }
            JsonNode section = sections.get(id);
            if (section == null || section.isNull()) {
                continue;
            }
            if (!section.isObject()) {
                throw new ValidationException(path, "invalid_type", "类型错误，应为对象 / must be an object");
            }
            parsed.put(id, new Section(Text.of(section, "title", path + ".title", MAX_TITLE),
                    Text.of(section, "body", path + ".body", MAX_BODY)));
        }
        Instant updatedAt = null;
        String at = string(root, "updatedAt", "updatedAt");
        if (at != null && !at.isBlank()) {
            try {
                updatedAt = Instant.parse(at.strip());
            } catch (DateTimeParseException e) {
                throw new ValidationException("updatedAt", "invalid_date", "时间格式无效 / not an ISO instant");
            }
        }
        return new PortalContent(parsedOffice, parsed, updatedAt, string(root, "updatedBy", "updatedBy"));
    }

    /** The JSON form: office, sections in their order, updatedAt (ISO instant or null), updatedBy. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("office", office.toJson());
        Map<String, Object> s = new LinkedHashMap<>();
        sections.forEach((id, section) -> s.put(id, section.toJson()));
        m.put("sections", s);
        m.put("updatedAt", updatedAt == null ? null : updatedAt.toString());
        m.put("updatedBy", updatedBy);
        return m;
    }

    private static String string(JsonNode parent, String name, String path) {
        JsonNode value = parent.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new ValidationException(path, "invalid_type", "类型错误，应为字符串 / must be a string");
        }
        return value.asText();
    }
}
