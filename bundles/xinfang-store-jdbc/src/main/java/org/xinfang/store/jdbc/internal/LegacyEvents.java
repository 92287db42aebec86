package org.xinfang.store.jdbc.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xinfang.petition.Attr;
import org.xinfang.petition.Attributes;
import org.xinfang.petition.EventType;
import org.xinfang.petition.Person;
import org.xinfang.petition.Rating;
import org.xinfang.petition.RedirectChannel;
import org.xinfang.petition.Step;

/**
 * Events recorded before schema 8 kept their facts in the note, in the fixed wording the services of
 * that release wrote. This reads those facts into typed attributes once: when a database is migrated,
 * and when a node of that release sends a case. Nothing else ever reads a note. A fact that cannot be
 * read is left out (the event keeps its note, which is what it said then).
 */
final class LegacyEvents {
    private static final Pattern DAYS = Pattern.compile("^延长(\\d+)日");
    private static final Pattern LINK = Pattern.compile("并入 (\\S+?)（");
    private static final Pattern SUPERVISION = Pattern.compile("\\[([A-Z_]+)@(\\d{4}-\\d{2}-\\d{2})]");
    private static final Pattern RATING = Pattern.compile("^满意度评价 / rating：(\\S+?) \\(");

    private LegacyEvents() {
    }

    /** The identity a pre-schema-8 event gets: the same on every node that held the same timeline. */
    static String id(String caseId, int seq) {
        return caseId + "/" + seq;
    }

    /** The person a pre-schema-8 actor text stands for. */
    static Person person(String actor) {
        if (actor.startsWith("信访人")) {
            return Person.PETITIONER;
        }
        if (actor.startsWith("督查扫描")) {
            return Person.SYSTEM;
        }
        return new Person(actor, null, null);
    }

    /**
     * The typed attributes the note of a pre-schema-8 event states.
     *
     * @param assignedTo for an ASSIGNED event, the unit it went to when known (the note gave only a name)
     */
    static Attributes attributes(EventType type, String note, String assignedTo) {
        Attributes.Builder b = Attributes.builder();
        String text = note == null ? "" : note;
        switch (type) {
            case ASSIGNED -> put(b, Attr.UNIT, assignedTo);
            case REDIRECTED -> {
                RedirectChannel channel = text.startsWith("导入涉法涉诉") ? RedirectChannel.LEGAL
                        : text.startsWith("导入检举控告") ? RedirectChannel.DISCIPLINE : RedirectChannel.OTHER;
                put(b, Attr.CHANNEL, channel);
                put(b, Attr.REASON, after(text, "理由 / reason："));
            }
            case NOT_ACCEPTED -> put(b, Attr.REASON, after(text, "理由 / reason："));
            case LINKED -> {
                Matcher m = LINK.matcher(text);
                put(b, Attr.LINK_TO, m.find() ? m.group(1) : null);
            }
            case OBJECTED -> put(b, Attr.REASON, after(text, "not competent："));
            case EXTENDED -> {
                Matcher m = DAYS.matcher(text);
                put(b, Attr.DAYS, m.find() ? Integer.valueOf(m.group(1)) : null);
                String reason = after(text, " days：");
                int told = reason == null ? -1 : reason.lastIndexOf("（告知信访人延期理由");
                put(b, Attr.REASON, told < 0 ? reason : reason.substring(0, told));
            }
            case DECIDED, REVIEWED, REREVIEWED -> {
                for (String part : text.split("｜")) {
                    put(b, Attr.REQUEST, part.startsWith("诉求 request：") ? after(part, "：") : null);
                    put(b, Attr.FACTS, part.startsWith("事实 facts：") ? after(part, "：") : null);
                    put(b, Attr.BASIS, part.startsWith("依据 basis：") ? after(part, "：") : null);
                    if (part.startsWith("意见 decision：")) {
                        String d = after(part, "：");
                        put(b, Attr.OUTCOME, d.startsWith("支持") ? org.xinfang.petition.Outcome.SUPPORT
                                : d.startsWith("解释说明") ? org.xinfang.petition.Outcome.EXPLAIN
                                : d.startsWith("不予支持") ? org.xinfang.petition.Outcome.REJECT : null);
                    }
                }
            }
            case MEDIATED -> put(b, Attr.AGREEMENT, after(text, "mediation agreement："));
            case REVIEW_REQUESTED, REREVIEW_REQUESTED -> put(b, Attr.REASON, after(text, "理由 / reason："));
            case SUPERVISED -> {
                Matcher m = SUPERVISION.matcher(text);
                if (m.find()) {
                    try {
                        put(b, Attr.CLOCK, Step.valueOf(m.group(1)));
                        put(b, Attr.DUE, java.time.LocalDate.parse(m.group(2)));
                    } catch (RuntimeException unreadable) {
                        // left out: the note still says it
                    }
                }
            }
            case SUPERVISION_ANSWERED -> put(b, Attr.ANSWER, after(text, "answer to supervision："));
            case RATED -> {
                // the label comes first, before anything the petitioner wrote
                Matcher m = RATING.matcher(text);
                if (m.find()) {
                    for (Rating r : Rating.values()) {
                        if (r.label().equals(m.group(1))) {
                            put(b, Attr.LEVEL, r);
                        }
                    }
                }
                put(b, Attr.COMMENT, after(text, "。意见 / comment："));
            }
            default -> {
                // the type says it all
            }
        }
        return b.build();
    }

    private static <T> void put(Attributes.Builder b, Attr<T> attr, T value) {
        if (value == null || value instanceof String s && s.isBlank()) {
            return;
        }
        try {
            b.put(attr, value);
        } catch (RuntimeException outOfLimits) {
            // a fact the old release let through that today's limit does not: left in the note only
        }
    }

    private static String after(String text, String marker) {
        int i = text.indexOf(marker);
        return i < 0 ? null : text.substring(i + marker.length()).strip();
    }
}
