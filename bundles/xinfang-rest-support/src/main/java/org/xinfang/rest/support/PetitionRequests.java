package org.xinfang.rest.support;

import static org.xinfang.rest.support.JsonFields.bool;
import static org.xinfang.rest.support.JsonFields.choice;
import static org.xinfang.rest.support.JsonFields.integer;
import static org.xinfang.rest.support.JsonFields.objects;
import static org.xinfang.rest.support.JsonFields.string;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.xinfang.petition.Channel;
import org.xinfang.petition.Kind;
import org.xinfang.petition.PetitionDraft;
import org.xinfang.petition.Petitioner;
import org.xinfang.petition.ValidationException;

/**
 * Reads a registration request body into a {@link PetitionDraft}. Every failure names the field:
 * wrong JSON types, unknown enum values and rule violations alike. Unknown fields are ignored so that
 * newer clients can talk to older nodes.
 */
public final class PetitionRequests {
    /** Largest body accepted: 20,000 characters of content in UTF-8 plus the rest, with room to spare. */
    public static final int MAX_BODY_BYTES = 256 * 1024;

    private final ObjectMapper mapper = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** Reads at most {@link #MAX_BODY_BYTES}; a longer body is refused with 413. */
    public static byte[] readLimited(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        while ((n = in.read(buf)) > 0) {
            if (out.size() + n > MAX_BODY_BYTES) {
                throw tooLarge();
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    public static ApiException tooLarge() {
        return new ApiException(413, "payload_too_large", "请求体超过 " + MAX_BODY_BYTES / 1024
                + " KiB 上限 / the request body exceeds " + MAX_BODY_BYTES / 1024 + " KiB", null);
    }

    /** Reads a JSON object of string fields (unknown fields ignored); each named field may be absent. */
    public java.util.Map<String, String> parseFlat(byte[] body, String... fields) {
        return parseFlat(object(body), fields);
    }

    /** The named string fields of an object already read ({@link #object}); each may be absent. */
    public java.util.Map<String, String> parseFlat(JsonNode root, String... fields) {
        java.util.Map<String, String> values = new java.util.HashMap<>();
        for (String field : fields) {
            values.put(field, string(root, field));
        }
        return values;
    }

    /** The input of a procedure step; an empty body means no input. */
    public org.xinfang.lifecycle.ActionInput actionInput(byte[] body) {
        if (body.length == 0 || new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            return org.xinfang.lifecycle.ActionInput.none();
        }
        JsonNode root = object(body);
        Boolean signOff = bool(root, "signOff");
        return new org.xinfang.lifecycle.ActionInput(string(root, "reason"), integer(root, "days"),
                string(root, "channel"), string(root, "request"), string(root, "facts"), string(root, "decision"),
                string(root, "basis"), signOff,
                string(root, "note"), string(root, "linkTo"), string(root, "agreement"), string(root, "answer"),
                version(root), string(root, "result"), string(root, "filedOn"), string(root, "document"),
                string(root, "deliveredOn"), string(root, "way"), scalars(root));
    }

    /**
     * The case's version a step was chosen on ({@code "version"}, optional): a whole number from 1 (a case's first
     * version); anything else is refused with 400 naming the field, never taken for a version that changed since.
     */
    public static Integer version(JsonNode root) {
        Integer version = integer(root, "version");
        if (version != null && version < 1) {
            throw new org.xinfang.petition.ValidationException("version", "out_of_range",
                    "版本号应为页面读到的案件版本（从1起） / must be the case's version as read, 1 or more");
        }
        return version;
    }

    /** Every field of a step's input that is a single value, by name (each is checked by its attribute). */
    private static java.util.Map<String, Object> scalars(JsonNode root) {
        java.util.Map<String, Object> fields = new java.util.HashMap<>();
        root.fields().forEachRemaining(f -> {
            JsonNode v = f.getValue();
            if (v.isTextual()) {
                fields.put(f.getKey(), v.textValue());
            } else if (v.isNumber()) {
                fields.put(f.getKey(), v.numberValue());
            } else if (v.isBoolean()) {
                fields.put(f.getKey(), v.booleanValue());
            }
        });
        return fields;
    }

    /** A registration request; every failure names its field. */
    public PetitionDraft parse(byte[] body) {
        return parse(object(body));
    }

    /** A registration request already read as a JSON object ({@link #object}); every failure names its field. */
    public PetitionDraft parse(JsonNode root) {
        Kind kind = choice(root, "kind", Kind.class);
        Channel channel = choice(root, "channel", Channel.class);
        String subject = string(root, "subject");
        String content = string(root, "content");
        String category = string(root, "category");
        String location = string(root, "location");
        LocalDate receivedAt = date(root, "receivedAt");
        Integer headcount = integer(root, "headcount");
        List<Petitioner> petitioners = objects(root, "petitioners", PetitionRequests::petitioner);
        return new PetitionDraft(kind, channel, subject, content, category, location, receivedAt, headcount,
                petitioners);
    }

    /** A body that must be one JSON object: 400 malformed_json / invalid_type otherwise. */
    public JsonNode object(byte[] body) {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (JsonParseException e) {
            throw new ApiException(400, "malformed_json", "请求体不是有效的JSON（第" + e.getLocation().getLineNr()
                    + "行第" + e.getLocation().getColumnNr() + "列） / the body is not valid JSON at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr(), null);
        } catch (JsonProcessingException e) {
            throw new ApiException(400, "malformed_json", "请求体不是有效的JSON / the body is not valid JSON", null);
        } catch (IOException e) {
            throw new ApiException(400, "malformed_json", "无法读取请求体 / the body cannot be read", null);
        }
        if (root == null || root.isMissingNode()) {
            throw new ApiException(400, "malformed_json", "请求体为空 / the body is empty", null);
        }
        if (!root.isObject()) {
            throw new ApiException(400, "invalid_type", "请求体应为JSON对象 / the body must be a JSON object", null);
        }
        return root;
    }

    private static Petitioner petitioner(JsonNode item) {
        return new Petitioner(string(item, "name"), string(item, "idNumber"), phone(item), string(item, "address"),
                org.xinfang.petition.Gender.parse(string(item, "gender"), "gender"), string(item, "workUnit"));
    }

    private static String phone(JsonNode item) {
        JsonNode value = item.get("phone");
        // phone numbers typed as JSON numbers are accepted as written
        if (value != null && value.isIntegralNumber()) {
            return value.asText();
        }
        return string(item, "phone");
    }

    private static LocalDate date(JsonNode root, String field) {
        String text = string(root, field);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return org.xinfang.petition.Checks.date(field, LocalDate.parse(text.strip()));
        } catch (DateTimeParseException e) {
            throw new ValidationException(field, "invalid_date", org.xinfang.petition.Checks.unreadableDate(text));
        }
    }
}
