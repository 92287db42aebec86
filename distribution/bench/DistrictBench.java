/*
 * District figures (issues 13 and 16): a district holding 1,000,000 generated cases (5 years, 30 units,
 * open cases in proportion) answers its statistics page, its monthly digest, the list behind a figure and the
 * overdue list, each timed beside its anchor in the same run: the same figures counted the way they were
 * before the per-case facts (every case of the period read whole and its clocks computed). An export of
 * 100,000 rows is streamed as the CSV export streams it (pages of 200) with the process's RSS before and
 * after. Prints, never asserts. Run through district-figures.sh (it builds the classpath from the built
 * bundles):
 *
 *   district-figures.sh [--cases N] [--runs 5] [--work DIR] [--pg jdbc:postgresql://host/db --pg-user U --pg-password P]
 *
 * The register is generated once into <work>/derby-N (or the PostgreSQL database given, whose tables must be
 * empty or hold a register of the same size) through the store's own row writer (BulkCases: rows, timeline
 * and statistics facts, no journal entries) and reused by later runs. The script generates in a JVM of its
 * own (--generate-only; Derby without fsync and with a larger page cache, to be done in minutes) and measures
 * in another with Derby's settings as a node runs it. The services timed are the node's own
 * (LifecycleService, DigestFigures) over the store, in this process: what the REST resources call.
 */

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.xinfang.digest.internal.DigestFigures;
import org.xinfang.lifecycle.internal.LifecycleService;
import org.xinfang.node.internal.ConfiguredNode;
import org.xinfang.petition.Adoption;
import org.xinfang.petition.Attr;
import org.xinfang.petition.Attributes;
import org.xinfang.petition.Channel;
import org.xinfang.petition.DeliveryWay;
import org.xinfang.petition.Event;
import org.xinfang.petition.EventType;
import org.xinfang.petition.Kind;
import org.xinfang.petition.Outcome;
import org.xinfang.petition.Page;
import org.xinfang.petition.Person;
import org.xinfang.petition.Petition;
import org.xinfang.petition.PetitionQuery;
import org.xinfang.petition.PetitionSummary;
import org.xinfang.petition.Petitioner;
import org.xinfang.petition.Rating;
import org.xinfang.petition.Status;
import org.xinfang.rules.Deadline;
import org.xinfang.rules.Deadlines;
import org.xinfang.store.jdbc.internal.BulkCases;
import org.xinfang.store.jdbc.internal.JdbcPetitionStore;

public class DistrictBench {
    static final String DISTRICT = "510199";
    static final String[] CATEGORIES = {"城乡建设", "劳动社保", "农村农业", "自然资源", "卫生健康", "教育文体", "民政救助",
        "交通运输", "生态环境", "市场监管", "公安司法", "其他"};
    static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周"};
    static final ZoneOffset CST = ZoneOffset.ofHours(8);
    static final java.util.concurrent.atomic.AtomicLong GENERATED = new java.util.concurrent.atomic.AtomicLong();

    public static void main(String[] args) throws Exception {
        int cases = 1_000_000;
        int runs = 5;
        Path work = Path.of("target/bench-district");
        String pg = null;
        String pgUser = null;
        String pgPassword = null;
        Path root = Path.of(".");
        boolean generateOnly = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--cases" -> cases = Integer.parseInt(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--work" -> work = Path.of(args[++i]);
                case "--root" -> root = Path.of(args[++i]);
                case "--pg" -> pg = args[++i];
                case "--generate-only" -> generateOnly = true;
                case "--pg-user" -> pgUser = args[++i];
                case "--pg-password" -> pgPassword = args[++i];
                default -> {
                    System.err.println("usage: DistrictBench [--cases N] [--runs R] [--work DIR] [--pg URL --pg-user U"
                            + " --pg-password P]");
                    System.exit(2);
                }
            }
        }
        Files.createDirectories(work);
        DataSource ds;
        String database;
        if (pg == null) {
            org.apache.derby.jdbc.EmbeddedDataSource d = new org.apache.derby.jdbc.EmbeddedDataSource();
            d.setDatabaseName(work.resolve("derby-" + cases).toAbsolutePath().toString());
            d.setCreateDatabase("create");
            ds = d;
            database = "Derby 10.14 embedded";
        } else {
            org.postgresql.ds.PGSimpleDataSource p = new org.postgresql.ds.PGSimpleDataSource();
            p.setUrl(pg);
            p.setUser(pgUser);
            p.setPassword(pgPassword);
            ds = p;
            database = "PostgreSQL (" + pg + ")";
        }
        Path units = work.resolve("units.csv");
        StringBuilder tree = new StringBuilder("code,name,kind,parent\n" + DISTRICT + ",青溪区信访局,DISTRICT,\n");
        List<String> unitCodes = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            String code = DISTRICT + String.format("%03d", 100 + i);
            unitCodes.add(code);
            tree.append(code).append(",第").append(i).append("镇,TOWNSHIP,").append(DISTRICT).append('\n');
        }
        for (int i = 1; i <= 10; i++) {
            String code = DISTRICT + "D" + String.format("%02d", i);
            unitCodes.add(code);
            tree.append(code).append(",区第").append(i).append("局,DEPARTMENT,").append(DISTRICT).append('\n');
        }
        Files.writeString(units, tree);
        Path calendar = root.resolve("distribution/overlay/etc/xinfang-calendar.csv");
        ConfiguredNode node = new ConfiguredNode("bench-district", "district", DISTRICT, "青溪区信访局", "DISTRICT", "",
                "", units.toString(), calendar.toString());
        JdbcPetitionStore store = new JdbcPetitionStore(ds);
        store.setClockRules(node);
        store.start();

        System.out.printf("District figures, %s, %d cores, max heap %d MiB, %s%n",
                Instant.now().truncatedTo(ChronoUnit.SECONDS), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, database);
        long held = count(ds, "SELECT COUNT(*) FROM xf_case_fact");
        if (held == 0) {
            long t0 = System.nanoTime();
            generate(ds, cases, unitCodes);
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("generated %,d cases in %.0f s (%,.0f cases/s, through the store's row writer)%n", cases, s,
                    cases / s);
        } else {
            System.out.printf("register reused: %,d cases already held%n", held);
        }
        if (generateOnly) {
            return;
        }
        long open = count(ds, "SELECT COUNT(*) FROM xf_case_fact WHERE active_due IS NOT NULL");
        System.out.printf("register: %,d cases, %,d waiting on an organ clock; %s%n",
                count(ds, "SELECT COUNT(*) FROM xf_case_fact"), open, rssText());

        LifecycleService service = new LifecycleService(store, node);
        DigestFigures digest = new DigestFigures(service, node);
        LocalDate today = LocalDate.now(Deadlines.ZONE);
        YearMonth month = YearMonth.from(today).minusMonths(1);
        LocalDate from = month.atDay(1);
        LocalDate to = month.atEndOfMonth();

        System.out.printf("%n%-52s %10s %10s %10s   %s%n", "figure (" + month + ")", "first ms", "median ms", "target",
                "answer");
        final int r = runs;
        time("statistics page, one month (GET /statistics)", r, "< 2000",
                () -> "total " + service.statistics(from, to, null).get("total"));
        time("  anchor: same month counted from whole cases", Math.min(r, 3), "",
                () -> "total " + recount(store, service, from, to));
        time("monthly digest figures (信访摘报)", r, "< 2000", () -> digest.count(month, today).length() + " chars");
        time("statistics, one unit's month", r, "", () -> "total "
                + service.statistics(from, to, unitCodes.get(0)).get("total"));
        time("statistics, a whole year", Math.min(r, 3), "", () -> "total "
                + service.statistics(today.minusYears(1), today, null).get("total"));
        time("cases behind a figure, first page (month total)", r, "< 2000",
                () -> "of " + service.statisticsCases(from, to, null, null, "total", null, 0, 50).total());
        time("overdue list (deadlines?filter=overdue)", r, "", () -> service.deadlineList("overdue", null, 0).size()
                + " cases");
        time("approaching list, 7 days", r, "", () -> service.deadlineList("approaching", null, 7).size() + " cases");
        time("inbox first page (GET /petitions)", r, "< 200", () -> "of "
                + store.find(new PetitionQuery(null, null, null, null, null, null, 0, 50)).total());
        time("digest's overdue list (longest 100 and the count)", r, "", () -> service.overdue(100).total()
                + " cases overdue");

        // the export streams pages of 200 (PetitionResource.export): RSS and heap before and after
        int exportRows = Math.min(100_000, cases);
        System.gc();
        long rssBefore = rssKiB();
        long heapBefore = usedHeap();
        long t0 = System.nanoTime();
        long[] bytes = new long[1];
        Writer w = new java.io.BufferedWriter(new OutputStreamWriter(new OutputStream() {
            @Override
            public void write(int b) {
                bytes[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                bytes[0] += len;
            }
        }, StandardCharsets.UTF_8));
        int[] rows = new int[1];
        long[] heldMax = {heapBefore};
        long[] rssMax = {rssBefore};
        PetitionQuery first = new PetitionQuery(null, null, null, null, null, null, 0, PetitionQuery.MAX_LIMIT);
        try {
            store.eachSummary(first, s -> {
                if (rows[0] == exportRows) {
                    throw new StopExport();
                }
                try {
                    w.write(String.join(",", s.id(), s.trackingCode(), s.kind().label(), s.channel().label(),
                            s.subject(), s.category() == null ? "" : s.category(), s.receivedAt().toString(),
                            s.registeredBy(), s.owner(), s.status().label(), String.valueOf(s.firstPetitioner())));
                    w.write("\r\n");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                rows[0]++;
                if (rows[0] % 25_000 == 0) {
                    System.gc();
                    heldMax[0] = Math.max(heldMax[0], usedHeap());
                    rssMax[0] = Math.max(rssMax[0], rssKiB());
                }
            });
        } catch (StopExport done) {
            // the first exportRows rows of the list, as a download of that size
        }
        int offset = rows[0];
        w.flush();
        double exportS = (System.nanoTime() - t0) / 1e9;
        long rssAfter = rssKiB();
        System.gc();
        System.out.printf("%nexport of %,d rows as the CSV export streams them (one statement, rows as read): %.1f s"
                + " (%,.0f rows/s, %,d KiB written)%n  RSS %,d KiB before, at most %,d KiB during (%+,d KiB), %,d KiB"
                + " after; heap in use after GC (every 25,000 rows) at most %,d KiB, %,d KiB before%n", offset, exportS,
                offset / exportS, bytes[0] >> 10, rssBefore, rssMax[0], rssMax[0] - rssBefore, rssAfter,
                heldMax[0] >> 10, heapBefore >> 10);

        // last, after the export: the old way may not fit in the heap at all
        time("  anchor: the year counted from whole cases", 1, "", () -> {
            try {
                return "total " + recount(store, service, today.minusYears(1), today);
            } catch (OutOfMemoryError | RuntimeException e) {
                // Derby hands an OutOfMemoryError back wrapped in an SQLException
                boolean memory = e instanceof OutOfMemoryError || String.valueOf(e.getCause()).contains("OutOfMemoryError");
                return "did not finish: " + (memory ? "out of memory in a " + (Runtime.getRuntime().maxMemory() >> 20)
                        + " MiB heap" : e.toString());
            }
        });
        System.out.println("import of 100,000 rows: distribution/bench/import-figures.sh (prints its rate)");
    }

    /** Ends the export after the rows asked for. */
    static final class StopExport extends RuntimeException {
        StopExport() {
            super(null, null, false, false);
        }
    }

    /** The figures as they were counted before the facts: every case of the period read whole, clocks computed. */
    static long recount(JdbcPetitionStore store, LifecycleService service, LocalDate from, LocalDate to) {
        List<Petition> all = store.wholeReceived(from, to);
        Map<String, Long> byStatus = new TreeMap<>();
        long met = 0;
        for (Petition p : all) {
            byStatus.merge(p.status().name(), 1L, Long::sum);
            for (Deadline d : service.deadlines(p)) {
                met += d.state() == Deadline.State.MET ? 1 : 0;
            }
        }
        return all.size();
    }

    static void time(String name, int runs, String target, Supplier<String> work) {
        long[] ms = new long[runs];
        String answer = "";
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            answer = work.get();
            ms[i] = (System.nanoTime() - t0) / 1_000_000;
        }
        long first = ms[0];
        long[] sorted = ms.clone();
        java.util.Arrays.sort(sorted);
        System.out.printf("%-52s %10d %10d %10s   %s%n", name, first, sorted[runs / 2], target, answer);
    }

    /** A 5-year register: volume growing 10% a year, units of unequal size, recent cases still open. */
    static void generate(DataSource ds, int cases, List<String> units) {
        Random rnd = new Random(20261129);
        LocalDate today = LocalDate.now(Deadlines.ZONE);
        LocalDate start = today.minusYears(5);
        int days = (int) ChronoUnit.DAYS.between(start, today);
        Person clerk = new Person("clerk", "李娜", "区信访局登记员");
        Person head = new Person("head", "王芳", "承办单位负责人");
        List<Petition> batch = new ArrayList<>();
        // growth: each day drawn with a density rising linearly by ~50% over five years; the register is written
        // in the order the cases came in, as an office registers them (a month's cases lie together on disk)
        int[] dayOf = new int[cases];
        for (int i = 0; i < cases; i++) {
            double u = rnd.nextDouble();
            dayOf[i] = (int) Math.min(days - 1, days * (Math.sqrt(1 + 3 * u) - 1)); // inverse of a linear density
        }
        java.util.Arrays.sort(dayOf);
        for (int n = 1; n <= cases; n++) {
            LocalDate received = start.plusDays(dayOf[n - 1]);
            String unit = units.get(Math.min(units.size() - 1, (int) (units.size() * Math.pow(rnd.nextDouble(), 1.6))));
            double k = rnd.nextDouble();
            Kind kind = k < 0.72 ? Kind.CLAIM : k < 0.87 ? Kind.SUGGESTION : Kind.ACCUSATION;
            double c = rnd.nextDouble();
            Channel channel = c < 0.35 ? Channel.ONLINE : c < 0.65 ? Channel.WALK_IN : c < 0.85 ? Channel.LETTER
                    : Channel.PHONE;
            double h = rnd.nextDouble();
            int headcount = h < 0.96 ? 1 : h < 0.985 ? 2 + rnd.nextInt(3) : 5 + rnd.nextInt(26);
            String id = DISTRICT + "-" + String.format("%07d", n);
            List<Event> timeline = new ArrayList<>();
            Instant at = received.atTime(9, 0).toInstant(CST);
            timeline.add(event(timeline, at, EventType.REGISTERED, clerk, DISTRICT, Attributes.NONE));
            LocalDate d = received.plusDays(1 + rnd.nextInt(5));
            if (!d.isAfter(today)) {
                timeline.add(event(timeline, inst(d), EventType.ASSIGNED, clerk, DISTRICT,
                        Attributes.builder().put(Attr.UNIT, unit).build()));
                timeline.add(event(timeline, inst(d), EventType.RECEIVED, clerk, unit, Attributes.NONE));
                boolean repeat = rnd.nextDouble() < 0.04 && n > 100;
                LocalDate acc = d.plusDays(rnd.nextDouble() < 0.05 ? 16 + rnd.nextInt(10) : 1 + rnd.nextInt(10));
                if (!acc.isAfter(today)) {
                    if (repeat) {
                        timeline.add(event(timeline, inst(acc), EventType.LINKED, clerk, unit, Attributes.builder()
                                .put(Attr.LINK_TO, DISTRICT + "-" + String.format("%07d", 1 + rnd.nextInt(n - 1)))
                                .build()));
                    } else {
                        timeline.add(event(timeline, inst(acc), EventType.ACCEPTED, clerk, unit, Attributes.NONE));
                        LocalDate done = acc.plusDays(rnd.nextDouble() < 0.08 ? 61 + rnd.nextInt(30)
                                : 10 + rnd.nextInt(50));
                        if (!done.isAfter(today)) {
                            if (kind == Kind.SUGGESTION) {
                                timeline.add(event(timeline, inst(done), EventType.REPLIED, head, unit,
                                        Attributes.builder().put(Attr.ADOPTION, Adoption.ADOPTED).put(Attr.REPLY,
                                                "已研究采纳").build()));
                            } else {
                                timeline.add(event(timeline, inst(done), EventType.DECIDED, head, unit,
                                        Attributes.builder().put(Attr.REQUEST, "诉求").put(Attr.FACTS, "经查属实")
                                                .put(Attr.OUTCOME, Outcome.SUPPORT).put(Attr.BASIS, "有关规定").build()));
                                LocalDate delivered = done.plusDays(1 + rnd.nextInt(3));
                                if (!delivered.isAfter(today)) {
                                    timeline.add(event(timeline, inst(delivered), EventType.DELIVERED, clerk, unit,
                                            Attributes.builder().put(Attr.DOCUMENT, EventType.DECIDED)
                                                    .put(Attr.DELIVERED_ON, delivered).put(Attr.WAY, DeliveryWay.POST)
                                                    .build()));
                                    LocalDate rated = delivered.plusDays(2 + rnd.nextInt(10));
                                    if (!rated.isAfter(today) && rnd.nextDouble() < 0.6) {
                                        double l = rnd.nextDouble();
                                        Rating level = l < 0.7 ? Rating.SATISFIED : l < 0.9 ? Rating.BASICALLY_SATISFIED
                                                : Rating.DISSATISFIED;
                                        timeline.add(event(timeline, inst(rated), EventType.RATED, clerk, unit,
                                                Attributes.builder().put(Attr.LEVEL, level).build()));
                                    }
                                }
                            }
                        }
                    }
                }
            }
            String name = SURNAMES[rnd.nextInt(SURNAMES.length)] + "某" + (n % 97);
            batch.add(new Petition(id, "G" + String.format("%09d", n), kind, channel, "反映" + CATEGORIES[n % 11]
                    + "问题", "信访人反映的具体情况（生成的样本）", CATEGORIES[rnd.nextInt(CATEGORIES.length)], null, received,
                    headcount, List.of(new Petitioner(name, null, null, null)), DISTRICT, DISTRICT, Status.REGISTERED,
                    at, timeline));
            if (batch.size() == 2000) {
                BulkCases.write(ds, batch, DISTRICT);
                batch.clear();
                if (n % 100_000 == 0) {
                    System.out.printf("  generated %,d%n", n);
                }
            }
        }
        if (!batch.isEmpty()) {
            BulkCases.write(ds, batch, DISTRICT);
        }
    }

    static Instant inst(LocalDate d) {
        return d.atTime(10, 0).toInstant(CST);
    }

    static Event event(List<Event> timeline, Instant at, EventType type, Person who, String unit, Attributes attrs) {
        int seq = timeline.size() + 1;
        // unique across the register: the generator's own event ids, one per case and position
        return new Event(seq, "gen-" + GENERATED.incrementAndGet(), at, type, who, unit, DISTRICT, attrs, null);
    }

    static long count(DataSource ds, String sql) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    static long rssKiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (Exception e) {
            // not Linux
        }
        return -1;
    }

    static String rssText() {
        return String.format(Locale.ROOT, "RSS %,d KiB", rssKiB());
    }
}
