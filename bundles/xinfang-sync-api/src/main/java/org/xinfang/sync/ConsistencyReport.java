package org.xinfang.sync;

import java.util.List;

/**
 * The result of comparing one node's copies of its cases with its parent's: which cases differ.
 *
 * @param node the node whose copies were compared
 * @param parent the node it was compared with
 * @param checkedAtMillis when
 * @param cases how many cases the node holds
 * @param differing the ids of the cases whose copies differ (or that one side lacks)
 */
public record ConsistencyReport(String node, String parent, long checkedAtMillis, int cases, List<String> differing) {
    public ConsistencyReport {
        differing = List.copyOf(differing);
    }
}
