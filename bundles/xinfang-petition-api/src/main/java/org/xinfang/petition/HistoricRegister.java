package org.xinfang.petition;

import java.util.Collection;
import java.util.Map;

/**
 * Registers cases handled before this system, from the office's old register (历史数据导入), closed as they
 * are imported and without statutory clocks. Each is imported once per source and source number: the
 * database holds the key, so two imports of the same row at the same moment store it once. Published as
 * an OSGi service beside {@link PetitionService}.
 */
public interface HistoricRegister {

    /**
     * Registers a historic case at this node: an id and codes as for any petition, the registration naming
     * the import and the source number, and at once the closing event (历史办结) with the historic result,
     * all in one transaction with their journal entries.
     *
     * @param actor the person importing (the registration's author)
     * @throws AlreadyImportedException when a case with this source and source number is stored already
     * @throws ValidationException when the draft or the facts break a rule that needs the node's context (a
     *     receipt or closing day in the future, a closing day before the receipt, a unit outside this node)
     */
    Registration importClosed(PetitionDraft draft, HistoricCase facts, Person actor);

    /**
     * As {@link #importClosed(PetitionDraft, HistoricCase, Person)} for a batch of cases, stored together in
     * one transaction when none is refused (the cost of an import is its commits); a case refused or imported
     * already meanwhile is answered as such and the others are stored one by one.
     *
     * @return one result per case, in the order given
     */
    java.util.List<Result> importClosed(java.util.List<Item> batch, Person actor);

    /** A case to import: the petition and its history. */
    record Item(PetitionDraft draft, HistoricCase facts) {
    }

    /**
     * What became of one case of a batch: registered, imported already (as the case {@code alreadyAs}), or
     * refused with the reason.
     */
    record Result(Registration registration, String alreadyAs, ValidationException refused) {
    }

    /** Of these source numbers of {@code source}, the ones imported already, with the id of their case. */
    Map<String, String> importedIds(String source, Collection<String> sourceNumbers);

    /** A case with this source and source number was imported already. */
    class AlreadyImportedException extends PetitionStore.DuplicateException {
        private static final long serialVersionUID = 1L;
        private final String source;
        private final String sourceNumber;

        public AlreadyImportedException(String source, String sourceNumber, Throwable cause) {
            super("already imported: " + source + " / " + sourceNumber, cause);
            this.source = source;
            this.sourceNumber = sourceNumber;
        }

        public String source() {
            return source;
        }

        public String sourceNumber() {
            return sourceNumber;
        }
    }
}
