package org.xinfang.petition;

import java.util.List;

/** One page of results and the number of all matches. */
public record Page<T>(List<T> items, long total, int offset, int limit) {
    public Page {
        items = List.copyOf(items);
    }
}
