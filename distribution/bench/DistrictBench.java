/*
 * District figures (issues 13 and 16): a district holding 1,000,000 generated cases (5 years, 30 units,
 * open cases in proportion) answers its statistics page, its monthly digest, the list behind a figure and the
 * overdue list, each timed beside its anchor in the same run: the same figures counted the way they were
 * before the per-case facts (every case of the period read whole and its clocks computed). An export of
 * 100,000 rows is streamed as the CSV export streams it (pages of 200) with the process's RSS before and
 * after. Then the daily work of issue 16.2 at that size (see {@link #daily}): the inbox's first page and search, the
 * case page, registration, the list of running clocks, the overdue scan and a child's push, each as median and
 * 95th percentile beside a target. Prints, never asserts. Run through district-figures.sh (it builds the
 * classpath from the built bundles):
 *
 *   district-figures.sh [--cases N] [--runs 5] [--work DIR] [--daily] [--pg jdbc:postgresql://host/db --pg-user U --pg-password P]
 *
 * {@code --daily} times the daily work alone.
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
    static final String VILLAGE = DISTRICT + "101201";
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
        boolean dailyOnly = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--cases" -> cases = Integer.parseInt(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--work" -> work = Path.of(args[++i]);
                case "--root" -> root = Path.of(args[++i]);
                case "--pg" -> pg = args[++i];
                case "--generate-only" -> generateOnly = true;
                case "--daily" -> dailyOnly = true;
                case "--pg-user" -> pgUser = args[++i];
                case "--pg-password" -> pgPassword = args[++i];
                default -> {
                    System.err.println("usage: DistrictBench [--cases N] [--runs R] [--work DIR] [--daily] [--pg URL"
                            + " --pg-user U --pg-password P]");
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
            // pooled as a node pools it (xinfang-store-postgresql: HikariCP, 10 connections): a server connection
            // costs a handshake and an authentication that no request pays at a node
            com.zaxxer.hikari.HikariDataSource pool = new com.zaxxer.hikari.HikariDataSource();
            pool.setDataSource(p);
            pool.setMaximumPoolSize(10);
            ds = pool;
            database = "PostgreSQL (" + pg + ", HikariCP pool of 10)";
        }
        Path units = work.resolve("units.csv");
        StringBuilder tree = new StringBuilder("code,name,kind,parent\n" + DISTRICT + ",青溪区信访局,DISTRICT,\n");
        List<String> unitCodes = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            String code = DISTRICT + String.format("%03d", 100 + i);
            unitCodes.add(code);
            tree.append(code).append(",第").append(i).append("镇,TOWNSHIP,").append(DISTRICT).append('\n');
        }
        // a village under the first township: the child whose registrations the sync ingest applies
        tree.append(VILLAGE).append(",第1镇柳树村,VILLAGE,").append(unitCodes.get(0)).append('\n');
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
        }
        // the word index is written after the cases' transactions (schema 24): what a node's indexer does in the
        // background, done here before anything is measured
        long i0 = System.nanoTime();
        int indexed = BulkCases.indexWords(ds);
        if (indexed > 0) {
            double s = (System.nanoTime() - i0) / 1e9;
            System.out.printf("indexed the words of %,d cases in %.0f s (%,.0f cases/s, the store's indexer)%n", indexed, s,
                    indexed / s);
        }
        if (held != 0) {
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
        if (dailyOnly) {
            daily(ds, store, service, node, unitCodes, runs);
            return;
        }

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

        daily(ds, store, service, node, unitCodes, runs);

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

    /**
     * Issue 16.2: the daily work at a million cases, through the node's own code in this process: the REST
     * resource's list and case page (PetitionResource, as GET /petitions and GET /petitions/{id} answer them, JSON
     * left out), the registration service, the lifecycle service's deadline list and overdue scan, and the store's
     * receiver of a child's push. Median and 95th percentile of n runs, beside the target.
     */
    static void daily(DataSource ds, JdbcPetitionStore store, LifecycleService service, ConfiguredNode node,
            List<String> unitCodes, int runs) throws Exception {
        org.xinfang.petition.service.internal.RegistrationService registrations =
                new org.xinfang.petition.service.internal.RegistrationService(store, node, "Asia/Shanghai");
        org.xinfang.rest.internal.PetitionResource resource = new org.xinfang.rest.internal.PetitionResource(
                registrations, service, new org.xinfang.rest.internal.Views(node));
        javax.ws.rs.core.SecurityContext clerk = staff("clerk", java.util.Set.of("clerk", "supervisor"));
        org.xinfang.petition.Actor supervisor = new org.xinfang.petition.Actor(new Person("clerk", "李娜", "区信访局督查员"),
                java.util.Set.of("clerk", "supervisor"));
        long held = count(ds, "SELECT COUNT(*) FROM xf_petition");
        // the node's case numbers continue after the generated ones
        if (store.nextSequence("petition") <= held) {
            store.nextSequences("petition", (int) held + 10_000);
        }
        Random rnd = new Random();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            ids.add(DISTRICT + "-" + String.format("%07d", 1 + rnd.nextInt((int) Math.min(held, 1_000_000))));
        }
        int n = Math.max(20, runs * 4);
        System.out.printf("%n%-50s %5s %9s %9s %8s   %s%n", "daily work (issue 16.2), " + String.format("%,d", held)
                + " cases", "n", "median ms", "p95 ms", "target", "answer");
        sample("inbox first page, 20 rows and total (GET /petitions)", n, "< 200", i -> {
            Map<String, Object> page = resource.list(null, null, null, null, null, null, "0", "20", null, null, null,
                    null, null, clerk);
            return ((List<?>) page.get("items")).size() + " rows of " + page.get("total");
        });
        sample("  the store's page alone (50 rows and the total)", n, "", i -> "of "
                + store.find(new PetitionQuery(null, null, null, null, null, null, 0, 50)).total());
        sample("inbox of one unit, first page (unit=...)", Math.max(3, runs), "", i -> "of " + resource.list(null,
                unitCodes.get(i % 5), null, null, null, null, "0", "20", null, null, null, null, null, clerk)
                .get("total"));
        sample("case page (GET /petitions/{id}), random cases", n * 2, "< 200", i -> {
            Map<String, Object> page = resource.get(ids.get(i % ids.size()), null, clerk);
            return ((List<?>) page.get("timeline")).size() + " steps, " + ((List<?>) page.get("allowedActions")).size()
                    + " actions";
        });
        sample("search by case number (q=510199-0…)", Math.max(3, runs), "< 2000", i -> "found " + resource.list(null,
                null, null, null, null, ids.get(i).substring(0, 12), "0", "20", null, null, null, null, null, clerk)
                .get("total"));
        sample("search by tracking code (q=G…)", Math.max(3, runs), "< 2000", i -> "found " + resource.list(null,
                null, null, null, null, "G00" + ids.get(i).substring(7), "0", "20", null, null,
                null, null, null, clerk).get("total"));
        sample("search by petitioner's name (q=王某5)", Math.max(3, runs), "< 2000", i -> "found " + resource.list(null,
                null, null, null, null, SURNAMES[i % SURNAMES.length] + "某5" + i, "0", "20", null, null, null, null,
                null, clerk).get("total"));
        // words of the matter (schema 22's word index): one in a sixth of the register (subjects 反映城乡建设问题 and a
        // category), one in the subjects of the registrations earlier runs timed, one only in their contents
        sample("search by a common word (q=城乡建设)", Math.max(3, runs), "< 2000", i -> "found " + resource.list(null,
                null, null, null, null, "城乡建设", "0", "20", null, null, null, null, null, clerk).get("total"));
        sample("search by a rare word (q=基准登记1…)", Math.max(3, runs), "< 2000", i -> "found " + resource.list(null,
                null, null, null, null, "基准登记1" + i, "0", "20", null, null, null, null, null, clerk).get("total"));
        sample("search by a word of the content (q=百万案件)", Math.max(3, runs), "< 2000", i -> "found "
                + resource.list(null, null, null, null, null, "百万案件", "0", "20", null, null, null, null, null, clerk)
                .get("total"));

        // registration: the service the REST call uses (code hashed at registration, as a node without codes made
        // ahead), then the store's insert alone (rows, facts, count, journal entry, one commit)
        Person registrar = new Person("clerk", "李娜", "区信访局登记员");
        sample("registration (RegistrationService, code hashed)", n, "< 200", i -> registrations.register(
                new org.xinfang.petition.PetitionDraft(Kind.CLAIM, Channel.WALK_IN, "基准登记" + i, "百万案件时的登记",
                        CATEGORIES[i % CATEGORIES.length], null, LocalDate.now(Deadlines.ZONE), 1,
                        List.of(new Petitioner("赵某" + i, null, null, null))), registrar).petition().id());
        long[] seq = {store.nextSequences("petition", n * 2)};
        sample("  the store's insert alone (one registration)", n * 2, "< 50", i -> {
            long k = seq[0] + i;
            Instant at = Instant.now();
            String id = DISTRICT + "-" + String.format("%07d", k);
            return store.insert(new Petition(id, "B" + String.format("%09d", k), Kind.CLAIM, Channel.LETTER, "基准写入",
                    "内容", CATEGORIES[0], null, LocalDate.now(Deadlines.ZONE), 1,
                    List.of(new Petitioner("钱某", null, null, null)), DISTRICT, DISTRICT, Status.REGISTERED, at,
                    List.of(new Event(1, "x", at, EventType.REGISTERED, registrar, DISTRICT, node.info().nodeId(),
                            Attributes.NONE, null))), "generated", node.info().nodeId()).id();
        });

        long due = store.countDue(null, null);
        long paused = store.factsPaused().size();
        sample("deadline list, every running clock (filter=open)", Math.max(3, runs / 2), "< 5000",
                i -> service.deadlineList("open", null, 0).size() + " cases (" + due + " due, " + paused + " paused)");
        org.xinfang.petition.Actor head = new org.xinfang.petition.Actor(new Person("head", "王芳", "区信访局局长"),
                java.util.Set.of("head"));
        sample("home page counts (GET /home)", Math.max(3, runs / 2), "< 5000", i -> {
            org.xinfang.lifecycle.CaseService.Workload w = service.workload(head);
            return "unrouted " + w.unrouted() + ", overdue below " + w.overdueBelow() + ", supervision to answer "
                    + w.supervisionToAnswer();
        });
        LocalDate yesterday = LocalDate.now(Deadlines.ZONE).minusDays(1);
        long lapsed = store.countDue(null, yesterday);
        sample("overdue scan (督办, superviseOverdue), first", 1, "< 60000", i -> service.superviseOverdue(supervisor)
                .size() + " supervised of " + lapsed + " read by due day");
        sample("  again (each lapse supervised once)", Math.max(3, runs / 2), "< 5000", i -> service.superviseOverdue(
                supervisor).size() + " supervised of " + store.countDue(null, yesterday) + " read by due day");

        // sync ingest: a village's registrations relayed by its township, as the district's receiver applies a push
        org.xinfang.store.jdbc.internal.JdbcSyncStore sync = new org.xinfang.store.jdbc.internal.JdbcSyncStore(ds);
        org.xinfang.sync.SyncPolicy policy = new org.xinfang.sync.agent.internal.NodePolicy(node);
        String township = unitCodes.get(0);
        Map<String, Long> heads = sync.held();
        long[] chain = {heads.getOrDefault(VILLAGE, 0L)};
        String[] prev = {chain[0] == 0 ? org.xinfang.sync.JournalEntry.GENESIS : headHash(ds, VILLAGE, chain[0])};
        int batch = 200;
        int batches = Math.max(5, runs);
        long t0 = System.nanoTime();
        long[] ms = new long[batches];
        int accepted = 0;
        for (int b = 0; b < batches; b++) {
            List<org.xinfang.sync.JournalEntry> entries = new ArrayList<>();
            for (int k = 0; k < batch; k++) {
                long s2 = ++chain[0];
                long at = System.currentTimeMillis();
                String id = VILLAGE + "-" + String.format("%07d", s2);
                String payload = "{\"id\":\"" + id + "\",\"trackingCode\":\"V" + VILLAGE.substring(6) + s2
                        + "\",\"verificationHash\":\"" + org.xinfang.sync.JournalEntry.GENESIS + "\",\"kind\":\"CLAIM\","
                        + "\"channel\":\"WALK_IN\",\"subject\":\"村里登记" + s2 + "\",\"content\":\"内容\",\"category\":null,"
                        + "\"location\":null,\"receivedAt\":\"" + LocalDate.now(Deadlines.ZONE) + "\",\"headcount\":1,"
                        + "\"registeredBy\":\"" + VILLAGE + "\",\"owner\":\"" + VILLAGE + "\",\"status\":\"REGISTERED\","
                        + "\"registeredAt\":" + at + ",\"petitioners\":[{\"name\":\"孙某\",\"idNumber\":null,"
                        + "\"phone\":null,\"address\":null}],\"timeline\":[{\"seq\":1,\"at\":" + at
                        + ",\"type\":\"REGISTERED\",\"actor\":\"clerk\",\"unit\":\"" + VILLAGE + "\",\"node\":\""
                        + VILLAGE + "\",\"note\":null}]}";
                String hash = org.xinfang.sync.JournalEntry.computeHash(prev[0], VILLAGE, s2, "PETITION_REGISTERED", id,
                        at, payload);
                entries.add(new org.xinfang.sync.JournalEntry(VILLAGE, s2, "PETITION_REGISTERED", id, at, payload,
                        prev[0], hash, List.of(VILLAGE, township)));
                prev[0] = hash;
            }
            long b0 = System.nanoTime();
            accepted += sync.receive(township, policy, entries).accepted();
            ms[b] = (System.nanoTime() - b0) / 1_000_000;
        }
        double s = (System.nanoTime() - t0) / 1e9;
        long[] sorted = ms.clone();
        java.util.Arrays.sort(sorted);
        System.out.printf("%-50s %5d %9d %9d %8s   %s%n", "sync ingest, pushes of " + batch + " registrations", batches,
                sorted[batches / 2], sorted[Math.max(0, (int) Math.ceil(batches * 0.95) - 1)], "> 500/s",
                String.format("%,.0f entries/s, %d of %d applied", accepted / s, accepted, batch * batches));
        System.out.printf("register after: %,d cases (kept count %,d)%n", count(ds, "SELECT COUNT(*) FROM xf_petition"),
                count(ds, "SELECT SUM(cases) FROM xf_case_count"));
    }

    static String headHash(DataSource ds, String origin, long seq) throws Exception {
        try (Connection c = ds.getConnection(); java.sql.PreparedStatement ps = c.prepareStatement(
                "SELECT entry_hash FROM xf_journal WHERE origin = ? AND origin_seq = ?")) {
            ps.setString(1, origin);
            ps.setLong(2, seq);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /** A caller of the REST resources as the realm would hand it over: a login and its roles. */
    static javax.ws.rs.core.SecurityContext staff(String login, java.util.Set<String> roles) {
        return new javax.ws.rs.core.SecurityContext() {
            @Override
            public java.security.Principal getUserPrincipal() {
                return () -> login;
            }

            @Override
            public boolean isUserInRole(String role) {
                return roles.contains(role);
            }

            @Override
            public boolean isSecure() {
                return false;
            }

            @Override
            public String getAuthenticationScheme() {
                return "BASIC";
            }
        };
    }

    /** Times {@code work} n times (its argument the run's number); prints the median and 95th percentile. */
    static void sample(String name, int n, String target, java.util.function.IntFunction<String> work) {
        double[] ms = new double[n];
        String answer = "";
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            try {
                answer = work.apply(i);
            } catch (RuntimeException | OutOfMemoryError e) {
                answer = "failed: " + e;
            }
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        double[] sorted = ms.clone();
        java.util.Arrays.sort(sorted);
        System.out.printf("%-50s %5d %9.1f %9.1f %8s   %s%n", name, n, sorted[n / 2],
                sorted[Math.max(0, (int) Math.ceil(n * 0.95) - 1)], target, answer);
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
