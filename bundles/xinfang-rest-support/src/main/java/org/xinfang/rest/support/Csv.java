package org.xinfang.rest.support;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * CSV as Excel and WPS open it with Chinese intact: UTF-8 with a byte-order mark, CRLF line ends, fields
 * quoted when they hold a comma, a quote or a line break. A field that a spreadsheet would read as a formula
 * (starting with =, +, - or @) is prefixed with an apostrophe, so an exported petition cannot run one.
 */
public final class Csv {
    /** The byte-order mark Excel needs to read UTF-8. */
    public static final String BOM = "\uFEFF";

    private Csv() {
    }

    /** Writes one line. */
    public static void line(Writer out, List<?> fields) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(field(fields.get(i)));
        }
        out.write(b.append("\r\n").toString());
    }

    /** One field, neutralised and quoted as needed. */
    public static String field(Object value) {
        String s = value == null ? "" : String.valueOf(value);
        if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            s = '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    /** A person's name as a list may show it to someone who may not see personal data: the surname only. */
    public static String maskName(String name) {
        if (name == null || name.isEmpty()) {
            return "";
        }
        return name.charAt(0) + "*".repeat(Math.max(1, name.length() - 1));
    }
}
