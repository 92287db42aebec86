package org.xinfang.lifecycle.internal;

import static org.xinfang.petition.StaffRoles.SUPERVISOR;

import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xinfang.petition.Actor;
import org.xinfang.lifecycle.CaseService;

/** Runs the overdue scan (督办) on a schedule: a minute after start, then every configured number of hours. */
public final class SupervisionScanner {
    private static final Logger LOG = LoggerFactory.getLogger(SupervisionScanner.class);
    /** The scan acts as this user, with the supervisor role. */
    static final Actor SCHEDULER = new Actor(org.xinfang.petition.Person.SYSTEM, Set.of(SUPERVISOR));

    private final CaseService cases;
    private final long intervalHours;
    private ScheduledExecutorService executor;

    public SupervisionScanner(CaseService cases, long intervalHours) {
        this.cases = cases;
        this.intervalHours = intervalHours;
    }

    public void start() {
        if (intervalHours <= 0) {
            LOG.info("scheduled supervision scan is off (supervision.scan.hours = {})", intervalHours);
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "xinfang-supervision");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::scan, 60, intervalHours * 3600, TimeUnit.SECONDS);
    }

    public void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    private void scan() {
        try {
            List<String> supervised = cases.superviseOverdue(SCHEDULER);
            LOG.info("supervision scan: {} overdue case(s) supervised", supervised.size());
        } catch (RuntimeException e) {
            LOG.warn("supervision scan failed; it runs again at the next interval", e);
        }
    }
}
