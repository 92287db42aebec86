package org.xinfang.rest.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * A file sent to the API: the body itself (with its own {@code Content-Type}), or the first file part of a
 * {@code multipart/form-data} body. Bodies are read bounded: never more than the limit is held in memory.
 */
public final class Uploads {
    /** Room for a multipart body's boundaries and part headers beyond the file itself. */
    static final int MULTIPART_OVERHEAD = 64 * 1024;

    /** A received file: its name as sent (to be cleaned before it is kept) and its bytes. */
    public record Upload(String fileName, byte[] content) {
    }

    private Uploads() {
    }

    /**
     * Reads a file of at most {@code maxBytes}.
     *
     * @param contentType the request's {@code Content-Type}
     * @param contentDisposition the request's {@code Content-Disposition}, which may name the file
     * @param name the file name given in the query, if any
     * @throws ApiException 413 for a file over the limit, 400 for a multipart body without a file
     */
    public static Upload read(InputStream body, String contentType, String contentDisposition, String name,
            long maxBytes, ApiException tooLarge) throws IOException {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("multipart/form-data")) {
            String boundary = parameter(contentType, "boundary");
            if (boundary == null || boundary.isEmpty()) {
                throw new ApiException(400, "malformed_multipart", "多部分请求缺少 boundary / the multipart body has no"
                        + " boundary", "file");
            }
            byte[] all = bounded(body, maxBytes + MULTIPART_OVERHEAD, tooLarge);
            Upload file = firstFile(all, boundary);
            if (file.content().length > maxBytes) {
                throw tooLarge;
            }
            return new Upload(name != null ? name : file.fileName(), file.content());
        }
        byte[] content = bounded(body, maxBytes, tooLarge);
        String fromHeader = contentDisposition == null ? null : fileName(contentDisposition);
        return new Upload(name != null ? name : fromHeader, content);
    }

    /** Reads at most {@code max} bytes; more is refused with {@code tooLarge} before it is buffered. */
    static byte[] bounded(InputStream in, long max, ApiException tooLarge) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[65536];
        int n;
        while ((n = in.read(buf)) > 0) {
            if (out.size() + (long) n > max) {
                throw tooLarge;
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    /** The first part that carries a file name (or, failing that, the first part named {@code file}). */
    static Upload firstFile(byte[] body, String boundary) {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int at = indexOf(body, delimiter, 0);
        while (at >= 0) {
            int headersStart = at + delimiter.length;
            if (headersStart + 2 <= body.length && body[headersStart] == '-' && body[headersStart + 1] == '-') {
                break; // the closing delimiter
            }
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headersStart);
            if (headersEnd < 0) {
                break;
            }
            String headers = new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
            int next = indexOf(body, ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1), headersEnd + 4);
            if (next < 0) {
                break;
            }
            String disposition = null;
            for (String line : headers.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-disposition:")) {
                    disposition = line.substring(line.indexOf(':') + 1);
                }
            }
            String file = disposition == null ? null : fileName(disposition);
            if (file != null || (disposition != null && "file".equals(parameter(disposition, "name")))) {
                return new Upload(file, Arrays.copyOfRange(body, headersEnd + 4, next));
            }
            at = next + 2;
        }
        throw new ApiException(400, "required", "请选择要上传的文件 / the multipart body carries no file", "file");
    }

    /** The file name of a {@code Content-Disposition}: {@code filename*=UTF-8''…} before {@code filename="…"}. */
    static String fileName(String disposition) {
        String extended = parameter(disposition, "filename*");
        if (extended != null) {
            int quote = extended.indexOf("''");
            if (quote >= 0 && extended.substring(0, quote).equalsIgnoreCase("UTF-8")) {
                try {
                    return URLDecoder.decode(extended.substring(quote + 2).replace("+", "%2B"), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException malformed) {
                    // fall back to the plain name
                }
            }
        }
        return parameter(disposition, "filename");
    }

    /** A parameter of a header value ({@code a=b; c="d"}), unquoted; null when absent. */
    static String parameter(String header, String key) {
        for (String part : header.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0 && part.substring(0, eq).strip().equalsIgnoreCase(key)) {
                String value = part.substring(eq + 1).strip();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return value;
            }
        }
        return null;
    }

    private static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /**
     * A {@code Content-Disposition} value that names the file safely for every browser: an ASCII fallback and the
     * UTF-8 name per RFC 5987 / RFC 6266.
     */
    public static String disposition(String kind, String fileName) {
        StringBuilder ascii = new StringBuilder();
        for (char ch : fileName.toCharArray()) {
            ascii.append(ch >= 0x20 && ch < 0x7F && ch != '"' && ch != '\\' && ch != '%' ? ch : '_');
        }
        StringBuilder encoded = new StringBuilder();
        for (byte b : fileName.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(String.format("%02X", c));
            }
        }
        return kind + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
