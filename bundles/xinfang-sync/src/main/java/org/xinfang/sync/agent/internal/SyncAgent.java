package org.xinfang.sync.agent.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xinfang.node.NodeService;
import org.xinfang.sync.JournalEntry;
import org.xinfang.sync.Message;
import org.xinfang.petition.PetitionStore;
import org.xinfang.sync.ConsistencyReport;
import org.xinfang.sync.Outgoing;
import org.xinfang.sync.Receipt;
import org.xinfang.sync.SyncPolicy;
import org.xinfang.sync.SyncStore;

/**
 * The child side of sync. Lower nodes open every connection: this agent pushes the node's outbox to
 * the parent and pulls the messages waiting there, on a schedule, at once when woken (after a child
 * pushed to us), and with exponential backoff and jitter while the parent cannot be reached. The
 * acknowledged mark moves only after the parent's answer; the pull cursor moves in the same
 * transaction as the message it covers. The parent is reached only through a {@link ParentTransport}
 * (signed HTTP in a node, {@link HttpParentTransport}; a parent in memory in the unit tests).
 */
public final class SyncAgent implements org.xinfang.sync.Outbound {
    private static final Logger LOG = LoggerFactory.getLogger(SyncAgent.class);
    static final String PUSH_MARK = "push.acked";
    static final String PULL_CURSOR = "pull.cursor";
    /** Message type of the holiday calendar, sent from the top of the network to every node. */
    static final String CALENDAR = "CALENDAR";
    /** A batch stops growing at this many bytes of payload, whatever the count. */
    private static final int MAX_BATCH_BYTES = 4 * 1024 * 1024;

    /** The parent's public key, pinned at the first receipt: a receipt under another key is not taken. */
    static final String PARENT_KEY = "parent.key";
    /** Chain heads go up with a push at most this often. */
    private static final long HEADS_EVERY_MILLIS = 10_000;

    private final SyncStore store;
    private final NodeService node;
    private final SyncPolicy policy;
    private final PetitionStore petitions;
    private final long consistencyMillis;
    private final ParentTransport parent;
    private final long intervalMillis;
    private final int batchSize;
    private final long maxBackoffMillis;
    private final org.xinfang.attachment.AttachmentStore attachments;
    private final int pieceBytes;
    private final int piecesPerRound;
    private ScheduledExecutorService executor;
    private ScheduledFuture<?> next; // guarded by this
    private long generation; // guarded by this: only the tick of the newest generation runs
    private boolean ticking; // guarded by this: a tick is running and will schedule the next itself
    private boolean wakeAgain; // guarded by this

    // what the status view shows
    private volatile long lastSuccess;
    private volatile long lastAttempt;
    private volatile String lastError;
    private volatile int failures;

    private volatile long headsSent;
    private volatile long consistencyChecked;

    /** An agent without the consistency check and without attachments. */
    public SyncAgent(SyncStore store, NodeService node, ParentTransport parent, long intervalMillis, int batchSize,
            long maxBackoffMillis) {
        this(store, node, null, parent, intervalMillis, batchSize, maxBackoffMillis, 0, null, 256 * 1024, 8);
    }

    /**
     * @param parent how this node reaches its parent ({@link HttpParentTransport} in a node)
     * @param petitions the cases held here, for the consistency check against the parent (null: no check)
     * @param consistencyMinutes how often the consistency check runs; 0 only on demand
     * @param attachments the attachments held here, whose bytes follow their facts up (null: none travel)
     * @param pieceBytes how many bytes of an attachment one call carries ({@code attachment.piece.bytes})
     * @param piecesPerRound how many pieces go up after each round of entries ({@code attachment.pieces.per.round})
     */
    public SyncAgent(SyncStore store, NodeService node, PetitionStore petitions, ParentTransport parent,
            long intervalMillis, int batchSize, long maxBackoffMillis, long consistencyMinutes,
            org.xinfang.attachment.AttachmentStore attachments, int pieceBytes, int piecesPerRound) {
        this.attachments = attachments;
        this.pieceBytes = Math.max(org.xinfang.attachment.AttachmentLimits.MIN_PIECE_BYTES, Math.min(pieceBytes,
                org.xinfang.attachment.AttachmentLimits.MAX_PIECE_BYTES));
        this.piecesPerRound = Math.max(0, piecesPerRound);
        this.store = store;
        this.node = node;
        this.policy = new NodePolicy(node);
        this.petitions = petitions;
        this.consistencyMillis = Math.max(0, consistencyMinutes) * 60_000L;
        this.parent = parent;
        this.intervalMillis = Math.max(100, intervalMillis);
        this.batchSize = Math.max(1, batchSize);
        this.maxBackoffMillis = Math.max(this.intervalMillis, maxBackoffMillis);
    }

    /** Whether this node has a parent to sync with and a credential for it. */
    public boolean configured() {
        return parent.configured();
    }

    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "xinfang-sync");
            t.setDaemon(true);
            return t;
        });
        parent.open();
        if (!configured()) {
            LOG.info("sync: {}", node.info().parentUrl() == null ? "top of the network, nothing to push"
                    : "no secret in etc/org.xinfang.sync.cfg; register this node at its parent");
        }
        scheduleLocked(500);
    }

    public void stop() {
        java.util.concurrent.ScheduledExecutorService stopping;
        synchronized (this) {
            if (next != null) {
                next.cancel(false);
            }
            stopping = executor;
            executor = null;
            parent.close();
        }
        // waited for outside the lock: a tick that is running needs it to finish (before, every stop during a
        // sync waited the full ten seconds for a tick that could not end)
        if (stopping != null) {
            stopping.shutdownNow();
            try {
                workerEnded = stopping.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private volatile boolean workerEnded;

    /** Whether the last {@link #stop()} saw the sync thread end (a tick that was running finished). */
    boolean workerEnded() {
        return workerEnded;
    }

    /**
     * Sync now rather than at the next tick: something arrived that should travel on. There is only
     * ever one chain of ticks: a wake during a tick makes that tick schedule the next one at once; a wake
     * between ticks replaces the pending one, which then finds itself outdated and does nothing.
     */
    @Override
    public void sendNow() {
        wake();
    }

    public synchronized void wake() {
        if (executor == null || executor.isShutdown() || !configured()) {
            return;
        }
        if (ticking) {
            wakeAgain = true;
        } else {
            scheduleLocked(0);
        }
    }

    /** Schedules the next tick as a new generation; the caller holds the lock. */
    private void scheduleLocked(long delayMillis) {
        if (executor == null || executor.isShutdown()) {
            return;
        }
        if (next != null) {
            next.cancel(false);
        }
        long mine = ++generation;
        next = executor.schedule(() -> tick(mine), delayMillis, TimeUnit.MILLISECONDS);
    }

    private void tick(long mine) {
        synchronized (this) {
            if (mine != generation || ticking) {
                return; // replaced by a wake, or (never on one thread) already running
            }
            ticking = true;
            wakeAgain = false;
        }
        long delay = intervalMillis;
        try {
            if (configured()) {
                delay = syncOnce();
            }
        } finally {
            synchronized (this) {
                ticking = false;
                scheduleLocked(wakeAgain ? 0 : delay);
            }
        }
    }

    /** Pushes and pulls until nothing is left; returns the delay before the next tick. */
    long syncOnce() {
        lastAttempt = System.currentTimeMillis();
        try {
            while (pushOnce()) {
                // keep going while full batches leave
            }
            while (pullOnce()) {
                // keep going while full batches arrive
            }
            // the bytes of attachments travel behind the entries, a few pieces a round, so no case waits for a file
            boolean morePieces = sendPieces();
            if (petitions != null && consistencyMillis > 0
                    && System.currentTimeMillis() - consistencyChecked >= consistencyMillis) {
                checkConsistency();
            }
            lastSuccess = System.currentTimeMillis();
            lastError = null;
            failures = 0;
            return morePieces ? 0 : intervalMillis;
        } catch (IOException | RuntimeException e) {
            failures++;
            lastError = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            long delay = backoff(failures);
            LOG.info("sync with {} failed ({}); retrying in {} ms", node.info().parentUrl(), lastError, delay);
            return delay;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return intervalMillis;
        }
    }

    /** Exponential, capped, with jitter so that a district's villages do not return in step. */
    long backoff(int failureCount) {
        long base = intervalMillis * (1L << Math.min(failureCount, 16));
        long capped = Math.min(base, maxBackoffMillis);
        return (long) (capped * (0.5 + ThreadLocalRandom.current().nextDouble() / 2));
    }

    /** Pushes one batch; true when a full batch went and more may wait. */
    boolean pushOnce() throws IOException, InterruptedException {
        long acked = store.state(PUSH_MARK).map(Long::parseLong).orElse(0L);
        List<Outgoing> batch = store.outbox(acked, batchSize);
        if (batch.isEmpty()) {
            return false;
        }
        int bytes = 0;
        int take = 0;
        while (take < batch.size() && (take == 0 || bytes + batch.get(take).entry().payload().length() * 3 < MAX_BATCH_BYTES)) {
            bytes += batch.get(take).entry().payload().length() * 3;
            take++;
        }
        List<Outgoing> sent = batch.subList(0, take);
        Map<String, Long> heads = null;
        if (System.currentTimeMillis() - headsSent >= HEADS_EVERY_MILLIS) {
            heads = store.held(); // how far the chains held here go: the parent learns what is on its way
        }
        ParentTransport.PushAnswer answer;
        try {
            answer = parent.push(sent.stream().map(Outgoing::entry).toList(), heads);
        } catch (ParentTransport.Refused refused) {
            if (refused.status() == 409) {
                rewind(refused.origin(), refused.expected(), acked);
            }
            throw refused;
        }
        if (heads != null) {
            headsSent = System.currentTimeMillis();
        }
        Map<String, Long> held = answer.held();
        takeReceipt(answer.receipt());
        long mark = acked;
        for (Outgoing o : sent) {
            Long have = held.get(o.entry().origin());
            if (have == null || have < o.entry().seq()) {
                break;
            }
            mark = o.pos();
        }
        store.setState(PUSH_MARK, String.valueOf(mark));
        return take == batchSize && mark > acked;
    }

    /**
     * Keeps the parent's receipt for this node's chain: signed by the key pinned at the first receipt.
     * One under another key, or for an entry this node does not have as the parent says, raises an alarm.
     */
    void takeReceipt(Receipt r) {
        String self = node.info().nodeId();
        if (r == null || !self.equals(r.origin())) {
            return;
        }
        String pinned = store.state(PARENT_KEY).orElse(null);
        if (!NodeKey.verifies(r, pinned)) {
            store.alarmUpward(self, "receipt_refused", r.parent(), "上级节点 " + r.parent() + " 的回执签名无效或密钥已变更，未保存"
                    + " / a receipt from " + r.parent() + " does not verify under the pinned key; not kept");
            return;
        }
        if (pinned == null) {
            store.setState(PARENT_KEY, r.key());
            LOG.info("parent {} key pinned at its first receipt", r.parent());
        }
        store.keepReceipt(r);
    }

    /**
     * Compares this node's copies of its cases with the parent's (one signed call with every case's
     * version and digest, and the reports this node holds of the nodes below it), and keeps the result.
     */
    public ConsistencyReport checkConsistency() throws IOException, InterruptedException {
        String self = node.info().nodeId();
        List<PetitionStore.CaseDigest> mine = petitions.digests();
        List<ConsistencyReport> below = store.consistencyReports().stream().filter(r -> !r.node().equals(self)).toList();
        ConsistencyReport report = parent.compare(mine, below);
        store.keepConsistencyReport(report);
        consistencyChecked = System.currentTimeMillis();
        if (!report.differing().isEmpty()) {
            LOG.warn("{} case(s) differ from the parent's copies: {}", report.differing().size(), report.differing());
        }
        return report;
    }

    /**
     * The parent expects an earlier entry than we sent (it lost data, or we did): send again from there. A
     * later entry than acknowledged moves nothing: no answer makes this node skip what it has not sent.
     */
    private void rewind(String origin, long expected, long acked) {
        if (origin == null || expected < 1) {
            return;
        }
        store.positionOf(origin, expected).ifPresent(pos -> {
            if (pos - 1 < acked) {
                LOG.warn("parent expects {}#{}; resending from outbox position {}", origin, expected, pos);
                store.setState(PUSH_MARK, String.valueOf(pos - 1));
            }
        });
    }

    /**
     * Sends up to {@code piecesPerRound} pieces of the attachments whose facts the parent has acknowledged: it asks
     * the parent which pieces it holds and sends only the others, so a link broken mid-file costs the piece in
     * flight. True when pieces are left for the next round.
     */
    boolean sendPieces() throws IOException, InterruptedException {
        if (attachments == null || piecesPerRound == 0) {
            return false;
        }
        long acked = ackedPosition();
        int budget = piecesPerRound;
        for (org.xinfang.attachment.AttachmentStore.Pending p : attachments.pendingUp(20)) {
            if (budget == 0) {
                return true;
            }
            String id = p.attachment().id();
            java.util.Optional<Long> pos = store.positionOf(p.entryOrigin(), p.entrySeq());
            if (pos.isEmpty() || pos.get() > acked) {
                continue; // its fact has not reached the parent yet: the bytes wait behind it
            }
            ParentTransport.Pieces state = parent.pieces(id);
            if (state == null) {
                LOG.warn("attachment {}: the parent holds no fact of it (refused there); its bytes stay here", id);
                attachments.markUp(id, false);
                continue;
            }
            if (state.complete()) {
                attachments.markUp(id, true);
                continue;
            }
            int size = state.pieceSize() != null ? state.pieceSize() : pieceBytes;
            java.util.Set<Integer> held = state.held();
            byte[] content = attachments.content(id).orElse(null);
            if (content == null) {
                continue;
            }
            int total = (int) ((content.length + (long) size - 1) / size);
            for (int i = 0; i < total && budget > 0; i++) {
                if (held.contains(i)) {
                    continue;
                }
                byte[] piece = java.util.Arrays.copyOfRange(content, i * size, (int) Math.min(content.length,
                        (long) (i + 1) * size));
                String outcome = parent.sendPiece(id, i, size, piece);
                budget--;
                if (outcome == null) {
                    attachments.markUp(id, false);
                    break;
                }
                if ("COMPLETE".equals(outcome)) {
                    attachments.markUp(id, true);
                    LOG.info("attachment {} of case {} is whole at the parent", id, p.attachment().caseId());
                    break;
                }
                if ("DISCARDED".equals(outcome)) {
                    LOG.warn("attachment {}: the parent found the whole did not match its SHA-256; sending it again", id);
                    break;
                }
            }
        }
        return budget == 0;
    }

    /** Pulls and applies one batch of messages; true when a full batch came. */
    boolean pullOnce() throws IOException, InterruptedException {
        long cursor = store.state(PULL_CURSOR).map(Long::parseLong).orElse(0L);
        List<Message> messages = parent.messages(cursor, batchSize);
        for (Message m : messages) {
            if (CALENDAR.equals(m.type())) {
                // reference data for every node: take it into use, then pass it on to our children
                node.replaceCalendar(m.payload());
                store.applyBroadcast(m, store.children().keySet(), PULL_CURSOR);
            } else {
                store.applyMessage(m, policy, PULL_CURSOR);
            }
        }
        return messages.size() == batchSize;
    }

    /** This node's rules for what its children push (shared with the parent side). */
    SyncPolicy policy() {
        return policy;
    }

    long lastSuccess() {
        return lastSuccess;
    }

    long lastAttempt() {
        return lastAttempt;
    }

    String lastError() {
        return lastError;
    }

    int failures() {
        return failures;
    }

    long ackedPosition() {
        return store.state(PUSH_MARK).map(Long::parseLong).orElse(0L);
    }

    /** The oldest entry not yet acknowledged by the parent, if any. */
    JournalEntry oldestUnacknowledged() {
        List<Outgoing> first = store.outbox(ackedPosition(), 1);
        return first.isEmpty() ? null : first.get(0).entry();
    }
}
