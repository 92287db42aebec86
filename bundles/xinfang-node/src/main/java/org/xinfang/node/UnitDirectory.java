package org.xinfang.node;

import java.util.List;
import java.util.Optional;

/** The organisation tree as this node knows it: any number of levels, linked by parent codes. */
public interface UnitDirectory extends org.xinfang.petition.Hierarchy {

    /** The unit with this code. */
    Optional<Unit> get(String code);

    @Override
    default String nameOf(String code) {
        return code == null ? null : get(code).map(Unit::name).orElse(code);
    }

    /** Every unit, parents before children. */
    List<Unit> all();

    /** The units directly below this one. */
    List<Unit> children(String code);

    /** The chain of units above this one, nearest first. */
    List<Unit> ancestors(String code);

    /**
     * The unit directly below {@code from} on the way down to {@code target}: where a message for the
     * target goes next. Empty when the target is {@code from} itself or not below it.
     */
    default Optional<Unit> childToward(String from, String target) {
        if (from.equals(target) || !isWithin(target, from)) {
            return Optional.empty();
        }
        Optional<Unit> step = get(target);
        for (Unit u : ancestors(target)) {
            if (u.code().equals(from)) {
                break;
            }
            step = Optional.of(u);
        }
        return step;
    }

    /**
     * 问题属地: the GB/T 2260 divisions (six digits) this tree's units lie in, by code, each named by the unit
     * whose code it is or else by the highest unit within it; a registration offers them instead of a typed
     * code. A unit whose code does not start with six digits names none.
     */
    default java.util.SortedMap<String, String> divisions() {
        java.util.SortedMap<String, String> divisions = new java.util.TreeMap<>();
        for (Unit u : all()) {
            String code = u.code();
            if (code.length() < 6 || !code.substring(0, 6).chars().allMatch(c -> c >= '0' && c <= '9')) {
                continue;
            }
            String division = code.substring(0, 6);
            if (code.equals(division)) {
                divisions.put(division, u.name());
            } else {
                divisions.putIfAbsent(division, u.name());
            }
        }
        return divisions;
    }

    /** Whether {@code code} is {@code ancestor} or lies anywhere below it. */
    @Override
    boolean isWithin(String code, String ancestor);

    /** A department or a township (乡镇人民政府、街道办事处) decides matters itself; see {@link UnitKind#competent()}. */
    @Override
    default boolean competent(String code) {
        return get(code).map(u -> u.kind().competent()).orElse(false);
    }

    @Override
    default Optional<String> childCodeToward(String from, String target) {
        return childToward(from, target).map(Unit::code);
    }
}
