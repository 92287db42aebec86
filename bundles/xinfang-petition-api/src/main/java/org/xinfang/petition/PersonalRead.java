package org.xinfang.petition;

import java.time.Instant;
import java.util.List;

/**
 * A recorded read of a case's full personal data (R2022 Art. 46(5); 个人信息保护法): who asked to see what, when,
 * at which node. Recorded in the node's journal with the read, so the levels above hold it too.
 *
 * @param id unique in the network: the recording node and its sequence
 * @param reader who read it (login for the audit, name and title for people)
 * @param unit the reader's unit (the node's own)
 * @param node the node where it was read
 */
public record PersonalRead(String id, String caseId, Person reader, String unit, String node, Instant at,
        List<PersonalField> fields) {
    public PersonalRead {
        Checks.text("id", id, 80);
        Checks.text("caseId", caseId, 60);
        Checks.required("reader", reader);
        Checks.text("unit", unit, 40);
        Checks.text("node", node, 60);
        Checks.required("at", at);
        fields = List.copyOf(fields);
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("a read names the fields read");
        }
    }
}
