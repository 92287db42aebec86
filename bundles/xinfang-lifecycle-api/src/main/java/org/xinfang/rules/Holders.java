package org.xinfang.rules;

import org.xinfang.petition.Hierarchy;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Which children of a node hold a copy of a case and get it again whenever it changes: the child on the
 * way to the unit that registered it (the case came up through it), to the unit that owns it now, and to
 * every unit it was ever assigned to. Every copy of a case thus follows the copy above it.
 */
public final class Holders {
    private Holders() {
    }

    /** The codes of the children of {@code here} that hold a copy of a case in state {@code s}. */
    public static Set<String> of(CaseState s, String here, Hierarchy units) {
        Set<String> wanted = new LinkedHashSet<>();
        wanted.add(s.registeredBy());
        wanted.add(s.owner());
        wanted.addAll(s.unitsAssigned());
        Set<String> children = new LinkedHashSet<>();
        for (String u : wanted) {
            units.childCodeToward(here, u).ifPresent(children::add);
        }
        return children;
    }
}
