package org.xinfang.petition;

import java.util.Optional;

/** What the rules need to know of the organisation tree: which unit lies below which. */
public interface Hierarchy {

    /** Whether {@code code} is {@code ancestor} or lies anywhere below it. */
    boolean isWithin(String code, String ancestor);

    /** Whether {@code code} lies strictly below {@code ancestor}. */
    default boolean isBelow(String code, String ancestor) {
        return !code.equals(ancestor) && isWithin(code, ancestor);
    }

    /**
     * Whether {@code code} is an organ competent to decide matters itself (有权处理的机关, R2022 Art. 23): it
     * accepts what it receives directly or by assignment, and only such a unit is assigned a case. A petition
     * office that only routes (信访部门, Art. 22) and a village committee are not. Every unit is, unless
     * the tree says otherwise.
     */
    default boolean competent(String code) {
        return true;
    }

    /**
     * The code of the unit directly below {@code from} on the way down to {@code target}. Empty when
     * the target is {@code from} itself or not below it.
     */
    Optional<String> childCodeToward(String from, String target);

    /** The unit as people read it, by name: the code only when the tree does not know the unit. */
    default String nameOf(String code) {
        return code;
    }
}
