package org.xinfang.imports.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a dry run found: how many rows, how many would be imported, refused or are imported already, and
 * every refused row with its reasons (in Chinese first).
 *
 * @param valid the rows that would be imported now (neither refused nor imported already)
 * @param invalid the rows refused (a row with several errors counts once)
 * @param duplicates the good rows whose source number was imported already from this source
 */
public record Report(String source, String encoding, int rows, int valid, int invalid, List<Duplicate> duplicates,
        List<Rows.RowError> errors, List<Rows.Warning> warnings) {

    /** A row imported already: its case. */
    record Duplicate(int row, String sourceNumber, String id) {
    }

    /** As {@code POST /api/v1/imports?dryRun=true} answers it. */
    public Map<String, Object> view() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", source);
        m.put("encoding", encoding);
        m.put("rows", rows);
        m.put("valid", valid);
        m.put("invalid", invalid);
        m.put("duplicates", duplicates.size());
        m.put("errors", errors(errors));
        m.put("duplicateRows", duplicates(duplicates));
        m.put("warnings", warnings(warnings));
        return m;
    }

    static List<Map<String, Object>> errors(List<Rows.RowError> errors) {
        return errors.stream().map(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("row", e.row());
            m.put("field", e.field());
            m.put("column", e.column());
            m.put("reason", e.reason());
            m.put("message", e.message());
            m.put("sourceNumber", e.sourceNumber());
            return m;
        }).toList();
    }

    static List<Map<String, Object>> duplicates(List<Duplicate> duplicates) {
        return duplicates.stream().map(d -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("row", d.row());
            m.put("sourceNumber", d.sourceNumber());
            m.put("id", d.id());
            m.put("reason", "already_imported");
            m.put("message", "已导入（案件 " + d.id() + "），不再重复导入 / imported already as " + d.id());
            return m;
        }).toList();
    }

    static List<Map<String, Object>> warnings(List<Rows.Warning> warnings) {
        return warnings.stream().map(w -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("row", w.row());
            m.put("column", w.column());
            m.put("reason", w.reason());
            m.put("message", w.message());
            return m;
        }).toList();
    }
}
