package org.xinfang.screening.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xinfang.node.NodeService;
import org.xinfang.node.Unit;
import org.xinfang.petition.Checks;
import org.xinfang.petition.NotFoundException;
import org.xinfang.petition.Person;
import org.xinfang.petition.PetitionDraft;
import org.xinfang.petition.PetitionService;
import org.xinfang.petition.Registration;
import org.xinfang.petition.ValidationException;
import org.xinfang.rest.support.ApiException;
import org.xinfang.screening.ReportState;
import org.xinfang.screening.RiskLevel;
import org.xinfang.screening.ScreeningForm;
import org.xinfang.screening.ScreeningItem;
import org.xinfang.screening.ScreeningReport;
import org.xinfang.screening.ScreeningStore;

/**
 * The rules of the monthly screening of conflicts (矛盾纠纷排查; the seed plan's 定期信访排查制度: every department and
 * township screens its area once a month and reports hidden conflicts and hot issues to the district office; statutory
 * hook R2005 Art. 21, 39). A unit's own node writes and files its report while it is in the unit's hands (draft,
 * returned); once filed, only the units above act on it (send it back with comments, register an item as a case), and
 * their change travels down to the unit's node.
 */
public final class ScreeningService implements org.xinfang.screening.ScreeningRecord {
    private static final Logger LOG = LoggerFactory.getLogger(ScreeningService.class);
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    /** How many past reports of a unit one list shows. */
    static final int HISTORY = 24;

    /** How a unit stands with a month's report, as the district's list shows it. */
    public enum Standing {
        /** 已报. */
        FILED("已报", "Filed"),
        /** 退回: sent back, not filed again yet. */
        RETURNED("退回", "Returned"),
        /** 未报: a draft or nothing yet, and not due yet. */
        NOT_FILED("未报", "Not filed"),
        /** 逾期: the due day passed and it is not filed. */
        LATE("逾期", "Late");

        private final String label;
        private final String english;

        Standing(String label, String english) {
            this.label = label;
            this.english = english;
        }

        public String label() {
            return label;
        }

        public String english() {
            return english;
        }
    }

    /**
     * One unit's line in the month's list.
     *
     * @param unit the unit
     * @param report its report of the month as held here, null when none has arrived
     * @param standing filed, returned, not filed or late
     * @param filedLate whether it was (last) filed after the due day
     */
    public record Line(Unit unit, ScreeningReport report, Standing standing, boolean filedLate) {
    }

    private final ScreeningStore store;
    private final NodeService node;
    private final PetitionService petitions;
    private final ScreeningForm configured;
    private final Clock clock;

    /**
     * @param dueDay the configured due day (etc/org.xinfang.screening.cfg {@code due.day})
     * @param riskLevels the configured risk levels, comma separated ({@code risk.levels})
     * @param required the configured required item fields, comma separated ({@code required.fields})
     */
    public ScreeningService(ScreeningStore store, NodeService node, PetitionService petitions, String dueDay,
            String riskLevels, String required, String zone) {
        this(store, node, petitions, form(dueDay, riskLevels, required, node.info().unit().code()),
                Clock.system(ZoneId.of(zone)));
    }

    ScreeningService(ScreeningStore store, NodeService node, PetitionService petitions, ScreeningForm configured,
            Clock clock) {
        this.store = store;
        this.node = node;
        this.petitions = petitions;
        this.configured = configured;
        this.clock = clock;
    }

    /** The form as configured here, read from the configuration's text values. */
    static ScreeningForm form(String dueDay, String riskLevels, String required, String definedBy) {
        int day;
        try {
            day = Integer.parseInt(dueDay.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("due.day is not a number: " + dueDay, e);
        }
        List<RiskLevel> levels = new ArrayList<>();
        for (String l : split(riskLevels)) {
            levels.add(RiskLevel.valueOf(l.toUpperCase(java.util.Locale.ROOT)));
        }
        return new ScreeningForm(day, levels, new LinkedHashSet<>(split(required)), definedBy);
    }

    private static List<String> split(String text) {
        return text == null ? List.of() : Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * Sends the form in use here down to every department and township below this node, so that they file on the
     * same form by the same day (queued once per unit and form; a changed form is sent again).
     */
    public void start() {
        Map<String, String> via = new LinkedHashMap<>();
        for (Unit u : filers()) {
            node.units().childCodeToward(here(), u.code()).ifPresent(child -> via.put(u.code(), child));
        }
        if (!via.isEmpty()) {
            store.sendForm(form(), via);
            LOG.info("screening form (due day {}) sent down to {} unit(s) where it changed", form().dueDay(), via.size());
        }
    }

    /** Today in the office's time zone. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    private String here() {
        return node.info().unit().code();
    }

    /** The form in use: the one received from above, else this node's own configuration. */
    public ScreeningForm form() {
        return store.receivedForm().orElse(configured);
    }

    /** Whether the form in use came from above. */
    public boolean formReceived() {
        return store.receivedForm().isPresent();
    }

    /** The unit's name, or its code when the tree does not know it. */
    public String unitName(String code) {
        return node.units().get(code).map(Unit::name).orElse(code);
    }

    /** The month asked for: {@code YYYY-MM}, not after this month, not before 2000. */
    public YearMonth month(String text) {
        if (text == null || text.isBlank()) {
            throw new ValidationException("month", "required", "请填写月份 / the month is required");
        }
        YearMonth m;
        try {
            m = MONTH.matcher(text.strip()).matches() ? YearMonth.parse(text.strip()) : null;
        } catch (DateTimeParseException e) {
            m = null;
        }
        if (m == null) {
            throw new ValidationException("month", "invalid_month", "月份格式应为 YYYY-MM（如 2026-11） / must be YYYY-MM");
        }
        if (m.isAfter(YearMonth.from(today())) || m.isBefore(YearMonth.of(2000, 1))) {
            throw new ValidationException("month", "out_of_range", "月份应在 2000-01 至本月之间 / must be from 2000-01 to this month");
        }
        return m;
    }

    /** The month whose reports are due next: the one before this. */
    public YearMonth defaultMonth() {
        return YearMonth.from(today()).minusMonths(1);
    }

    /** The units that file: every department and township below this node, in the tree's order. */
    public List<Unit> filers() {
        String here = here();
        return node.units().all().stream().filter(u -> u.kind().competent() && node.units().isBelow(u.code(), here))
                .toList();
    }

    /** Whether this node's unit files a report itself (a department or a township). */
    public boolean files() {
        return node.info().unit().kind().competent();
    }

    /**
     * The months of {@code year} whose due day has passed, from the first month any report is held for, and how
     * many of them {@code unit} filed in time.
     */
    @Override
    public OnTime onTime(String unit, int year) {
        int due = 0;
        int inTime = 0;
        // months before screening was first kept here are not counted: nobody filed them in this system
        YearMonth first = store.firstMonth().orElse(null);
        for (int m = 1; m <= 12; m++) {
            YearMonth month = YearMonth.of(year, m);
            LocalDate dueDate = form().dueDate(month);
            if (!today().isAfter(dueDate) || first == null || month.isBefore(first)) {
                continue;
            }
            due++;
            ScreeningReport r = store.get(unit, month).orElse(null);
            if (r != null && r.state() == ReportState.FILED
                    && !LocalDate.ofInstant(r.filedAt(), clock.getZone()).isAfter(dueDate)) {
                inTime++;
            }
        }
        return new OnTime(inTime, due);
    }

    /** Every unit below that files, with its report of the month as held here and how it stands. */
    public List<Line> overview(YearMonth month) {
        List<Unit> units = filers();
        Map<String, ScreeningReport> held = new LinkedHashMap<>();
        if (!units.isEmpty()) {
            store.month(month, units.stream().map(Unit::code).toList()).forEach(r -> held.put(r.unit(), r));
        }
        return units.stream().map(u -> line(u, held.get(u.code()), month)).toList();
    }

    /** How a unit stands with its report of {@code month}: late once the due day has passed and it is not filed. */
    Line line(Unit unit, ScreeningReport r, YearMonth month) {
        LocalDate due = form().dueDate(month);
        boolean pastDue = today().isAfter(due);
        if (r != null && r.state() == ReportState.FILED) {
            boolean filedLate = LocalDate.ofInstant(r.filedAt(), clock.getZone()).isAfter(due);
            return new Line(unit, r, Standing.FILED, filedLate);
        }
        if (r != null && r.state() == ReportState.RETURNED) {
            return new Line(unit, r, pastDue ? Standing.LATE : Standing.RETURNED, false);
        }
        return new Line(unit, r, pastDue ? Standing.LATE : Standing.NOT_FILED, false);
    }

    /** The line of one report (its unit may be unknown to the tree). */
    public Line line(ScreeningReport r) {
        Unit unit = node.units().get(r.unit()).orElse(null);
        return unit == null ? new Line(null, r, r.state() == ReportState.FILED ? Standing.FILED : Standing.NOT_FILED, false)
                : line(unit, r, r.month());
    }

    /** A report held here. */
    public ScreeningReport get(String unit, YearMonth month) {
        return store.get(unit, month).orElseThrow(() -> new NotFoundException("未找到" + unitName(unit) + " " + month
                + " 的矛盾纠纷排查报表 / no screening report of " + unit + " for " + month));
    }

    /** A report held here, if any. */
    public Optional<ScreeningReport> find(String unit, YearMonth month) {
        return store.get(unit, month);
    }

    /** The reports of a unit held here, newest month first. */
    public List<ScreeningReport> history(String unit) {
        return store.ofUnit(unit, HISTORY);
    }

    /** Whether this node writes and files the unit's report (it is the unit's own node). */
    public boolean ours(String unit) {
        return unit.equals(here());
    }

    /** Whether this node may act on the unit's filed report (send it back, register an item): a unit above. */
    public boolean above(String unit) {
        return node.units().isBelow(unit, here());
    }

    /**
     * Saves the unit's report of {@code month} as a draft (a new one), or replaces its contents while it is in the
     * unit's hands (a draft stays a draft, a returned report stays returned until filed again).
     *
     * @param version the version the writer read; null or 0 for a new report
     */
    public ScreeningReport save(String unit, YearMonth month, List<ScreeningItem> items, boolean nothing,
            Integer version, Person actor) {
        own(unit);
        checkRisks(items);
        Instant now = clock.instant();
        Optional<ScreeningReport> held = store.get(unit, month);
        if (held.isEmpty()) {
            if (version != null && version != 0) {
                throw conflict(ScreeningReport.id(unit, month), version, 0);
            }
            checkNewItems(items);
            try {
                return store.insert(ScreeningReport.draft(unit, month, items, nothing, actor, now), node.info().nodeId());
            } catch (IllegalStateException raced) {
                throw conflict(ScreeningReport.id(unit, month), 0, 1);
            }
        }
        requireVersion(version);
        return store.update(unit, month, before -> {
            checkVersion(before, version);
            inUnitsHands(before);
            return before.edited(keepCases(before, items), nothing, actor, now);
        }, node.info().nodeId(), null);
    }

    /** Files the unit's report with the units above (again, after it was sent back), checked against the form. */
    public ScreeningReport file(String unit, YearMonth month, Integer version, Person actor) {
        own(unit);
        named(actor, "报送");
        requireVersion(version);
        ScreeningForm form = form();
        return store.update(unit, month, before -> {
            checkVersion(before, version);
            inUnitsHands(before);
            complete(before, form);
            return before.filed(actor, clock.instant());
        }, node.info().nodeId(), null);
    }

    /** Sends a filed report of a unit below back to it with comments; the change travels down to the unit's node. */
    public ScreeningReport sendBack(String unit, YearMonth month, String comments, Integer version, Person actor) {
        if (!above(unit)) {
            throw new ApiException(403, "forbidden", "只有上级单位可以退回" + unitName(unit) + "的报表 / only a unit above "
                    + unit + " sends its report back", "unit");
        }
        named(actor, "退回");
        String why = Checks.text("comments", comments, ScreeningReport.MAX_COMMENTS);
        requireVersion(version);
        String via = node.units().childCodeToward(here(), unit).orElseThrow();
        ScreeningReport after = store.update(unit, month, before -> {
            checkVersion(before, version);
            if (before.state() != ReportState.FILED) {
                throw new ApiException(409, "illegal_transition", "该报表为「" + before.state().label() + "」，只有已报送的报表"
                        + "可以退回 / only a filed report is sent back", "state");
            }
            return before.returned(why, actor, clock.instant());
        }, node.info().nodeId(), via);
        LOG.info("screening report {} sent back by {}", after.id(), actor.login());
        return after;
    }

    /**
     * Registers item {@code n} (from 1) of the report as a petition at this node, naming the item on the case's
     * registration, and records the case's id on the item (a new version of the report, journalled; sent down when
     * this node is above the unit). The unit's own node does this while the report is in its hands, a unit above
     * once it is filed.
     */
    public Registration register(String unit, YearMonth month, int n, PetitionDraft draft, Integer version,
            Person actor) {
        requireVersion(version);
        ScreeningReport read = get(unit, month);
        checkVersion(read, version);
        item(read, n);
        if (read.items().get(n - 1).caseId() != null) {
            throw new ApiException(409, "already_registered", "该事项已登记为信访事项 " + read.items().get(n - 1).caseId()
                    + " / the item is registered already", "n");
        }
        mayRegister(read);
        Registration r = petitions.registerScreened(draft, actor, read.itemId(n));
        String via = ours(unit) ? null : node.units().childCodeToward(here(), unit).orElseThrow();
        store.update(unit, month, before -> {
            if (before.items().size() < n || before.items().get(n - 1).caseId() != null) {
                // changed between the check and the registration: the case names the item all the same
                throw new ApiException(409, "version_conflict", "报表已被修改，信访事项 " + r.petition().id()
                        + " 已登记并注明来源事项，但未记入报表 / the report changed meanwhile", "version");
            }
            return before.withCase(n, r.petition().id(), actor, clock.instant());
        }, node.info().nodeId(), via);
        LOG.info("screening item {} registered as case {} by {}", read.itemId(n), r.petition().id(), actor.login());
        return r;
    }

    /** The item {@code n} (from 1) of the report. */
    public ScreeningItem item(ScreeningReport r, int n) {
        if (n < 1 || n > r.items().size()) {
            throw new NotFoundException("报表 " + r.id() + " 没有第 " + n + " 项 / the report has no item " + n);
        }
        return r.items().get(n - 1);
    }

    private void mayRegister(ScreeningReport r) {
        if (ours(r.unit()) ? !r.state().withUnit() : !above(r.unit()) || r.state() != ReportState.FILED) {
            throw new ApiException(409, "illegal_transition", ours(r.unit())
                    ? "报表已报送，由上级单位处理其中事项 / the report is filed: the units above act on it now"
                    : "只能登记下级已报送报表中的事项 / only items of a filed report of a unit below are registered here", "state");
        }
    }

    private void own(String unit) {
        if (!ours(unit)) {
            throw new ApiException(403, "forbidden", "只能由" + unitName(unit) + "填报本单位的矛盾纠纷排查报表 / only " + unit
                    + "'s node writes its screening report", "unit");
        }
        if (!files()) {
            throw new ApiException(403, "forbidden", "只有区级部门和乡镇（街道）报送矛盾纠纷排查报表 / only departments and"
                    + " townships file screening reports", "unit");
        }
    }

    private static void named(Person actor, String what) {
        if (!actor.named()) {
            throw new ApiException(403, "not_named", what + "须由人员名单（etc/xinfang-staff.csv）中登记姓名和职务的人员办理"
                    + " / the person must be named with title in the staff list", null);
        }
    }

    private static void requireVersion(Integer version) {
        if (version == null) {
            throw new ValidationException("version", "required", "请提供所读取报表的版本号 / the version read is required");
        }
    }

    private static void checkVersion(ScreeningReport r, Integer version) {
        if (version != r.version()) {
            throw conflict(r.id(), version, r.version());
        }
    }

    private static ApiException conflict(String id, int expected, int current) {
        return new ApiException(409, "version_conflict", "报表已被修改（已由第" + expected + "版变为第" + current
                + "版），请刷新后重试 / report " + id + " changed since it was read (version " + expected + ", now " + current
                + "): reload and try again", "version");
    }

    private static void inUnitsHands(ScreeningReport r) {
        if (!r.state().withUnit()) {
            throw new ApiException(409, "illegal_transition", "报表已报送，须上级退回后才能修改 / the report is filed: it changes"
                    + " again only once sent back", "state");
        }
    }

    /** Every risk level offered by the form. */
    private void checkRisks(List<ScreeningItem> items) {
        List<RiskLevel> offered = form().riskLevels();
        for (int i = 0; i < items.size(); i++) {
            if (!offered.contains(items.get(i).risk())) {
                throw new ValidationException("items[" + i + "].risk", "invalid_value", "风险等级不在本表可选范围内（"
                        + String.join("、", offered.stream().map(RiskLevel::label).toList()) + "） / not a risk level of the form");
            }
        }
    }

    /** A new report names no cases: a case is recorded on an item only when registered from it. */
    private static void checkNewItems(List<ScreeningItem> items) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).caseId() != null) {
                throw new ValidationException("items[" + i + "].caseId", "invalid_value", "新填事项不能注明信访事项编号 / a new"
                        + " item names no case");
            }
        }
    }

    /**
     * An item registered as a case stays as it is, at its number (the case names it so): the new contents must carry
     * its case id at the same place; no other item may name a case.
     */
    private static List<ScreeningItem> keepCases(ScreeningReport before, List<ScreeningItem> items) {
        List<ScreeningItem> kept = new ArrayList<>(items);
        for (int i = 0; i < Math.max(before.items().size(), items.size()); i++) {
            String had = i < before.items().size() ? before.items().get(i).caseId() : null;
            String has = i < items.size() ? items.get(i).caseId() : null;
            if (had != null && !had.equals(has)) {
                throw new ValidationException("items[" + i + "].caseId", "registered", "第" + (i + 1) + "项已登记为信访事项 " + had
                        + "，不能删除或移动 / item " + (i + 1) + " is registered as case " + had + ": it stays at its place");
            }
            if (had == null && has != null) {
                throw new ValidationException("items[" + i + "].caseId", "invalid_value", "只有从事项登记信访事项时才记入编号"
                        + " / a case id is recorded only by registering the item");
            }
            if (had != null) {
                kept.set(i, before.items().get(i));
            }
        }
        return kept;
    }

    /** What the form asks of a filed report: items or the statement that there are none, each item complete. */
    static void complete(ScreeningReport r, ScreeningForm form) {
        if (r.items().isEmpty() && !r.nothingToReport()) {
            throw new ValidationException("items", "required", "请填写排查出的矛盾纠纷，或声明本月无矛盾纠纷 / list the items"
                    + " found, or state that there is nothing to report");
        }
        for (int i = 0; i < r.items().size(); i++) {
            ScreeningItem item = r.items().get(i);
            for (String field : form.requiredInOrder()) {
                if (!item.has(field)) {
                    throw new ValidationException("items[" + i + "]." + field, "required", "第" + (i + 1) + "项："
                            + FIELD_NAMES.get(field) + "为必填项 / item " + (i + 1) + ": " + field + " is required");
                }
            }
            if (!form.riskLevels().contains(item.risk())) {
                throw new ValidationException("items[" + i + "].risk", "invalid_value", "第" + (i + 1) + "项的风险等级不在本表"
                        + "可选范围内 / item " + (i + 1) + ": not a risk level of the form");
            }
        }
    }

    /** The Chinese names of an item's fields, as the form and the errors name them. */
    static final Map<String, String> FIELD_NAMES = Map.of("place", "地点", "peopleCount", "涉及人数", "peopleDescription",
            "涉及人员情况", "measures", "化解措施", "responsibleName", "责任人姓名", "responsibleTitle", "责任人职务");

    /** Which fields of an item the form requires, for its page. */
    Set<String> required() {
        return form().required();
    }
}
