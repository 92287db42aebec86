package org.xinfang.sync.agent.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.xinfang.petition.PetitionStore.CaseDigest;

/**
 * Anti-entropy between a node and its parent: which cases' copies differ. A case differs when the two
 * hold different versions or different timelines (digests), when the child holds a case the parent does
 * not, or when the parent holds a case the child should hold (registered in the child's subtree or owned
 * there now) and the child does not.
 */
final class Consistency {
    private Consistency() {
    }

    /** A case as the child reported it. */
    record Copy(int version, String digest) {
    }

    /**
     * The ids of the cases whose copies differ, in order.
     *
     * @param child what the child holds, by id
     * @param parent what the parent holds
     * @param shouldHold which of the parent's cases the child should hold
     */
    static List<String> differing(Map<String, Copy> child, List<CaseDigest> parent, Predicate<CaseDigest> shouldHold) {
        Map<String, CaseDigest> byId = new HashMap<>();
        parent.forEach(d -> byId.put(d.id(), d));
        TreeSet<String> differ = new TreeSet<>();
        child.forEach((id, copy) -> {
            CaseDigest mine = byId.get(id);
            if (mine == null || mine.version() != copy.version() || !mine.digest().equals(copy.digest())) {
                differ.add(id);
            }
        });
        for (CaseDigest d : parent) {
            if (!child.containsKey(d.id()) && shouldHold.test(d)) {
                differ.add(d.id());
            }
        }
        return List.copyOf(differ);
    }
}
