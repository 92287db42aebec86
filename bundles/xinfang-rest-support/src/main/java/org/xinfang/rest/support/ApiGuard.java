package org.xinfang.rest.support;

import java.io.IOException;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.MediaType;

/**
 * Every call to /api passes here first and every answer last.
 * <ul>
 * <li>Path segments and query parameters must be strict UTF-8 once percent-decoded, without control characters:
 * else 400 {@code invalid_encoding} naming the parameter (or {@code path}).</li>
 * <li>A JSON body (or one without a type) is read through {@link GuardedBody}: at most {@code maxBodyBytes}
 * (413 {@code payload_too_large}, at once when Content-Length says so), strict UTF-8 and nested at most
 * {@value GuardedBody#MAX_DEPTH} levels (400), a charset other than UTF-8 refused (415); a text/plain body is
 * bounded and strict UTF-8. Bodies of other types (files such as text/csv) are left to their resource, which
 * bounds them itself.</li>
 * <li>Every answer carries {@code Cache-Control: no-store} and {@code X-Content-Type-Options: nosniff}: answers
 * carry personal data, and no browser or proxy may keep them or read them as another type.</li>
 * </ul>
 */
@PreMatching
public final class ApiGuard implements ContainerRequestFilter, ContainerResponseFilter {
    /** The body limit unless a server says otherwise: far above any form, far below what would strain memory. */
    public static final long DEFAULT_MAX_BODY = 1024 * 1024;
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z0-9_.\\[\\]-]{1,40}");

    private final long maxBodyBytes;

    public ApiGuard() {
        this(DEFAULT_MAX_BODY);
    }

    public ApiGuard(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        try {
            check(request);
        } catch (RefusedInput e) {
            request.abortWith(ErrorMappers.answer(e.status(), e.error()));
        }
    }

    private void check(ContainerRequestContext request) throws RefusedInput {
        java.net.URI uri = request.getUriInfo().getRequestUri();
        String path = uri.getRawPath();
        if (path != null) {
            for (String segment : path.split("/")) {
                text(segment, "path", false);
            }
        }
        String query = uri.getRawQuery();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String rawName = eq < 0 ? pair : pair.substring(0, eq);
                String name = text(rawName, "query", true);
                String field = FIELD_NAME.matcher(name).matches() ? name : "query";
                if (eq >= 0) {
                    text(pair.substring(eq + 1), field, true);
                }
            }
        }
        if (!request.hasEntity()) {
            return;
        }
        MediaType type;
        try {
            type = request.getMediaType();
        } catch (IllegalArgumentException unreadable) {
            throw new RefusedInput(415, "unsupported_media_type", "请求体的类型无法识别 / the Content-Type cannot be read",
                    "Content-Type");
        }
        if (type != null && !json(type)) {
            return;
        }
        String charset = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !charset.equalsIgnoreCase("UTF-8") && !charset.equalsIgnoreCase("UTF8")) {
            throw new RefusedInput(415, "unsupported_charset", "请求体须为 UTF-8 编码 / the body must be UTF-8", "body");
        }
        String length = request.getHeaderString("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.strip()) > maxBodyBytes) {
                    throw RefusedInput.tooLarge(maxBodyBytes);
                }
            } catch (NumberFormatException e) {
                throw new RefusedInput(400, "bad_request", "Content-Length 无效 / invalid Content-Length", "Content-Length");
            }
        }
        boolean plainText = type != null && type.getType().equalsIgnoreCase("text");
        request.setEntityStream(new GuardedBody(request.getEntityStream(), maxBodyBytes, !plainText));
    }

    private static boolean json(MediaType type) {
        String sub = type.getSubtype().toLowerCase(java.util.Locale.ROOT);
        return type.isWildcardType() || type.getType().equalsIgnoreCase("application") && (sub.equals("json")
                || sub.endsWith("+json")) || type.getType().equalsIgnoreCase("text") && sub.equals("plain");
    }

    /** Percent-decodes a raw path segment or query part; refuses what is not strict UTF-8 or holds controls. */
    static String text(String raw, String field, boolean plusIsSpace) throws RefusedInput {
        if (raw.indexOf('%') < 0 && raw.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            return plusIsSpace ? raw.replace('+', ' ') : raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int hi = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int lo = hi >= 0 ? Character.digit(raw.charAt(i + 2), 16) : -1;
                if (lo < 0) {
                    throw RefusedInput.encoding(field);
                }
                bytes.write(hi << 4 | lo);
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes.write(' ');
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                throw RefusedInput.encoding(field); // a raw URI is ASCII; anything else was smuggled past the parser
            }
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw RefusedInput.encoding(field);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f || c >= 0x80 && c < 0xa0) {
                throw new RefusedInput(400, "control_character", "含有不可见的控制字符 / contains control characters",
                        field);
            }
        }
        return text;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle("Cache-Control", "no-store");
        response.getHeaders().putSingle("X-Content-Type-Options", "nosniff");
        drain(request);
    }

    /**
     * Reads what is left of a body the answer did not need (a call refused before its body was read), up to the
     * limit: a server that answers and closes while the client is still sending makes the client's connection
     * reset, and the client never sees the answer.
     */
    private void drain(ContainerRequestContext request) {
        if (!request.hasEntity()) {
            return;
        }
        try (java.io.InputStream in = request.getEntityStream()) {
            if (in.read() < 0) {
                return; // the body was read: every answered call, nothing to allocate
            }
            byte[] sink = new byte[8192];
            long left = maxBodyBytes - 1;
            int n;
            while (left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) > 0) {
                left -= n;
            }
        } catch (IOException | RuntimeException ignored) {
            // nothing more to read, or not readable: the answer stands
        }
    }
}
