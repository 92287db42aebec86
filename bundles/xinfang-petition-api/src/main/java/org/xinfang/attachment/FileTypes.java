package org.xinfang.attachment;

import java.util.Optional;
import java.util.Set;

/**
 * Which files may be attached, decided from their first bytes and never from their name or the type the
 * sender claims: JPEG ({@code FF D8 FF}), PNG ({@code 89 50 4E 47 0D 0A 1A 0A}) and PDF ({@code %PDF-}).
 */
public final class FileTypes {
    public static final String JPEG = "image/jpeg";
    public static final String PNG = "image/png";
    public static final String PDF = "application/pdf";
    /** Every media type an attachment may have. */
    public static final Set<String> ACCEPTED = Set.of(JPEG, PNG, PDF);

    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-'};

    private FileTypes() {
    }

    /** The media type the content is, if it is one that may be attached. */
    public static Optional<String> detect(byte[] content) {
        if (content == null) {
            return Optional.empty();
        }
        if (startsWith(content, JPEG_MAGIC)) {
            return Optional.of(JPEG);
        }
        if (startsWith(content, PNG_MAGIC)) {
            return Optional.of(PNG);
        }
        if (startsWith(content, PDF_MAGIC)) {
            return Optional.of(PDF);
        }
        return Optional.empty();
    }

    /** The suffix a file of this type is saved with. */
    public static String suffix(String mediaType) {
        return switch (mediaType) {
            case JPEG -> ".jpg";
            case PNG -> ".png";
            default -> ".pdf";
        };
    }

    /**
     * A file name safe to keep and show: the last segment of a path, without control characters, quotes or
     * separators, at most 120 characters; {@code 附件} when nothing is left.
     */
    public static String safeName(String name) {
        if (name == null) {
            return "附件";
        }
        String last = name.replace('\\', '/');
        last = last.substring(last.lastIndexOf('/') + 1);
        StringBuilder out = new StringBuilder();
        last.codePoints().filter(cp -> cp >= 0x20 && cp != 0x7F && cp != '"' && cp != ';' && cp != '<' && cp != '>'
                && !Character.isISOControl(cp) && Character.getType(cp) != Character.FORMAT)
                .forEach(out::appendCodePoint);
        String clean = out.toString().strip();
        while (clean.startsWith(".")) {
            clean = clean.substring(1);
        }
        if (clean.codePointCount(0, clean.length()) > 120) {
            clean = clean.substring(0, clean.offsetByCodePoints(0, 120));
        }
        return clean.isBlank() ? "附件" : clean;
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (content[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
