package org.xinfang.petition;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A typed attribute of an event: its name (as written in JSON and in the API's input), what kind of
 * value it holds, and its limit. Facts of a case live in these, never in a note to be parsed back out.
 * Every attribute an event type carries is listed in {@link EventType}; docs/lifecycle.md has the table.
 *
 * @param <T> the Java type of the value: String, Integer, LocalDate or an enum
 */
public final class Attr<T> {
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\r\\n\\t]]");
    private static final Pattern CODE = Pattern.compile("[0-9A-Za-z-]{2,60}");

    /** 承办单位: the unit a case is assigned to (a unit code). */
    public static final Attr<String> UNIT = code("unit", "承办单位", 20);
    /** 理由: why (objection, extension, not accepting, redirecting, asking for review). */
    public static final Attr<String> REASON = text("reason", "理由", 1000);
    /** 延长天数: R2022 Art. 34, at most 30. */
    public static final Attr<Integer> DAYS = number("days", "延长天数", 1, Step.MAX_EXTENSION_DAYS);
    /** 导入渠道. */
    public static final Attr<RedirectChannel> CHANNEL = choice("channel", "导入渠道", RedirectChannel.class);
    /** 并入案件: the open case a repeat petition is joined to (R2022 Art. 19). */
    public static final Attr<String> LINK_TO = code("linkTo", "并入案件", 60);
    /** 信访诉求, as the written decision restates it. */
    public static final Attr<String> REQUEST = text("request", "信访诉求", 1000);
    /** 查明事实. */
    public static final Attr<String> FACTS = text("facts", "查明事实", 4000);
    /** 处理意见: support, explain or reject (R2022 Art. 32). */
    public static final Attr<Outcome> OUTCOME = choice("outcome", "处理意见", Outcome.class);
    /** 依据: the legal basis. */
    public static final Attr<String> BASIS = text("basis", "依据", 1000);
    /** 调解协议: the mediation agreement (R2022 Art. 33). */
    public static final Attr<String> AGREEMENT = text("agreement", "调解协议", 4000);
    /** 督办所涉期限: which clock lapsed. */
    public static final Attr<Step> CLOCK = choice("clock", "督办所涉期限", Step.class);
    /** 届满日: the last day of the clock that lapsed. */
    public static final Attr<LocalDate> DUE = date("due", "届满日");
    /** 答复期限: the day the supervised organ must answer by (R2005 Art. 36: 30 days). */
    public static final Attr<LocalDate> ANSWER_DUE = date("answerDue", "答复期限");
    /** 督办要求: what the supervising organ asks for. */
    public static final Attr<String> INSTRUCTIONS = text("instructions", "督办要求", 1000);
    /** 答复内容: the written answer to supervision (R2022 Art. 40). */
    public static final Attr<String> ANSWER = text("answer", "答复内容", 2000);
    /** 满意度: the petitioner's rating (R2022 Art. 21). */
    public static final Attr<Rating> LEVEL = choice("level", "满意度", Rating.class);
    /** 评价意见: what the petitioner wrote with the rating. */
    public static final Attr<String> COMMENT = text("comment", "评价意见", 500);
    /** 复查、复核结论: uphold, vary or revoke the opinion under review (R2022 Art. 35, 36). */
    public static final Attr<ReviewResult> RESULT = choice("result", "复查（复核）结论", ReviewResult.class);
    /** 采纳情况: what became of a suggestion (R2022 Art. 29). */
    public static final Attr<Adoption> ADOPTION = choice("adoption", "采纳情况", Adoption.class);
    /** 回复内容: the reply to a suggestion (R2022 Art. 29). */
    public static final Attr<String> REPLY = text("reply", "回复内容", 4000);
    /** 送达文书: which document reached the petitioner (the type of the event that issued it). */
    public static final Attr<EventType> DOCUMENT = choice("document", "送达文书", EventType.class);
    /** 送达日期: the day the petitioner received it. */
    public static final Attr<LocalDate> DELIVERED_ON = date("deliveredOn", "送达日期");
    /** 送达方式. */
    public static final Attr<DeliveryWay> WAY = choice("way", "送达方式", DeliveryWay.class);
    /** 申请日期: the day the petitioner filed the request (not the day it was typed in). */
    public static final Attr<LocalDate> FILED_ON = date("filedOn", "申请日期");
    /** 包案措施: what the leader will do (定措施). */
    public static final Attr<String> MEASURES = text("measures", "包案措施", 2000);
    /** 包案时限: the day the leader means to settle it by (定时限). */
    public static final Attr<LocalDate> TARGET_DATE = date("targetDate", "包案时限");
    /** 责任单位: the unit answerable under the leader (定责任单位). */
    public static final Attr<String> RESPONSIBLE_UNIT = code("responsibleUnit", "责任单位", 20);
    /** 包案进展. */
    public static final Attr<String> PROGRESS = text("progress", "进展情况", 2000);
    /** 包案结果. */
    public static final Attr<String> SUMMARY = text("summary", "办结情况", 2000);
    /** 听证日期. */
    public static final Attr<LocalDate> HEARING_ON = date("hearingOn", "听证日期");
    /** 地点. */
    public static final Attr<String> PLACE = text("place", "地点", 200);
    /** 听证主持人. */
    public static final Attr<String> CHAIR = text("chair", "主持人", 100);
    /** 听证员. */
    public static final Attr<String> PANEL = text("panel", "听证员", 500);
    /** 信访人一方参加人. */
    public static final Attr<String> PETITIONER_SIDE = text("petitionerSide", "信访人一方", 500);
    /** 单位一方参加人. */
    public static final Attr<String> UNIT_SIDE = text("unitSide", "办理单位一方", 500);
    /** 是否公开. */
    public static final Attr<Openness> OPENNESS = choice("openness", "是否公开", Openness.class);
    /** 到场情况. */
    public static final Attr<String> ATTENDANCE = text("attendance", "到场情况", 1000);
    /** 听证记录. */
    public static final Attr<String> RECORD = text("record", "听证记录", 4000);
    /** 听证员评议意见. */
    public static final Attr<String> OPINION = text("opinion", "评议意见", 2000);
    /** 应急联动 or 联席会议. */
    public static final Attr<Response> RESPONSE = choice("response", "联动方式", Response.class);
    /** 成员单位及人员. */
    public static final Attr<String> MEMBERS = text("members", "成员", 1000);
    /** 会议日期. */
    public static final Attr<LocalDate> MEETING_ON = date("meetingOn", "会议日期");
    /** 会议议定事项. */
    public static final Attr<String> DECISIONS = text("decisions", "议定事项", 4000);
    /** 被督办单位: who must answer (the unit that can act on the lapse). */
    public static final Attr<String> SUPERVISED_UNIT = code("supervisedUnit", "被督办单位", 20);
    /** 挂牌督办 or not. */
    public static final Attr<Listing> LISTING = choice("listing", "督办方式", Listing.class);
    /** 接访日: the leader reception session a walk-in was received in (its id, {@code <unit>-R<sequence>}). */
    public static final Attr<String> RECEPTION_DAY = code("receptionDay", "领导接访日", 40);
    /** 接访领导: the leader who received the visitor, name · title, as the session named them. */
    public static final Attr<String> RECEPTION_LEADER = text("receptionLeader", "接访领导", 160);
    /**
     * 矛盾纠纷排查事项: the item of a unit's monthly screening report a case was registered from, {@code
     * <unit>-S<yyyyMM>-<n>} (the report's id and the item's number from 1).
     */
    public static final Attr<String> SCREENING_ITEM = code("screeningItem", "矛盾纠纷排查事项", 40);

    /**
     * 被检举控告单位: the unit a 检举控告 accuses (a unit code of the tree). Its staff never read the material
     * (R2022 Art. 30, 46(5)); see {@link Disclosure}.
     */
    public static final Attr<String> ACCUSED_UNIT = code("accusedUnit", "被检举控告单位", 20);
    /** 被检举控告人: the person a 检举控告 accuses, by name, when the accuser names one. */
    public static final Attr<String> ACCUSED_PERSON = text("accusedPerson", "被检举控告人", 50);

    /** 导入来源: the import a historic case came from (the source register's name, e.g. the file imported). */
    public static final Attr<String> IMPORTED_FROM = text("importedFrom", "导入来源", 100);
    /** 原编号: the case's number in the source register; with the source, the key that imports it once. */
    public static final Attr<String> SOURCE_NUMBER = text("sourceNumber", "原编号", 60);
    /** 办理结果: how a historic case ended, as its source register says. */
    public static final Attr<HistoricResult> HISTORIC_RESULT = choice("historicResult", "办理结果", HistoricResult.class);
    /** 办结日期: the day a historic case was closed. */
    public static final Attr<LocalDate> CLOSED_ON = date("closedOn", "办结日期");

    /** What kind of value an attribute holds. */
    public enum Kind {
        TEXT, NUMBER, CHOICE, DATE, CODE
    }

    private final String name;
    private final String label;
    private final Kind kind;
    private final Class<T> type;
    private final int min;
    private final int max;

    private Attr(String name, String label, Kind kind, Class<T> type, int min, int max) {
        this.name = name;
        this.label = label;
        this.kind = kind;
        this.type = type;
        this.min = min;
        this.max = max;
    }

    static Attr<String> text(String name, String label, int maxLength) {
        return new Attr<>(name, label, Kind.TEXT, String.class, 1, maxLength);
    }

    static Attr<String> code(String name, String label, int maxLength) {
        return new Attr<>(name, label, Kind.CODE, String.class, 2, maxLength);
    }

    static Attr<Integer> number(String name, String label, int min, int max) {
        return new Attr<>(name, label, Kind.NUMBER, Integer.class, min, max);
    }

    static <E extends Enum<E>> Attr<E> choice(String name, String label, Class<E> type) {
        return new Attr<>(name, label, Kind.CHOICE, type, 0, 0);
    }

    static Attr<LocalDate> date(String name, String label) {
        return new Attr<>(name, label, Kind.DATE, LocalDate.class, 0, 0);
    }

    /** The name in JSON and in the API's input. */
    public String name() {
        return name;
    }

    /** The Chinese name shown beside the value. */
    public String label() {
        return label;
    }

    public Kind kind() {
        return kind;
    }

    /** The longest text (TEXT, CODE) or the largest number (NUMBER) allowed; 0 when it has no limit. */
    public int max() {
        return max;
    }

    /** The smallest number allowed (NUMBER). */
    public int min() {
        return min;
    }

    /** The allowed values of a CHOICE, by name; empty otherwise. */
    public java.util.List<String> choices() {
        return kind == Kind.CHOICE ? Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList()
                : java.util.List.of();
    }

    /**
     * The value {@code raw} stands for, checked against this attribute's limit: a String, a Number or
     * a String of digits for NUMBER, an ISO date for DATE, a constant's name (any case) for CHOICE.
     *
     * @param field the field to name in an error (the API's input name, which may differ from {@link #name})
     * @throws ValidationException naming {@code field} when it is missing, of the wrong type or out of limits
     */
    public T parse(Object raw, String field) {
        if (raw == null || raw instanceof String s && s.isBlank()) {
            throw new ValidationException(field, "required", "必填项不能为空 / required");
        }
        if (type.isInstance(raw) && kind != Kind.TEXT && kind != Kind.CODE) {
            return type.cast(check(raw, field));
        }
        switch (kind) {
            case TEXT, CODE -> {
                if (!(raw instanceof String s)) {
                    throw wrongType(field, "应为文字 / must be text");
                }
                return type.cast(check(s.strip(), field));
            }
            case NUMBER -> {
                Integer n;
                if (raw instanceof Integer i) {
                    n = i;
                } else if (raw instanceof Number num && num.doubleValue() == Math.rint(num.doubleValue())
                        && Math.abs(num.doubleValue()) < Integer.MAX_VALUE) {
                    n = num.intValue();
                } else if (raw instanceof String s && s.strip().matches("-?\\d{1,9}")) {
                    n = Integer.valueOf(s.strip());
                } else {
                    throw wrongType(field, "应为整数 / must be an integer");
                }
                return type.cast(check(n, field));
            }
            case DATE -> {
                try {
                    return type.cast(Checks.date(field, LocalDate.parse(String.valueOf(raw).strip())));
                } catch (DateTimeParseException e) {
                    throw wrongType(field, Checks.unreadableDate(String.valueOf(raw)));
                }
            }
            case CHOICE -> {
                String wanted = String.valueOf(raw).strip().toUpperCase(Locale.ROOT);
                for (T constant : type.getEnumConstants()) {
                    if (((Enum<?>) constant).name().equals(wanted)) {
                        return constant;
                    }
                }
                throw new ValidationException(field, "invalid_value", "取值无效，可选：" + String.join(", ", choices())
                        + " / must be one of " + String.join(", ", choices()));
            }
            default -> throw new IllegalStateException("unknown kind " + kind);
        }
    }

    private Object check(Object value, String field) {
        // text and codes have a length, numbers a range; choices and dates are checked by parsing
        if (value instanceof String s) {
            if (s.isEmpty()) {
                throw new ValidationException(field, "required", "必填项不能为空 / required");
            }
            if (s.length() > max) {
                throw new ValidationException(field, "too_long",
                        label + "不能超过 " + max + " 个字符 / at most " + max + " characters");
            }
            if (CONTROL.matcher(s).find()) {
                throw new ValidationException(field, "control_character",
                        "含有不可见的控制字符 / contains control characters");
            }
            if (kind == Kind.CODE && !CODE.matcher(s).matches()) {
                throw new ValidationException(field, "invalid_value", "编码格式无效 / not a valid code");
            }
        } else if (value instanceof Integer n && (n < min || n > max)) {
            throw new ValidationException(field, "out_of_range", label + "应在" + min + "到" + max + "之间 / must be between "
                    + min + " and " + max);
        }
        return value;
    }

    private static ValidationException wrongType(String field, String message) {
        return new ValidationException(field, "invalid_type", message);
    }

    /** The value as JSON carries it: text, number, ISO date, or the constant's name. */
    public Object wire(Object value) {
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        return value instanceof LocalDate d ? d.toString() : value;
    }

    @Override
    public String toString() {
        return name;
    }
}
