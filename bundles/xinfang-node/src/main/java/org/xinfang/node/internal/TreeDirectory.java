package org.xinfang.node.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.xinfang.node.Unit;
import org.xinfang.node.UnitDirectory;
import org.xinfang.node.UnitKind;

/** An immutable organisation tree, checked on construction: known parents, no cycles. */
final class TreeDirectory implements UnitDirectory {
    private final Map<String, Unit> units;

    TreeDirectory(List<Unit> list) {
        Map<String, Unit> byCode = new LinkedHashMap<>();
        for (Unit unit : list) {
            if (byCode.put(unit.code(), unit) != null) {
                throw new IllegalArgumentException("unit " + unit.code() + " is listed twice");
            }
        }
        for (Unit unit : list) {
            if (unit.parent() != null && !byCode.containsKey(unit.parent())) {
                throw new IllegalArgumentException("unit " + unit.code() + " names unknown parent " + unit.parent());
            }
            Set<String> seen = new HashSet<>();
            for (Unit u = unit; u.parent() != null; u = byCode.get(u.parent())) {
                if (!seen.add(u.code())) {
                    throw new IllegalArgumentException("the parents of unit " + unit.code() + " form a cycle");
                }
            }
        }
        // parents before children, so that a reader can build the tree in one pass
        Map<String, Unit> ordered = new LinkedHashMap<>();
        for (Unit unit : list) {
            addWithAncestors(unit, byCode, ordered);
        }
        this.units = Collections.unmodifiableMap(ordered);
    }

    private static void addWithAncestors(Unit unit, Map<String, Unit> byCode, Map<String, Unit> ordered) {
        if (ordered.containsKey(unit.code())) {
            return;
        }
        if (unit.parent() != null) {
            addWithAncestors(byCode.get(unit.parent()), byCode, ordered);
        }
        ordered.put(unit.code(), unit);
    }

    /**
     * Reads the tree from CSV lines {@code code,name,kind,parent}; a header line, blank lines and
     * lines starting with # are skipped.
     */
    static TreeDirectory parse(Reader reader) throws IOException {
        List<Unit> list = new ArrayList<>();
        BufferedReader in = new BufferedReader(reader);
        int lineNo = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNo++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("code,")) {
                continue;
            }
            String[] cells = trimmed.split(",", -1);
            if (cells.length != 4) {
                throw new IllegalArgumentException("line " + lineNo + ": expected code,name,kind,parent");
            }
            try {
                String parent = cells[3].strip();
                list.add(new Unit(cells[0].strip(), cells[1].strip(), UnitKind.valueOf(cells[2].strip()),
                        parent.isEmpty() ? null : parent));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("line " + lineNo + ": " + e.getMessage(), e);
            }
        }
        return new TreeDirectory(list);
    }

    /** This tree with {@code unit} added if it is not in it yet. */
    TreeDirectory with(Unit unit) {
        if (units.containsKey(unit.code())) {
            return this;
        }
        List<Unit> list = new ArrayList<>(units.values());
        list.add(unit);
        return new TreeDirectory(list);
    }

    @Override
    public Optional<Unit> get(String code) {
        return Optional.ofNullable(units.get(code));
    }

    @Override
    public List<Unit> all() {
        return List.copyOf(units.values());
    }

    @Override
    public List<Unit> children(String code) {
        return units.values().stream().filter(u -> code.equals(u.parent())).toList();
    }

    @Override
    public List<Unit> ancestors(String code) {
        List<Unit> chain = new ArrayList<>();
        Unit unit = units.get(code);
        while (unit != null && unit.parent() != null) {
            unit = units.get(unit.parent());
            chain.add(unit);
        }
        return chain;
    }

    @Override
    public boolean isWithin(String code, String ancestor) {
        if (code.equals(ancestor)) {
            return units.containsKey(code);
        }
        return ancestors(code).stream().anyMatch(u -> u.code().equals(ancestor));
    }
}
