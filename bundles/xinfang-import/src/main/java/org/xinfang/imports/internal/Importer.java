package org.xinfang.imports.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xinfang.node.NodeService;
import org.xinfang.petition.Attr;
import org.xinfang.petition.HistoricRegister;
import org.xinfang.petition.Person;
import org.xinfang.petition.ValidationException;

/**
 * Imports historic cases from a spreadsheet at this node (历史数据导入): a dry run that reports every row it
 * would refuse and every row imported already, and the import itself as a job that runs in the background,
 * one row per transaction, and can be watched. Rows are keyed by the source's name and their source number
 * in the database, so importing the same file twice stores nothing the second time.
 */
public final class Importer {
    private static final Logger LOG = LoggerFactory.getLogger(Importer.class);
    /** Finished jobs kept for their reports; the oldest is dropped beyond this. */
    static final int KEPT_JOBS = 20;
    /** Rows stored in one transaction: an import's cost is its commits, and a batch is lost whole at most. */
    static final int BATCH = 100;

    private final HistoricRegister register;
    private final NodeService node;
    private final Clock clock;
    private final ExecutorService worker;
    private final Map<String, Job> jobs = Collections.synchronizedMap(new LinkedHashMap<>());
    private final AtomicLong sequence = new AtomicLong();
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    public Importer(HistoricRegister register, NodeService node, String zone) {
        this(register, node, Clock.system(ZoneId.of(zone)));
    }

    Importer(HistoricRegister register, NodeService node, Clock clock) {
        this.register = register;
        this.node = node;
        this.clock = clock;
        // one import at a time: a district imports a few files once, and two at once would only share the disk
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "xinfang-import");
            t.setDaemon(true);
            return t;
        });
    }

    /** Stops the worker; a job under way stops after its current row (every row is a transaction of its own). */
    public void close() {
        worker.shutdownNow();
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The source's name, checked: it is half of every row's key. */
    static String source(String source) {
        if (source == null || source.isBlank()) {
            throw new ValidationException("source", "required", "请填写导入来源（如原台账或文件的名称） / the source name is"
                    + " required");
        }
        return Attr.IMPORTED_FROM.parse(source, "source");
    }

    private Rows rows(String source) {
        return new Rows(source, LocalDate.now(clock), node.units(), node.info().unit().code());
    }

    /** Reads the file and reports what an import would do, storing nothing. */
    public Report dryRun(byte[] file, String source) {
        String name = source(source);
        Rows.Read read = rows(name).read(file);
        Map<String, String> imported = register.importedIds(name, read.good().stream()
                .map(g -> g.facts().sourceNumber()).toList());
        List<Report.Duplicate> duplicates = new ArrayList<>();
        for (Rows.Good g : read.good()) {
            String id = imported.get(g.facts().sourceNumber());
            if (id != null) {
                duplicates.add(new Report.Duplicate(g.row(), g.facts().sourceNumber(), id));
            }
        }
        return new Report(name, read.encoding(), read.rows(), read.good().size() - duplicates.size(), read.invalid(),
                duplicates, read.errors(), read.warnings());
    }

    /**
     * Reads the file (refused at once, as {@link #dryRun}, when it cannot be read as a whole) and starts
     * importing its good rows in the background.
     *
     * @param actor the person importing: each case's registration names them
     * @return the job, to be watched with {@link #job}
     */
    public Job start(byte[] file, String source, Person actor) {
        String name = source(source);
        Rows.Read read = rows(name).read(file);
        String id = node.info().unit().code() + "-I" + clock.millis() + "-" + sequence.incrementAndGet()
                + Integer.toString(RANDOM.nextInt(36 * 36 * 36), 36);
        Job job = new Job(id, name, actor, read, clock.instant());
        synchronized (jobs) {
            jobs.put(id, job);
            while (jobs.size() > KEPT_JOBS) {
                String oldest = jobs.keySet().iterator().next();
                if (jobs.get(oldest).state() == Job.State.RUNNING || jobs.get(oldest).state() == Job.State.QUEUED) {
                    break;
                }
                jobs.remove(oldest);
            }
        }
        worker.execute(() -> run(job));
        LOG.info("import {} of {} started by {}: {} rows, {} to import, {} refused", id, name, actor.login(),
                read.rows(), read.good().size(), read.invalid());
        return job;
    }

    /** The job with this id, if this node still keeps it. */
    public Optional<Job> job(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    private void run(Job job) {
        job.started();
        try {
            List<Rows.Good> good = job.read.good();
            // rows imported before are found by their keys in one pass; the key in the database still decides
            Map<String, String> before = register.importedIds(job.source, good.stream()
                    .map(g -> g.facts().sourceNumber()).toList());
            List<Rows.Good> todo = new ArrayList<>();
            for (Rows.Good g : good) {
                String id = before.get(g.facts().sourceNumber());
                if (id == null) {
                    todo.add(g);
                } else {
                    job.duplicate(new Report.Duplicate(g.row(), g.facts().sourceNumber(), id));
                    job.processed.incrementAndGet();
                }
            }
            for (int from = 0; from < todo.size(); from += BATCH) {
                if (Thread.currentThread().isInterrupted()) {
                    job.stopped("导入被中止（节点停止），请重新导入（已导入的行不会重复） / the import was stopped (the node"
                            + " stopped); run it again (rows imported stay once)");
                    return;
                }
                List<Rows.Good> batch = todo.subList(from, Math.min(from + BATCH, todo.size()));
                store(job, batch);
                job.processed.addAndGet(batch.size());
            }
            job.done();
            LOG.info("import {} of {} done: {} imported, {} already imported, {} refused", job.id, job.source,
                    job.imported.get(), job.skipped(), job.failedCount());
        } catch (RuntimeException | Error e) {
            LOG.error("import {} stopped", job.id, e);
            job.stopped("导入意外中止，请重新导入（已导入的行不会重复） / the import stopped; run it again (rows imported stay"
                    + " once)");
            if (e instanceof Error error) {
                throw error;
            }
        }
    }

    /** One batch, in one transaction when nothing in it is refused; each row's outcome counted. */
    private void store(Job job, List<Rows.Good> batch) {
        List<HistoricRegister.Result> results;
        try {
            results = register.importClosed(batch.stream().map(g -> new HistoricRegister.Item(g.draft(), g.facts()))
                    .toList(), job.actor);
        } catch (RuntimeException e) {
            LOG.error("import {}: rows {} to {} could not be stored", job.id, batch.get(0).row(),
                    batch.get(batch.size() - 1).row(), e);
            for (Rows.Good g : batch) {
                job.failed(new Rows.RowError(g.row(), null, null, "not_stored", "该行未能保存，请稍后重新导入（已导入的行不会"
                        + "重复） / the row could not be stored; import the file again later (rows imported stay once)",
                        g.facts().sourceNumber()));
            }
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            Rows.Good g = batch.get(i);
            HistoricRegister.Result r = results.get(i);
            if (r.registration() != null) {
                job.imported.incrementAndGet();
            } else if (r.alreadyAs() != null) {
                job.duplicate(new Report.Duplicate(g.row(), g.facts().sourceNumber(), r.alreadyAs()));
            } else {
                ValidationException e = r.refused();
                job.failed(new Rows.RowError(g.row(), e.field(), null, e.code(), e.getMessage(), g.facts().sourceNumber()));
            }
        }
    }

    /** An import under way or finished: its counters move as it runs. */
    public static final class Job {
        /** Where a job stands. */
        public enum State {
            QUEUED, RUNNING, DONE, FAILED
        }

        final String id;
        final String source;
        final Person actor;
        final Rows.Read read;
        final Instant createdAt;
        final AtomicInteger processed;
        final AtomicInteger imported = new AtomicInteger();
        private final List<Report.Duplicate> duplicates = new ArrayList<>();
        private final List<Rows.RowError> errors;
        private volatile State state = State.QUEUED;
        private volatile Instant startedAt;
        private volatile Instant finishedAt;
        private volatile String problem;
        private int failedRows;

        Job(String id, String source, Person actor, Rows.Read read, Instant createdAt) {
            this.id = id;
            this.source = source;
            this.actor = actor;
            this.read = read;
            this.createdAt = createdAt;
            this.errors = new ArrayList<>(read.errors());
            this.failedRows = read.invalid();
            // the rows refused on reading count as processed from the start
            this.processed = new AtomicInteger(read.rows() - read.good().size());
        }

        void started() {
            startedAt = Instant.now();
            state = State.RUNNING;
        }

        void done() {
            finishedAt = Instant.now();
            state = State.DONE;
        }

        void stopped(String why) {
            problem = why;
            finishedAt = Instant.now();
            state = State.FAILED;
        }

        synchronized void duplicate(Report.Duplicate d) {
            duplicates.add(d);
        }

        synchronized void failed(Rows.RowError e) {
            errors.add(e);
            failedRows++;
        }

        public String id() {
            return id;
        }

        public State state() {
            return state;
        }

        synchronized int skipped() {
            return duplicates.size();
        }

        synchronized int failedCount() {
            return failedRows;
        }

        /** Progress and, once finished, the report: what {@code GET /api/v1/imports/{id}} answers. */
        public synchronized Map<String, Object> view() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("source", source);
            m.put("state", state.name());
            m.put("stateLabel", switch (state) {
                case QUEUED -> "排队中";
                case RUNNING -> "导入中";
                case DONE -> "已完成";
                case FAILED -> "已中止";
            });
            m.put("encoding", read.encoding());
            m.put("total", read.rows());
            m.put("processed", processed.get());
            m.put("imported", imported.get());
            m.put("skipped", duplicates.size());
            m.put("failed", failedRows);
            m.put("createdAt", createdAt.toString());
            m.put("startedAt", startedAt == null ? null : startedAt.toString());
            m.put("finishedAt", finishedAt == null ? null : finishedAt.toString());
            m.put("importedBy", actor.display());
            m.put("problem", problem);
            boolean over = state == State.DONE || state == State.FAILED;
            m.put("rows", read.rows());
            m.put("valid", read.good().size());
            m.put("invalid", read.invalid());
            m.put("duplicates", duplicates.size());
            // the row report while running would be copied on every poll; it is given once the job is over
            m.put("errors", over ? Report.errors(errors) : List.of());
            m.put("duplicateRows", over ? Report.duplicates(duplicates) : List.of());
            m.put("warnings", Report.warnings(read.warnings()));
            return m;
        }
    }
}
