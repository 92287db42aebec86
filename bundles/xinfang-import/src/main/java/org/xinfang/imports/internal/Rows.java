package org.xinfang.imports.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.xinfang.node.Unit;
import org.xinfang.node.UnitDirectory;
import org.xinfang.petition.Channel;
import org.xinfang.petition.Checks;
import org.xinfang.petition.DivisionCodes;
import org.xinfang.petition.HistoricCase;
import org.xinfang.petition.HistoricResult;
import org.xinfang.petition.Kind;
import org.xinfang.petition.PetitionDraft;
import org.xinfang.petition.Petitioner;
import org.xinfang.petition.ValidationException;

/**
 * Reads an import file into the cases it holds and the rows it refuses, each with every reason: nothing
 * here touches the database. A file that cannot be read as a whole (encoding, quotes, no header, a required
 * column missing, a column twice) is refused with a {@link ValidationException} naming {@code file}.
 */
final class Rows {
    /** The most rows one file may hold. */
    static final int MAX_ROWS = 200_000;

    /** A row refused, with the column at fault (as the file names it) and why. */
    record RowError(int row, String field, String column, String reason, String message, String sourceNumber) {
    }

    /** A header the import does not read: reported, its cells ignored. */
    record Warning(int row, String column, String reason, String message) {
    }

    /** A row that makes a case. */
    record Good(int row, PetitionDraft draft, HistoricCase facts) {
    }

    /** What a file holds. */
    record Read(String encoding, int rows, List<Good> good, List<RowError> errors, int invalid, List<Warning> warnings) {
    }

    private final String source;
    private final LocalDate today;
    private final UnitDirectory units;
    private final String here;
    private final Map<String, Unit> byName = new HashMap<>();

    /**
     * @param source the import's source name (checked by the caller)
     * @param today the office's day: no date may lie after it
     * @param units the organisation tree; units named must lie within {@code here}
     */
    Rows(String source, LocalDate today, UnitDirectory units, String here) {
        this.source = source;
        this.today = today;
        this.units = units;
        this.here = here;
        for (Unit u : units.all()) {
            byName.putIfAbsent(u.name(), u);
        }
    }

    Read read(byte[] file) {
        CsvFile.Decoded decoded = CsvFile.decode(file);
        List<CsvFile.Row> all = CsvFile.parse(decoded.text());
        int headerAt = 0;
        while (headerAt < all.size() && all.get(headerAt).blank()) {
            headerAt++;
        }
        if (headerAt == all.size()) {
            throw new ValidationException("file", "empty_file", "文件中没有内容 / the file holds nothing");
        }
        CsvFile.Row header = all.get(headerAt);
        Map<Column, Integer> at = new EnumMap<>(Column.class);
        List<Warning> warnings = new ArrayList<>();
        List<String> names = header.fields();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).replace("\uFEFF", "").strip();
            if (name.isEmpty()) {
                continue;
            }
            Column c = Column.of(name);
            if (c == null) {
                warnings.add(new Warning(header.number(), name, "unknown_column", "不识别的列「" + name + "」，已忽略 / unknown"
                        + " column \"" + name + "\", ignored"));
            } else if (at.containsKey(c)) {
                throw new ValidationException("file", "duplicate_column", "列「" + c.header() + "」出现了两次（第 "
                        + (at.get(c) + 1) + " 和第 " + (i + 1) + " 列） / column " + c.field() + " appears twice");
            } else {
                at.put(c, i);
            }
        }
        List<String> missing = new ArrayList<>();
        for (Column c : Column.values()) {
            if (c.required() && !at.containsKey(c)) {
                missing.add(c.header() + "（" + c.field() + "）");
            }
        }
        if (!missing.isEmpty()) {
            throw new ValidationException("file", "missing_column", "缺少必需的列：" + String.join("、", missing)
                    + " / required columns missing");
        }
        List<CsvFile.Row> data = all.subList(headerAt + 1, all.size()).stream().filter(r -> !r.blank()).toList();
        if (data.isEmpty()) {
            throw new ValidationException("file", "no_rows", "文件只有表头，没有数据行 / the file has a header and no rows");
        }
        if (data.size() > MAX_ROWS) {
            throw new ValidationException("file", "too_many_rows", "一个文件最多 " + MAX_ROWS + " 行，本文件有 " + data.size()
                    + " 行，请分成几个文件 / at most " + MAX_ROWS + " rows per file");
        }
        List<Good> good = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        Set<Integer> invalid = new LinkedHashSet<>();
        for (CsvFile.Row row : data) {
            Cells cells = new Cells(row, at, names);
            Good g = row(cells, seen);
            if (cells.errors.isEmpty()) {
                good.add(g);
            } else {
                errors.addAll(cells.errors);
                invalid.add(row.number());
            }
        }
        return new Read(decoded.encoding(), data.size(), good, errors, invalid.size(), warnings);
    }

    /** The cells of one row, and the errors found in them. */
    private static final class Cells {
        final CsvFile.Row row;
        final Map<Column, Integer> at;
        final List<String> names;
        final List<RowError> errors = new ArrayList<>();
        String sourceNumber;

        Cells(CsvFile.Row row, Map<Column, Integer> at, List<String> names) {
            this.row = row;
            this.at = at;
            this.names = names;
        }

        /** The cell's text, stripped; empty when blank or absent. */
        String get(Column c) {
            Integer i = at.get(c);
            return i == null || i >= row.fields().size() ? "" : row.fields().get(i).strip();
        }

        void error(Column c, String reason, String message) {
            Integer i = at.get(c);
            String column = i == null ? c.header() : names.get(i).replace("\uFEFF", "").strip();
            errors.add(new RowError(row.number(), c.field(), column, reason, message, sourceNumber));
        }

        void error(Column c, ValidationException e) {
            error(c, e.code(), e.getMessage());
        }

        /** A required cell: the error names the column when it is blank. */
        String required(Column c) {
            String v = get(c);
            if (v.isEmpty()) {
                error(c, "required", c.header() + "不能为空 / " + c.field() + " is required");
                return null;
            }
            return v;
        }
    }

    private Good row(Cells cells, Map<String, Integer> seen) {
        String number = cells.required(Column.SOURCE_NUMBER);
        if (number != null) {
            if (number.length() > 60) {
                cells.error(Column.SOURCE_NUMBER, "too_long", "原编号不能超过 60 个字符 / at most 60 characters");
            } else {
                cells.sourceNumber = number;
                Integer first = seen.putIfAbsent(number, cells.row.number());
                if (first != null) {
                    cells.error(Column.SOURCE_NUMBER, "duplicate_in_file", "原编号 " + number + " 与第 " + first
                            + " 行重复 / the same source number as row " + first);
                }
            }
        }
        LocalDate received = date(cells, Column.RECEIVED_AT, true);
        if (received != null && received.isBefore(LocalDate.of(2000, 1, 1))) {
            cells.error(Column.RECEIVED_AT, "out_of_range", "登记日期不能早于2000年 / must not be before 2000-01-01");
            received = null;
        }
        Channel channel = choice(cells, Column.CHANNEL, Vocabulary::channel, Channel.class);
        Kind kind = choice(cells, Column.KIND, Vocabulary::kind, Kind.class);
        Petitioner petitioner = petitioner(cells);
        Integer headcount = null;
        String count = cells.get(Column.HEADCOUNT);
        if (!count.isEmpty()) {
            if (!count.matches("\\d{1,6}") || Integer.parseInt(count) < 1) {
                cells.error(Column.HEADCOUNT, "invalid_value", "人数应为正整数 / must be a whole number of at least 1");
            } else {
                headcount = Integer.valueOf(count);
            }
        }
        String location = location(cells);
        String category = text(cells, Column.CATEGORY, 50, false);
        String subject = text(cells, Column.SUBJECT, 200, true);
        String content = text(cells, Column.CONTENT, 20_000, true);
        String unit = unit(cells);
        String summary = text(cells, Column.SUMMARY, 2000, false);
        HistoricResult result = null;
        LocalDate closed = null;
        if (cells.get(Column.RESULT).isEmpty() && cells.get(Column.CLOSED_ON).isEmpty()) {
            cells.error(Column.RESULT, "unfinished", "未办结的事项本版本不导入：历史导入只收已办结的事项，请填写办理结果和办结日期，"
                    + "或按新信访事项登记 / unfinished cases are not imported; give the result and closing day, or register it"
                    + " as a new petition");
        } else {
            result = choice(cells, Column.RESULT, Vocabulary::result, HistoricResult.class);
            closed = date(cells, Column.CLOSED_ON, true);
            if (closed != null && received != null && closed.isBefore(received)) {
                cells.error(Column.CLOSED_ON, "before_received", "办结日期不能早于登记日期（" + received
                        + "） / the closing day cannot precede the receipt");
            }
        }
        if (!cells.errors.isEmpty()) {
            return null;
        }
        PetitionDraft draft;
        try {
            draft = new PetitionDraft(kind, channel, subject, content, category, location, received, headcount,
                    List.of(petitioner));
        } catch (ValidationException e) {
            cells.error(e.field().equals("headcount") ? Column.HEADCOUNT : Column.CONTENT, e);
            return null;
        }
        return new Good(cells.row.number(), draft, new HistoricCase(source, number, result, closed, unit, summary));
    }

    private LocalDate date(Cells cells, Column c, boolean required) {
        String v = required ? cells.required(c) : cells.get(c);
        if (v == null || v.isEmpty()) {
            return null;
        }
        LocalDate d = Vocabulary.date(v);
        if (d == null) {
            cells.error(c, "invalid_date", c.header() + "「" + v + "」不是日期，应写作 2023-05-06 或 2023/5/6 / not a date:"
                    + " write 2023-05-06");
            return null;
        }
        if (d.isAfter(today)) {
            cells.error(c, "in_future", c.header() + "不能晚于今天（" + today + "） / must not be after today");
            return null;
        }
        return d;
    }

    private static <E> E choice(Cells cells, Column c, java.util.function.Function<String, E> map, Class<E> type) {
        String v = cells.required(c);
        if (v == null) {
            return null;
        }
        E found = map.apply(v);
        if (found == null) {
            cells.error(c, "invalid_value", c.header() + "「" + v + "」无法识别，可填：" + Vocabulary.choices(type)
                    + " / unknown value \"" + v + "\"");
        }
        return found;
    }

    private static String text(Cells cells, Column c, int max, boolean required) {
        try {
            return required ? Checks.text(c.field(), cells.get(c), max) : Checks.optionalText(c.field(), cells.get(c), max);
        } catch (ValidationException e) {
            cells.error(c, e.code(), c.header() + "：" + e.getMessage());
            return null;
        }
    }

    private static Petitioner petitioner(Cells cells) {
        String name = cells.required(Column.NAME);
        try {
            return new Petitioner(name == null ? "?" : name, cells.get(Column.ID_NUMBER), cells.get(Column.PHONE),
                    cells.get(Column.ADDRESS));
        } catch (ValidationException e) {
            Column c = switch (e.field()) {
                case "idNumber" -> Column.ID_NUMBER;
                case "phone" -> Column.PHONE;
                case "address" -> Column.ADDRESS;
                default -> Column.NAME;
            };
            cells.error(c, e.code(), c.header() + "：" + e.getMessage());
            return null;
        }
    }

    /** A GB/T 2260 code, or the name of a unit in the tree (its code's first six digits). */
    private String location(Cells cells) {
        String v = cells.get(Column.LOCATION);
        if (v.isEmpty()) {
            return null;
        }
        if (v.matches("\\d+")) {
            try {
                return DivisionCodes.validate("location", v);
            } catch (ValidationException e) {
                cells.error(Column.LOCATION, e.code(), "问题属地：" + e.getMessage());
                return null;
            }
        }
        Unit u = byName(v);
        if (u != null && u.code().length() >= 6 && u.code().substring(0, 6).matches("\\d{6}")) {
            return u.code().substring(0, 6);
        }
        cells.error(Column.LOCATION, "unknown_location", "问题属地「" + v + "」既不是6位行政区划代码，也不是组织机构中的单位名称"
                + " / neither a 6-digit division code nor a unit's name");
        return null;
    }

    /** The responsible unit, by code or name: this node's unit or one below it. */
    private String unit(Cells cells) {
        String v = cells.get(Column.UNIT);
        if (v.isEmpty()) {
            return null;
        }
        Unit u = units.get(v).orElseGet(() -> byName(v));
        if (u == null) {
            cells.error(Column.UNIT, "unknown_unit", "组织机构中没有单位「" + v + "」 / no unit \"" + v + "\" in the tree");
            return null;
        }
        if (!units.isWithin(u.code(), here)) {
            cells.error(Column.UNIT, "not_within", "责任单位「" + u.name() + "」不是本单位或其下级单位 / not this unit or one"
                    + " below it");
            return null;
        }
        return u.code();
    }

    private Unit byName(String name) {
        return byName.get(name);
    }
}
