package org.xinfang.imports.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.xinfang.petition.ValidationException;

/**
 * A spreadsheet saved as CSV, as Excel and WPS write it: UTF-8 with or without a byte-order mark ("CSV UTF-8"),
 * or GB18030/GBK, which Chinese Excel writes for plain "CSV". Fields are separated by commas (or tabs, when the
 * header has tabs and no comma), quoted with double quotes when they hold a separator, a quote or a line break
 * (RFC 4180). Rows are numbered as the spreadsheet shows them: the header is row 1.
 */
final class CsvFile {
    /** GB18030 includes GBK and GB2312: one decoder reads all three. */
    static final Charset GB18030 = Charset.forName("GB18030");

    /** The decoded text and the encoding it was found in. */
    record Decoded(String text, String encoding) {
    }

    /** One row of the file: its number as the spreadsheet shows it, and its fields. */
    record Row(int number, List<String> fields) {
        /** Whether every field is blank (a spreadsheet's empty line). */
        boolean blank() {
            return fields.stream().allMatch(String::isBlank);
        }
    }

    private CsvFile() {
    }

    /**
     * The file's text: UTF-8 if it has the UTF-8 byte-order mark or decodes as valid UTF-8, else GB18030.
     * A file in neither is refused, as are UTF-16 files (Excel's "Unicode text"), which are not CSV.
     *
     * @throws ValidationException naming {@code file}
     */
    static Decoded decode(byte[] bytes) {
        if (bytes.length == 0) {
            throw new ValidationException("file", "empty_file", "文件为空 / the file is empty");
        }
        if (bytes.length >= 2 && (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE
                || bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)) {
            throw new ValidationException("file", "unsupported_encoding", "文件是UTF-16编码（Unicode文本），请在Excel或WPS中"
                    + "另存为“CSV UTF-8（逗号分隔）” / the file is UTF-16 (Unicode text); save it as CSV UTF-8");
        }
        boolean bom = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF;
        int from = bom ? 3 : 0;
        String utf8 = strict(StandardCharsets.UTF_8, bytes, from);
        if (utf8 != null) {
            return new Decoded(utf8, bom ? "UTF-8 (BOM)" : "UTF-8");
        }
        if (bom) {
            throw new ValidationException("file", "invalid_encoding", "文件标明为UTF-8，但含有无效的UTF-8字节 / the file"
                    + " says it is UTF-8 but holds bytes that are not");
        }
        String gb = strict(GB18030, bytes, 0);
        if (gb == null) {
            throw new ValidationException("file", "invalid_encoding", "无法识别文件编码（既不是UTF-8也不是GB18030/GBK），"
                    + "请另存为“CSV UTF-8” / the file is neither UTF-8 nor GB18030/GBK; save it as CSV UTF-8");
        }
        return new Decoded(gb, "GB18030");
    }

    private static String strict(Charset charset, byte[] bytes, int from) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, from, bytes.length - from)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * The rows of {@code text}, the header first. A quoted field that never closes, or text after a closing
     * quote, makes the file unreadable from there on: refused naming the row.
     *
     * @throws ValidationException naming {@code file}
     */
    static List<Row> parse(String text) {
        int firstLineEnd = text.indexOf('\n');
        String firstLine = firstLineEnd < 0 ? text : text.substring(0, firstLineEnd);
        char separator = firstLine.indexOf(',') < 0 && firstLine.indexOf('\t') >= 0 ? '\t' : ',';
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int row = 1;
        int i = 0;
        int n = text.length();
        boolean atFieldStart = true;
        while (i < n) {
            char ch = text.charAt(i);
            if (atFieldStart && ch == '"') {
                int start = row;
                i++;
                while (true) {
                    if (i >= n) {
                        throw new ValidationException("file", "unterminated_quote", "第 " + start + " 行的引号没有闭合，"
                                + "文件可能被截断 / row " + start + " opens a quote that never closes (a truncated file?)");
                    }
                    char q = text.charAt(i);
                    if (q == '"') {
                        if (i + 1 < n && text.charAt(i + 1) == '"') {
                            field.append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    field.append(q);
                    i++;
                }
                if (i < n && text.charAt(i) != separator && text.charAt(i) != '\r' && text.charAt(i) != '\n') {
                    throw new ValidationException("file", "malformed_quote", "第 " + row + " 行的引号后还有文字（引号内的"
                            + "引号应写成两个） / row " + row + " has text after a closing quote (a quote inside a quoted"
                            + " field is written twice)");
                }
                atFieldStart = false;
                continue;
            }
            if (ch == separator) {
                fields.add(field.toString());
                field.setLength(0);
                atFieldStart = true;
                i++;
            } else if (ch == '\r' || ch == '\n') {
                fields.add(field.toString());
                field.setLength(0);
                rows.add(new Row(row, List.copyOf(fields)));
                fields.clear();
                row++;
                atFieldStart = true;
                i += ch == '\r' && i + 1 < n && text.charAt(i + 1) == '\n' ? 2 : 1;
            } else {
                field.append(ch);
                atFieldStart = false;
                i++;
            }
        }
        if (!fields.isEmpty() || field.length() > 0 || !atFieldStart) {
            fields.add(field.toString());
            rows.add(new Row(row, List.copyOf(fields)));
        }
        return rows;
    }
}
