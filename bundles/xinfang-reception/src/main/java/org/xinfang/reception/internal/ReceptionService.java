package org.xinfang.reception.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xinfang.node.NodeService;
import org.xinfang.node.Unit;
import org.xinfang.node.UnitKind;
import org.xinfang.petition.Checks;
import org.xinfang.petition.NotFoundException;
import org.xinfang.petition.Person;
import org.xinfang.petition.ValidationException;
import org.xinfang.reception.ReceptionDay;
import org.xinfang.reception.ReceptionStatus;
import org.xinfang.reception.ReceptionStore;
import org.xinfang.rest.support.ApiException;

/**
 * The rules of a unit's leader reception rota (领导接访日): leaders receive visitors in person on published
 * days (R2022 Art. 18; R2005 Art. 10 asked for the time and place to be published). A node schedules,
 * cancels and records only its own unit's sessions; those of the units below arrive by sync and are listed.
 */
public final class ReceptionService {
    private static final Logger LOG = LoggerFactory.getLogger(ReceptionService.class);
    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})");
    /** How far ahead a session may be put on the rota, and the longest list asked for. */
    static final int MAX_DAYS_AHEAD = 366;

    private final ReceptionStore store;
    private final NodeService node;
    private final Clock clock;

    public ReceptionService(ReceptionStore store, NodeService node, String zone) {
        this(store, node, Clock.system(ZoneId.of(zone)));
    }

    ReceptionService(ReceptionStore store, NodeService node, Clock clock) {
        this.store = store;
        this.node = node;
        this.clock = clock;
    }

    /** Today in the office's time zone. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    private String here() {
        return node.info().unit().code();
    }

    /** The unit's name, or its code when the tree does not know it. */
    public String unitName(String code) {
        return node.units().get(code).map(Unit::name).orElse(code);
    }

    /** Whether the session is of this node's unit (only those are changed here). */
    public boolean ours(ReceptionDay day) {
        return day.unit().equals(here());
    }

    /**
     * Puts a session on this node's unit's rota and journals it (it travels up to the district).
     *
     * @throws ValidationException naming the field at fault
     * @throws ApiException 403 when this node's unit keeps no rota (a village)
     */
    public ReceptionDay schedule(ReceptionInput in, Person actor) {
        Unit unit = node.info().unit();
        if (unit.kind() == UnitKind.VILLAGE) {
            throw new ApiException(403, "forbidden", "村（社区）不安排领导接访日 / a village keeps no reception rota", "unit");
        }
        if (in.unit() != null && !in.unit().isBlank() && !in.unit().strip().equals(unit.code())) {
            throw new ValidationException("unit", "other_unit", "只能安排本单位（" + unit.name() + "）的领导接访日 / only this"
                    + " node's unit's rota (" + unit.code() + ") is kept here");
        }
        LocalDate date = date("date", in.date());
        LocalDate today = today();
        if (date.isBefore(today)) {
            throw new ValidationException("date", "in_past", "接访日期不能早于今天（" + today + "） / must not be before today");
        }
        if (date.isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
            throw new ValidationException("date", "out_of_range", "接访日期最多提前一年安排 / at most a year ahead");
        }
        LocalTime start = time("start", in.start());
        LocalTime end = time("end", in.end());
        Person leader = leader(in.leader());
        String place = Checks.text("place", in.place(), ReceptionDay.MAX_PLACE);
        String topics = Checks.optionalText("topics", in.topics(), ReceptionDay.MAX_TOPICS);
        if (!start.isBefore(end)) {
            throw new ValidationException("end", "out_of_range", "结束时间应晚于开始时间 / must be after the start");
        }
        ReceptionDay stored;
        // one leader, one session at a time. This unit's rota is written on this node only, so checking and inserting
        // one schedule at a time here keeps two clerks booking the same leader at once from both succeeding.
        synchronized (this) {
            for (ReceptionDay other : store.between(date, date, List.of(unit.code()))) {
                if (other.status() != ReceptionStatus.CANCELLED && other.leader().login().equals(leader.login())
                        && start.isBefore(other.end()) && other.start().isBefore(end)) {
                    throw new ApiException(409, "overlap", leader.display() + "在" + date + " " + other.start() + "—"
                            + other.end() + "已有接访安排（" + other.place() + "），时间不能重叠 / the leader has a session"
                            + " then already (" + other.id() + ", " + other.start() + "-" + other.end() + ")", "start");
                }
            }
            ReceptionDay day = new ReceptionDay(store.nextId(unit.code()), unit.code(), leader, date, start, end, place,
                    topics, ReceptionStatus.SCHEDULED, null, null, null, null, null, actor, clock.instant(), 1);
            stored = store.insert(day, node.info().nodeId());
        }
        LOG.info("reception day {} scheduled by {}: {} {}-{} {}", stored.id(), actor.login(), date, start, end,
                leader.login());
        return stored;
    }

    /** Cancels a scheduled session of this node's unit, with the reason (the portal stops listing it). */
    public ReceptionDay cancel(String id, String reason, Person actor) {
        String why = Checks.text("reason", reason, ReceptionDay.MAX_REASON);
        return store.update(id, before -> {
            own(before);
            if (before.status() != ReceptionStatus.SCHEDULED) {
                throw new ApiException(409, "illegal_transition", "该接访日为「" + before.status().label() + "」，不能取消 / a "
                        + before.status() + " session cannot be cancelled", "status");
            }
            return before.cancelled(why, clock.instant());
        }, node.info().nodeId());
    }

    /**
     * Writes the session's record: what the visitors raised and what the leader decided. A session is
     * recorded on or after its day, and may be recorded again (the newest record stands; each is journalled).
     */
    public ReceptionDay record(String id, String raised, String decided, Person actor) {
        String what = Checks.text("raised", raised, ReceptionDay.MAX_RECORD);
        String outcome = Checks.optionalText("decided", decided, ReceptionDay.MAX_RECORD);
        return store.update(id, before -> {
            own(before);
            if (before.status() == ReceptionStatus.CANCELLED) {
                throw new ApiException(409, "illegal_transition", "该接访日已取消，不能记录 / a cancelled session has no record",
                        "status");
            }
            if (before.date().isAfter(today())) {
                throw new ApiException(409, "illegal_transition", "接访日（" + before.date() + "）尚未到来，不能记录 / the session"
                        + " has not taken place yet", "status");
            }
            return before.recorded(what, outcome, actor, clock.instant());
        }, node.info().nodeId());
    }

    /** A session held here. */
    public ReceptionDay get(String id) {
        return store.get(id).orElseThrow(() -> new NotFoundException("未找到编号为 " + id + " 的接访日 / no reception day " + id));
    }

    /** Every session held here (this unit's and those synced from below) between the two days. */
    public List<ReceptionDay> between(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new ValidationException("to", "out_of_range", "结束日期不能早于开始日期 / must not be before from");
        }
        if (to.isAfter(from.plusDays(MAX_DAYS_AHEAD))) {
            throw new ValidationException("to", "out_of_range", "一次最多查询一年 / at most a year at once");
        }
        return store.between(from, to, List.of());
    }

    /** The published rota: scheduled sessions from today on, of every unit held here (R2022 Art. 18). */
    public List<ReceptionDay> published() {
        LocalDate today = today();
        return store.between(today, today.plusDays(MAX_DAYS_AHEAD), List.of()).stream()
                .filter(d -> d.status() == ReceptionStatus.SCHEDULED).toList();
    }

    /** The cases registered during these sessions, by session id. */
    public Map<String, List<String>> cases(Collection<ReceptionDay> days) {
        return store.cases(days.stream().map(ReceptionDay::id).toList());
    }

    private void own(ReceptionDay day) {
        if (!ours(day)) {
            throw new ApiException(403, "forbidden", "只能由" + unitName(day.unit()) + "调整其领导接访日 / only "
                    + day.unit() + "'s node changes its rota", "id");
        }
    }

    /** The leader, named with title in this node's staff list; never an unnamed account. */
    private Person leader(String login) {
        if (login == null || login.isBlank()) {
            throw new ValidationException("leader", "required", "请选择接访领导 / the leader is required");
        }
        Person p = node.person(login.strip());
        if (!p.named()) {
            throw new ValidationException("leader", "not_named", "接访领导须在本单位人员名单（etc/xinfang-staff.csv）中登记姓名和职务"
                    + " / the leader must be named with title in the staff list");
        }
        return p;
    }

    static LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new ValidationException(field, "required", "必填项不能为空 / required");
        }
        try {
            return org.xinfang.petition.Checks.date(field, LocalDate.parse(text.strip()));
        } catch (DateTimeParseException e) {
            throw new ValidationException(field, "invalid_date", org.xinfang.petition.Checks.unreadableDate(text));
        }
    }

    static LocalTime time(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new ValidationException(field, "required", "必填项不能为空 / required");
        }
        Matcher m = TIME.matcher(text.strip());
        if (!m.matches() || Integer.parseInt(m.group(1)) > 23 || Integer.parseInt(m.group(2)) > 59) {
            throw new ValidationException(field, "invalid_time", "时间格式应为 HH:mm（如 09:00） / must be HH:mm, e.g. 09:00");
        }
        return LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }
}
