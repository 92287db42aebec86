package org.xinfang.attachment;

import java.util.List;
import java.util.Optional;
import org.xinfang.petition.Person;

/**
 * The attachments held at this node, in the petition store's database. Attaching stores the bytes and journals
 * the fact ({@code ATTACHMENT_ADDED}) in one transaction; the bytes go up to the parent behind the fact, in
 * pieces that a broken link does not make travel twice (docs/attachments.md).
 */
public interface AttachmentStore {

    /** An attachment as this node holds it: whether its bytes are all here, and how its pieces arrived. */
    record Held(Attachment attachment, boolean complete, int piecesHeld, int piecesReceived, Integer pieceSize) {
    }

    /**
     * Attaches a file to a case held here. The type is read from the content; a type other than JPEG, PNG or
     * PDF, an empty file, or a file or case total over the limits is refused with the field and the reason.
     *
     * @throws org.xinfang.petition.ValidationException for a refused file
     * @throws org.xinfang.petition.NotFoundException when the case is not held here
     */
    Attachment add(String caseId, String fileName, byte[] content, Person by, String unit, String node);

    /** The attachments of a case held here, oldest first (empty for a case without any). */
    List<Held> list(String caseId);

    /** One attachment of a case, if held here. */
    Optional<Held> get(String caseId, String id);

    /** The content of an attachment, when all its bytes are here and verified. */
    Optional<byte[]> content(String id);

    /** The limits this node applies. */
    AttachmentLimits limits();

    // the parent side of the transfer

    /** What this node holds of an attachment it has the fact of: empty when it has no such fact. */
    Optional<Held> transferState(String id);

    /** The indices of the pieces of an attachment held here while it is incomplete (whole: none listed). */
    List<Integer> piecesHeld(String id);

    /** How a piece was taken. */
    enum PieceOutcome {
        /** Kept; more pieces are missing. */
        KEPT,
        /** The last missing piece: the file is whole and its SHA-256 verified. */
        COMPLETE,
        /** The last missing piece, but the whole does not match its SHA-256: every piece was discarded. */
        DISCARDED
    }

    /**
     * Takes one piece of an attachment whose fact arrived here: piece {@code index} of {@code pieceSize} bytes
     * each (the last one shorter). A piece of an unknown attachment, of the wrong length or beyond the end, or in
     * another piece size than the pieces held, is refused.
     *
     * @throws org.xinfang.petition.NotFoundException when no fact of the attachment is held here
     * @throws org.xinfang.petition.ValidationException for a piece that does not fit
     */
    PieceOutcome takePiece(String id, int pieceSize, int index, byte[] data);

    // the child side of the transfer

    /** An attachment whose bytes are all here and that the parent has not confirmed yet, with its fact's entry. */
    record Pending(Attachment attachment, String entryOrigin, long entrySeq) {
    }

    /** Attachments to send up, oldest first. */
    List<Pending> pendingUp(int limit);

    /** The parent holds the attachment whole ({@code sent}) or refused its fact ({@code refused}): stop sending it. */
    void markUp(String id, boolean sent);
}
