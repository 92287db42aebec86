package org.xinfang.store.jdbc.internal;

import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.xinfang.petition.Petition;
import org.xinfang.petition.PetitionStore.StoreException;

/**
 * Writes generated cases in large batches, for tools that build a register of a given size (the district
 * benchmark, distribution/bench/DistrictBench.java): each case as a child's push stores it (its row,
 * petitioners, timeline and statistics facts, through {@link RowWriter}), one transaction per batch. The
 * cases get no journal entries: nothing measured on such a register reads the journal. Not used by a node.
 */
public final class BulkCases {
    private BulkCases() {
    }

    /** Stores these new cases in one transaction, as registered at {@code node}. */
    public static void write(DataSource dataSource, List<Petition> cases, String node) {
        Sql.runInTransaction(dataSource, "cannot store " + cases.size() + " generated cases", c -> {
            try (RowWriter rows = new RowWriter(c)) {
                for (Petition p : cases) {
                    rows.newCase(JdbcPetitionStore.with(p, p.timeline()), "generated", node, 0, node);
                }
                rows.flush();
            }
        });
    }

    /** Writes the word index of every case still pending ({@link SearchIndexer}), as a node's indexer would; returns how many. */
    public static int indexWords(DataSource dataSource) {
        try {
            return SearchIndexer.indexAll(dataSource);
        } catch (SQLException e) {
            throw new StoreException("cannot index the generated cases' words", e);
        }
    }
}
