package org.xinfang.petition.service.internal;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Codes issued ahead of the registrations that hand them out: a tracking code, a verification code and the slow
 * hash of the pair (docs/security.md), made by a low-priority thread while the node is idle. Since issue 16 the
 * hash costs under a millisecond, so a node needs no stock (codes.ready = 0, the default); an office that raises
 * the iteration count again keeps the hash off the request this way. When the stock is empty a registration
 * makes its own codes: slower, never weaker. The stock lives in memory only: what a restart loses was never
 * handed to anyone.
 */
final class CodeStock implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CodeStock.class);

    /** Codes for one registration. */
    record Issued(String tracking, String verification, String hash) {
    }

    private final Codes codes;
    private final BlockingQueue<Issued> stock;
    private final Thread filler;
    private volatile boolean closed;

    /**
     * @param capacity how many to keep ready; 0 keeps none (every registration makes its own)
     */
    CodeStock(Codes codes, int capacity) {
        this.codes = codes;
        this.stock = capacity > 0 ? new ArrayBlockingQueue<>(capacity) : null;
        if (stock == null) {
            filler = null;
            return;
        }
        filler = new Thread(this::fill, "xinfang-code-stock");
        filler.setDaemon(true);
        filler.setPriority(Thread.MIN_PRIORITY);
        filler.start();
    }

    private Issued make() {
        String tracking = codes.trackingCode();
        String verification = codes.verificationCode();
        return new Issued(tracking, verification, codes.hash(tracking, verification));
    }

    /** While registrations take codes, the stock waits this long after the last one before it makes more. */
    private static final long QUIET_NANOS = 1_000_000_000L;
    private volatile long lastTaken = System.nanoTime() - QUIET_NANOS;

    private void fill() {
        boolean reported = false;
        try {
            while (!closed) {
                // idle time only: during a burst the CPU goes to the registrations, not to the next burst's codes
                long quietFor = System.nanoTime() - lastTaken;
                if (quietFor < QUIET_NANOS) {
                    Thread.sleep(Math.max(1, (QUIET_NANOS - quietFor) / 1_000_000));
                    continue;
                }
                if (stock.remainingCapacity() == 0 && !reported) {
                    LOG.info("code stock full: {} registrations can take their codes ready-made", stock.size());
                    reported = true;
                }
                stock.put(make()); // blocks while full
                reported = reported && stock.remainingCapacity() == 0;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Codes for a registration: from the stock when it has some, else made now. */
    Issued next() {
        Issued ready = stock == null ? null : stock.poll();
        lastTaken = System.nanoTime();
        return ready != null ? ready : make();
    }

    /** How many are ready. */
    int ready() {
        return stock == null ? 0 : stock.size();
    }

    @Override
    public void close() {
        closed = true;
        if (filler != null) {
            filler.interrupt();
            try {
                filler.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
