package org.xinfang.node;

import java.util.Objects;

/**
 * One unit of the petition network: a petition office, a department, a township or a village.
 *
 * @param code unique code, 2 to 20 upper-case letters or digits (a GB/T 2260 based code by convention)
 * @param name the unit's Chinese name
 * @param kind its level
 * @param parent the code of the unit above it, or null for the root
 */
public record Unit(String code, String name, UnitKind kind, String parent) {
    public Unit {
        Objects.requireNonNull(code, "code");
        if (!code.matches("[0-9A-Z]{2,20}")) {
            throw new IllegalArgumentException("unit code must be 2-20 upper-case letters or digits: " + code);
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("unit " + code + " has no name");
        }
        Objects.requireNonNull(kind, "kind");
        if (code.equals(parent)) {
            throw new IllegalArgumentException("unit " + code + " is its own parent");
        }
    }
}
