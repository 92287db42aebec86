package org.xinfang.node;

import java.util.List;
import java.util.Optional;

/** The organisation tree as this node knows it: any number of levels, linked by parent codes. */
public interface UnitDirectory {

    /** The unit with this code. */
    Optional<Unit> get(String code);

    /** Every unit, parents before children. */
    List<Unit> all();

    /** The units directly below this one. */
    List<Unit> children(String code);

    /** The chain of units above this one, nearest first. */
    List<Unit> ancestors(String code);

    /** Whether {@code code} is {@code ancestor} or lies anywhere below it. */
    boolean isWithin(String code, String ancestor);
}
