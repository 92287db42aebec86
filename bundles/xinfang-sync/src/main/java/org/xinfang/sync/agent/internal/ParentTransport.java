package org.xinfang.sync.agent.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.xinfang.petition.PetitionStore;
import org.xinfang.sync.ConsistencyReport;
import org.xinfang.sync.JournalEntry;
import org.xinfang.sync.Message;
import org.xinfang.sync.Receipt;

/**
 * What a child asks of its parent: the only way {@link SyncAgent} reaches it. The node's own cursors, marks
 * and retries stay in the agent; a transport carries one call and its answer. {@link HttpParentTransport}
 * makes the signed HTTP calls to {@code /api/v1/sync} (docs/sync.md); a test hands the agent a parent in memory.
 *
 * <p>A call the parent answers with anything but success throws {@link Refused} (an {@link IOException}), a
 * call that does not reach it an {@link IOException}: either way the agent keeps what it has and tries again.
 */
public interface ParentTransport {

    /** Whether there is a parent to call and a credential to sign the calls with. */
    boolean configured();

    /** The agent starts: calls may be made from now on. */
    void open();

    /** The agent stops: a call made from now on fails with an {@link IOException}. */
    void close();

    /**
     * Pushes a batch of this node's outbox ({@code POST /api/v1/sync/push}), with the heads of the chains held
     * here when they are due (null: left out).
     *
     * @return how far the parent holds each origin now, and its receipt for this node's chain (or null)
     * @throws Refused when the batch is refused: nothing of it is held; on a gap (409) the refusal names the
     *         origin and the sequence the parent expects
     */
    PushAnswer push(List<JournalEntry> entries, Map<String, Long> heads) throws IOException, InterruptedException;

    /** The messages queued at the parent for this node after {@code after}, at most {@code limit}, oldest first. */
    List<Message> messages(long after, int limit) throws IOException, InterruptedException;

    /**
     * Compares this node's copies of its cases with the parent's ({@code POST /api/v1/sync/digest}), sending the
     * reports this node holds of the nodes below it along; returns this node's report.
     */
    ConsistencyReport compare(List<PetitionStore.CaseDigest> cases, List<ConsistencyReport> below)
            throws IOException, InterruptedException;

    /**
     * Which pieces of an attachment the parent holds ({@code GET /api/v1/sync/attachments/{id}}); null when the
     * parent holds no fact of it (refused there).
     */
    Pieces pieces(String attachmentId) throws IOException, InterruptedException;

    /**
     * Sends one piece of an attachment ({@code PUT /api/v1/sync/attachments/{id}/pieces/{index}?pieceSize=});
     * returns the parent's outcome ({@code COMPLETE}, {@code DISCARDED}, ... or "" when it says none), or null
     * when the parent holds no fact of the attachment.
     */
    String sendPiece(String attachmentId, int index, int pieceSize, byte[] piece)
            throws IOException, InterruptedException;

    /** The parent's answer to a push that it took. */
    record PushAnswer(Map<String, Long> held, Receipt receipt) {
    }

    /** What the parent holds of an attachment: all of it, or these pieces of {@code pieceSize} (null: not said). */
    record Pieces(boolean complete, Integer pieceSize, Set<Integer> held) {
    }

    /** The parent answered, and not with success. */
    final class Refused extends IOException {
        private static final long serialVersionUID = 1L;
        private final int status;
        private final String origin;
        private final long expected;

        public Refused(int status, String answer) {
            this(status, answer, null, 0);
        }

        /** A push refused for a gap: the parent expects {@code origin}'s entry {@code expected} next. */
        public Refused(int status, String answer, String origin, long expected) {
            super("parent answered " + status + ": " + answer);
            this.status = status;
            this.origin = origin;
            this.expected = expected;
        }

        public int status() {
            return status;
        }

        /** The origin whose entry the parent expects, when it says (a gap); else null. */
        public String origin() {
            return origin;
        }

        /** The sequence the parent expects of {@link #origin()}; 0 when it does not say. */
        public long expected() {
            return expected;
        }
    }
}
