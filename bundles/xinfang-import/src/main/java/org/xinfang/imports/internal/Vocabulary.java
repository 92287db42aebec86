package org.xinfang.imports.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xinfang.petition.Channel;
import org.xinfang.petition.HistoricResult;
import org.xinfang.petition.Kind;

/**
 * The words old registers use for channels, kinds and results, mapped to the typed values of the case record;
 * the code names (e.g. {@code WALK_IN}) and the labels the system shows are taken too. Dates as spreadsheets
 * write them: 2023-05-06, 2023/5/6, 2023.5.6, 2023年5月6日, 20230506, with or without a time after them.
 */
final class Vocabulary {
    private static final Map<String, Channel> CHANNELS = new LinkedHashMap<>();
    private static final Map<String, Kind> KINDS = new LinkedHashMap<>();
    private static final Map<String, HistoricResult> RESULTS = new LinkedHashMap<>();
    private static final Pattern DATE = Pattern.compile(
            "(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)?");
    private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

    static {
        for (Channel c : Channel.values()) {
            CHANNELS.put(c.label(), c);
        }
        words(CHANNELS, Channel.LETTER, "信", "书信", "来信", "信件", "写信");
        words(CHANNELS, Channel.WALK_IN, "访", "来访", "走访", "接访", "上访", "面谈");
        words(CHANNELS, Channel.ONLINE, "网", "网上", "网上信访", "网信", "网络", "互联网", "网上投诉", "网上来信");
        words(CHANNELS, Channel.PHONE, "电话", "来电", "热线", "12345");
        words(CHANNELS, Channel.FAX, "传真");
        words(CHANNELS, Channel.EMAIL, "电邮", "电子邮件", "邮件", "邮箱");
        for (Kind k : Kind.values()) {
            KINDS.put(k.label(), k);
        }
        words(KINDS, Kind.SUGGESTION, "建议", "意见", "意见建议", "建议类");
        words(KINDS, Kind.ACCUSATION, "检举", "控告", "举报", "检举控告类", "揭发");
        words(KINDS, Kind.CLAIM, "申诉", "求决", "诉求", "申诉求决类", "求决类");
        for (HistoricResult r : HistoricResult.values()) {
            RESULTS.put(r.label(), r);
        }
        words(RESULTS, HistoricResult.SUPPORTED, "予以支持", "支持诉求", "已解决", "解决");
        words(RESULTS, HistoricResult.EXPLAINED, "解释", "说明", "解释说明", "已解释", "政策解释");
        words(RESULTS, HistoricResult.REJECTED, "不予支持", "不支持诉求");
        words(RESULTS, HistoricResult.MEDIATED, "调解", "和解", "调处");
        words(RESULTS, HistoricResult.NOT_ACCEPTED, "不受理");
        words(RESULTS, HistoricResult.REDIRECTED, "转办", "转送", "导入其他法定途径", "转其他渠道", "导入司法程序");
        words(RESULTS, HistoricResult.REPLIED, "回复", "答复", "已答复", "采纳", "部分采纳", "未予采纳", "未采纳");
        words(RESULTS, HistoricResult.TERMINATED, "已终结");
        words(RESULTS, HistoricResult.CONCLUDED, "已办结", "结案", "已结案", "完结", "办结归档");
    }

    private Vocabulary() {
    }

    @SafeVarargs
    private static <T> void words(Map<String, T> map, T value, String... words) {
        for (String w : words) {
            map.put(w, value);
        }
    }

    static Channel channel(String text) {
        return find(CHANNELS, Channel.class, text);
    }

    static Kind kind(String text) {
        return find(KINDS, Kind.class, text);
    }

    static HistoricResult result(String text) {
        return find(RESULTS, HistoricResult.class, text);
    }

    /** The Chinese words a column takes, for the message that names a wrong one. */
    static String choices(Class<?> type) {
        Map<String, ?> map = type == Channel.class ? CHANNELS : type == Kind.class ? KINDS : RESULTS;
        return String.join("、", map.keySet().stream().limit(12).toList());
    }

    private static <E extends Enum<E>> E find(Map<String, E> words, Class<E> type, String text) {
        String t = text.strip().replace(" ", "");
        E found = words.get(t);
        if (found != null) {
            return found;
        }
        String upper = t.toUpperCase(Locale.ROOT).replace('-', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(upper)) {
                return e;
            }
        }
        return null;
    }

    /** The day a cell names, or null when it names none (or one outside the years the system counts). */
    static LocalDate date(String text) {
        LocalDate d = anyDate(text);
        return d == null || d.getYear() < org.xinfang.petition.Checks.FIRST_YEAR
                || d.getYear() > org.xinfang.petition.Checks.LAST_YEAR ? null : d;
    }

    private static LocalDate anyDate(String text) {
        String t = text.strip();
        Matcher m = DATE.matcher(t);
        Matcher compact = COMPACT_DATE.matcher(t);
        try {
            if (m.matches()) {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
            }
            if (compact.matches()) {
                return LocalDate.of(Integer.parseInt(compact.group(1)), Integer.parseInt(compact.group(2)),
                        Integer.parseInt(compact.group(3)));
            }
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return null;
        }
        try {
            return LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
