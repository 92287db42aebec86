package org.xinfang.petition;

import java.util.List;

/**
 * The record of reads of full personal data held at this node: its own, and those of the nodes below that
 * reached it through their journals.
 */
public interface PersonalReads {

    /**
     * Records that {@code reader} at this node read {@code fields} of the case {@code caseId}: stored and
     * journalled in one transaction.
     *
     * @throws NotFoundException when the case is not held here
     */
    PersonalRead record(String caseId, Person reader, String unit, String node, List<PersonalField> fields);

    /** The reads of one case, here and below, newest first. */
    List<PersonalRead> ofCase(String caseId, int limit);

    /** The reads by one person (login at a node), newest first. */
    List<PersonalRead> byReader(String node, String login, int limit);
}
