package org.xinfang.attachment;

import java.time.Instant;
import java.util.Objects;
import org.xinfang.petition.Person;

/**
 * A scanned letter or photo attached to a case (附件): a typed fact, journalled as {@code ATTACHMENT_ADDED} in the
 * transaction that stores its bytes, and the same on every node that holds it. The bytes travel up behind the
 * fact, in pieces (docs/attachments.md).
 *
 * @param id the attachment's identity, {@code <node>-<seq>} of the journal entry that added it: no node chooses it
 * @param caseId the case it belongs to
 * @param fileName the name the file had, for people; never used to decide its type
 * @param mediaType the type read from the content: {@code image/jpeg}, {@code image/png} or {@code application/pdf}
 * @param size its length in bytes
 * @param sha256 SHA-256 of the content, 64 lowercase hex digits
 * @param addedAt when it was attached
 * @param addedBy who attached it
 * @param unit the unit of the person who attached it
 * @param node the node it was attached on (the origin of its journal entry)
 */
public record Attachment(String id, String caseId, String fileName, String mediaType, long size, String sha256,
        Instant addedAt, Person addedBy, String unit, String node) {
    public Attachment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(addedAt, "addedAt");
        Objects.requireNonNull(addedBy, "addedBy");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(node, "node");
        fileName = FileTypes.safeName(fileName);
        if (!FileTypes.ACCEPTED.contains(mediaType)) {
            throw new IllegalArgumentException("not an accepted media type: " + mediaType);
        }
        if (size <= 0) {
            throw new IllegalArgumentException("an attachment has at least one byte");
        }
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("sha256 must be 64 lowercase hex digits");
        }
        if (id.length() > 80 || !id.matches("[0-9A-Za-z_-]+")) {
            throw new IllegalArgumentException("attachment id must be letters, digits, - or _: " + id);
        }
    }

    /** Whether a browser may show it inline: images and PDF, all of them here. */
    public boolean image() {
        return mediaType.startsWith("image/");
    }
}
