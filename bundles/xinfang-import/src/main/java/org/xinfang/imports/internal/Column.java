package org.xinfang.imports.internal;

import java.util.List;
import java.util.Locale;

/**
 * The columns an import reads, each known by its Chinese header and a few other names (the English field
 * name among them). Headers are matched ignoring spaces, case, a trailing asterisk and 「（必填）」.
 */
enum Column {
    SOURCE_NUMBER("sourceNumber", "原编号", true, "原始编号", "原案件编号", "信访编号", "编号", "source number", "number"),
    RECEIVED_AT("receivedAt", "登记日期", true, "收到日期", "信访日期", "来信来访日期", "登记时间", "received"),
    CHANNEL("channel", "信访形式", true, "信访方式", "渠道", "来源渠道"),
    KIND("kind", "信访类别", true, "类别", "事项类别", "信访事项类别"),
    NAME("name", "信访人", true, "姓名", "信访人姓名", "petitioner"),
    ID_NUMBER("idNumber", "身份证号", false, "身份证号码", "公民身份号码", "证件号码", "id number"),
    PHONE("phone", "电话", false, "联系电话", "手机", "手机号码"),
    ADDRESS("address", "地址", false, "住址", "联系地址", "通讯地址"),
    HEADCOUNT("headcount", "人数", false, "信访人数", "来访人数"),
    LOCATION("location", "问题属地", false, "属地", "问题发生地", "行政区划"),
    CATEGORY("category", "问题分类", false, "分类", "内容分类"),
    SUBJECT("subject", "标题", true, "事项", "主题", "信访事项"),
    CONTENT("content", "诉求内容", true, "内容", "主要诉求", "信访内容", "反映内容"),
    UNIT("unit", "责任单位", false, "承办单位", "办理单位", "responsible unit", "responsibleUnit"),
    RESULT("outcome", "办理结果", true, "结果", "处理结果", "办结情况结果", "result", "status"),
    CLOSED_ON("closedOn", "办结日期", true, "结案日期", "办结时间", "closed"),
    SUMMARY("summary", "办理情况", false, "处理情况", "答复意见", "办理意见");

    private final String field;
    private final String header;
    private final boolean required;
    private final List<String> aliases;

    Column(String field, String header, boolean required, String... aliases) {
        this.field = field;
        this.header = header;
        this.required = required;
        this.aliases = List.of(aliases);
    }

    /** The name errors give it (the English field name). */
    String field() {
        return field;
    }

    /** Its Chinese header, as the template writes it. */
    String header() {
        return header;
    }

    /** Whether a file without this column cannot be imported at all. */
    boolean required() {
        return required;
    }

    /** The column a header names, or null. */
    static Column of(String header) {
        String wanted = normal(header);
        for (Column c : values()) {
            if (normal(c.header).equals(wanted) || normal(c.field).equals(wanted)) {
                return c;
            }
            for (String alias : c.aliases) {
                if (normal(alias).equals(wanted)) {
                    return c;
                }
            }
        }
        return null;
    }

    static String normal(String header) {
        String h = header == null ? "" : header.replace("\uFEFF", "").replace('\u3000', ' ').strip();
        h = h.replace("（必填）", "").replace("(必填)", "");
        while (h.endsWith("*") || h.endsWith("＊")) {
            h = h.substring(0, h.length() - 1);
        }
        return h.replaceAll("[\\s_\\-]", "").toLowerCase(Locale.ROOT);
    }
}
