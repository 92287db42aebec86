package org.xinfang.reception;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;
import java.util.regex.Pattern;
import org.xinfang.petition.Checks;
import org.xinfang.petition.Person;
import org.xinfang.petition.ValidationException;

/**
 * One leader reception session (领导接访日) of a unit's rota: who receives, when and where, on which topics,
 * and, once held, the session's record. Only the unit's own node changes it; every change travels up to
 * the district whole ({@code RECEPTION_DAY} journal entries), so a copy is replaced by a higher version.
 * Validated on construction; a {@link ValidationException} names the API's field.
 *
 * @param id network-wide id, {@code <unit>-R<7-digit node sequence>}, issued by the unit's node offline
 * @param unit the code of the unit whose rota it is (a petition office, department or township)
 * @param leader the receiving leader, named with title in the unit's staff list
 * @param date the day of the session
 * @param start when it starts (office time)
 * @param end when it ends, after {@code start}
 * @param place where (at most {@value #MAX_PLACE} characters)
 * @param topics what the session is for, optional (at most {@value #MAX_TOPICS})
 * @param status scheduled, cancelled or held
 * @param cancelReason why it was cancelled (required when cancelled, at most {@value #MAX_REASON})
 * @param raised what the visitors raised (the session's record, at most {@value #MAX_RECORD})
 * @param decided what the leader decided (at most {@value #MAX_RECORD})
 * @param recordedBy who wrote the record, null before
 * @param recordedAt when the record was last written, null before
 * @param scheduledBy who put the session on the rota
 * @param changedAt when it last changed
 * @param version 1 when scheduled, one more for every change: a copy is replaced only by a higher one
 */
public record ReceptionDay(String id, String unit, Person leader, LocalDate date, LocalTime start, LocalTime end,
        String place, String topics, ReceptionStatus status, String cancelReason, String raised, String decided,
        Person recordedBy, Instant recordedAt, Person scheduledBy, Instant changedAt, int version) {

    public static final int MAX_PLACE = 200;
    public static final int MAX_TOPICS = 500;
    public static final int MAX_REASON = 500;
    public static final int MAX_RECORD = 4000;
    private static final Pattern ID = Pattern.compile("[0-9A-Z]{2,20}-R\\d{7}");

    public ReceptionDay {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(unit, "unit");
        if (!ID.matcher(id).matches() || !id.startsWith(unit + "-")) {
            throw new ValidationException("id", "invalid_value", "接访日编号无效 / not a reception day id of " + unit + ": " + id);
        }
        if (leader == null || !leader.named()) {
            throw new ValidationException("leader", "not_named",
                    "接访领导须在本单位人员名单中登记姓名和职务 / the leader must be named with title in the staff list");
        }
        Checks.required("date", date);
        Checks.required("start", start);
        Checks.required("end", end);
        if (!start.isBefore(end)) {
            throw new ValidationException("end", "out_of_range", "结束时间应晚于开始时间 / must be after the start");
        }
        place = Checks.text("place", place, MAX_PLACE);
        topics = Checks.optionalText("topics", topics, MAX_TOPICS);
        Checks.required("status", status);
        cancelReason = Checks.optionalText("reason", cancelReason, MAX_REASON);
        if (status == ReceptionStatus.CANCELLED && cancelReason == null) {
            throw new ValidationException("reason", "required", "请说明取消理由 / the reason is required");
        }
        raised = Checks.optionalText("raised", raised, MAX_RECORD);
        decided = Checks.optionalText("decided", decided, MAX_RECORD);
        Objects.requireNonNull(scheduledBy, "scheduledBy");
        Objects.requireNonNull(changedAt, "changedAt");
        if (version < 1) {
            throw new IllegalArgumentException("version must be positive");
        }
    }

    /** Whether the id is one a unit's node issues for its rota. */
    public static boolean isId(String text) {
        return text != null && ID.matcher(text).matches();
    }

    /** The id the unit's node issues for its {@code seq}-th session. */
    public static String id(String unit, long seq) {
        return unit + "-R" + String.format("%07d", seq);
    }

    /** The session cancelled, with the reason. */
    public ReceptionDay cancelled(String reason, Instant at) {
        return new ReceptionDay(id, unit, leader, date, start, end, place, topics, ReceptionStatus.CANCELLED, reason,
                raised, decided, recordedBy, recordedAt, scheduledBy, at, version + 1);
    }

    /** The session held, with its record. */
    public ReceptionDay recorded(String raised, String decided, Person by, Instant at) {
        return new ReceptionDay(id, unit, leader, date, start, end, place, topics, ReceptionStatus.HELD, cancelReason,
                raised, decided, by, at, scheduledBy, at, version + 1);
    }
}
