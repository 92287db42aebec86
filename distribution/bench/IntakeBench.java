/*
 * Intake figures (issue 16, point 1): registrations a second at one node over HTTP, as many clients at once,
 * with p50/p95 latency; beside it the disk's own rate of durable (fsync'd) small writes, measured in the same
 * run. Prints, never asserts. Run through intake-figures.sh, which boots the nodes, reads their CPU time and
 * kills them with -9 afterwards to count what survived.
 *
 *   java IntakeBench.java fsync <dir> <seconds>
 *   java IntakeBench.java load <baseUrl> <user> <password> <clients> <seconds> <ids-file> [full|minimal]
 *   java IntakeBench.java floor <baseUrl> <user> <password> <clients> <seconds>
 *
 * "floor" is the anchor for the rate: the same clients asking the node for the least it answers with a login
 * (GET /api/v1/me: who is logged in), so that what HTTP, JAX-RS, the login check and the clients themselves cost on
 * this machine is printed beside what a registration costs on top of them.
 *
 * Each client is one kept-alive HTTP/1.1 connection written and read by hand ({@link Conn}): the clients share the
 * node's two cores here, and java.net.http's client cost about 2 CPU-ms a request, as much as a third of what the node
 * spends on a registration; a client on another machine would cost the node nothing.
 */

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class IntakeBench {
    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "fsync" -> fsync(Path.of(args[1]), Integer.parseInt(args[2]));
            case "load" -> load(args[1], args[2], args[3], Integer.parseInt(args[4]), Integer.parseInt(args[5]),
                    Path.of(args[6]), args.length > 7 && args[7].equals("minimal"),
                    args.length > 8 && args[8].equals("letter"));
            case "floor" -> floor(args[1], args[2], args[3], Integer.parseInt(args[4]), Integer.parseInt(args[5]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    /** Appends 512-byte records to a file, each forced to the disk before the next: what one commit costs. */
    static void fsync(Path dir, int seconds) throws IOException {
        Path file = dir.resolve("fsync-probe.bin");
        ByteBuffer record = ByteBuffer.allocate(512);
        long n = 0;
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            while (System.nanoTime() < end) {
                record.clear();
                ch.write(record);
                ch.force(false);
                n++;
            }
        } finally {
            Files.deleteIfExists(file);
        }
        double s = (System.nanoTime() - start) / 1e9;
        System.out.printf("fsync %.0f%n", n / s);
    }

    /**
     * Registrations from every client for the given time. {@code minimal}: each asks for the minimal answer (RFC 7240
     * {@code Prefer: return=minimal}, the codes and the repeats) instead of the whole case the staff app reads.
     */
    static void load(String base, String user, String password, int clients, int seconds, Path idsFile,
            boolean minimal, boolean letter) throws Exception {
        prefer = minimal ? "return=minimal" : null;
        letters = letter;
        String auth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        // warm the login cache and the JIT with a few registrations that are not counted
        try (Conn warm = new Conn(base)) {
            for (int i = 0; i < 20; i++) {
                send(warm, auth, -1, i);
            }
        }
        ConcurrentLinkedQueue<String> ids = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(clients);
        long cpu0 = cpuNanos();
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread t = new Thread(() -> {
                int i = 0;
                try (Conn http = new Conn(base)) {
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        Conn.Response r = send(http, auth, client, i++);
                        long took = System.nanoTime() - t0;
                        if (r.status() == 201) {
                            Matcher m = ID.matcher(r.body());
                            if (m.find()) {
                                ids.add(m.group(1));
                            }
                            latencies.add(took);
                        } else {
                            errors.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                } finally {
                    done.countDown();
                }
            });
            t.start();
        }
        done.await();
        double s = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        Files.write(idsFile, ids);
        System.out.printf("created %d%nerrors %d%nrate %.0f%np50 %.1f%np95 %.1f%nclientcpu %.2f%n", ids.size(),
                errors.get(), ids.size() / s, pct(sorted, 0.50), pct(sorted, 0.95),
                (cpuNanos() - cpu0) / 1e6 / Math.max(1, ids.size() + errors.get()));
    }

    /** Authenticated GET /api/v1/me from every client, as fast as answered: requests a second and p50. */
    static void floor(String base, String user, String password, int clients, int seconds) throws Exception {
        String auth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        try (Conn warm = new Conn(base)) {
            for (int i = 0; i < 200; i++) {
                warm.exchange("GET", "/api/v1/me", auth, null);
            }
        }
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        CountDownLatch done = new CountDownLatch(clients);
        long cpu0 = cpuNanos();
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        for (int c = 0; c < clients; c++) {
            new Thread(() -> {
                try (Conn http = new Conn(base)) {
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        Conn.Response r = http.exchange("GET", "/api/v1/me", auth, null);
                        if (r.status() == 200) {
                            answered.incrementAndGet();
                            latencies.add(System.nanoTime() - t0);
                        } else {
                            errors.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                } finally {
                    done.countDown();
                }
            }).start();
        }
        done.await();
        double s = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("answered %d%nerrors %d%nrate %.0f%np50 %.1f%nclientcpu %.2f%n", answered.get(), errors.get(),
                answered.get() / s, pct(sorted, 0.50), (cpuNanos() - cpu0) / 1e6 / Math.max(1, answered.get()));
    }

    /** The CPU time of this client process so far (every thread). */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The Prefer header of the registrations, or none. */
    private static volatile String prefer;

    private static double pct(List<Long> sorted, double p) {
        return sorted.isEmpty() ? Double.NaN : sorted.get((int) Math.min(sorted.size() - 1, p * sorted.size())) / 1e6;
    }

    /** Whether the registrations carry a letter of some hundreds of characters instead of one short sentence. */
    private static volatile boolean letters;

    private static Conn.Response send(Conn http, String auth, int client, int i) throws IOException {
        String content = letters ? Letters.letter(client * 1_000_003L + i) : "小区停车费上涨，请求核查收费依据。";
        String body = "{\"kind\": \"CLAIM\", \"channel\": \"ONLINE\", \"subject\": \"压测登记 " + client + "-" + i
                + "\", \"content\": \"" + content + "\", \"receivedAt\": \"" + LocalDate.now()
                + "\", \"petitioners\": [{\"name\": \"测试" + client + "\", \"phone\": \"13800000000\"}]}";
        return http.exchange("POST", "/api/v1/petitions", auth, body.getBytes(StandardCharsets.UTF_8), prefer);
    }

    /**
     * One kept-alive HTTP/1.1 connection: writes a request, reads the status, the headers and the body (by its
     * Content-Length or in chunks); opens the connection again when the server closed it.
     */
    static final class Conn implements AutoCloseable {
        record Response(int status, String body) {
        }

        private final String host;
        private final int port;
        private Socket socket;
        private InputStream in;
        private OutputStream out;

        Conn(String base) {
            URI u = URI.create(base);
            host = u.getHost();
            port = u.getPort();
        }

        Response exchange(String method, String path, String auth, byte[] body) throws IOException {
            return exchange(method, path, auth, body, null);
        }

        Response exchange(String method, String path, String auth, byte[] body, String prefer) throws IOException {
            if (socket == null) {
                socket = new Socket(host, port);
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(60_000);
                in = new BufferedInputStream(socket.getInputStream(), 16384);
                out = socket.getOutputStream();
            }
            StringBuilder head = new StringBuilder(256).append(method).append(' ').append(path)
                    .append(" HTTP/1.1\r\nHost: ").append(host).append(':').append(port)
                    .append("\r\nAuthorization: ").append(auth).append("\r\nAccept: application/json\r\n");
            if (prefer != null) {
                head.append("Prefer: ").append(prefer).append("\r\n");
            }
            if (body != null) {
                head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
            }
            head.append("\r\n");
            byte[] h = head.toString().getBytes(StandardCharsets.ISO_8859_1);
            if (body == null) {
                out.write(h);
            } else {
                byte[] all = new byte[h.length + body.length];
                System.arraycopy(h, 0, all, 0, h.length);
                System.arraycopy(body, 0, all, h.length, body.length);
                out.write(all);
            }
            out.flush();
            String status = line();
            int code = Integer.parseInt(status.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String l = line(); !l.isEmpty(); l = line()) {
                int colon = l.indexOf(':');
                String name = l.substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT);
                String value = l.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.toLowerCase(java.util.Locale.ROOT).contains("chunked");
                    case "connection" -> close = value.equalsIgnoreCase("close");
                    default -> { }
                }
            }
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            if (chunked) {
                for (int n = Integer.parseInt(line().split(";")[0].trim(), 16); n > 0;
                        n = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                    got.write(in.readNBytes(n));
                    line();
                }
                for (String l = line(); !l.isEmpty(); l = line()) {
                    // trailers
                }
            } else if (length >= 0) {
                got.write(in.readNBytes((int) length));
            }
            if (close) {
                close();
            }
            return new Response(code, got.toString(StandardCharsets.UTF_8));
        }

        private String line() throws IOException {
            StringBuilder b = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection closed");
                }
                if (c != '\r') {
                    b.append((char) c);
                }
            }
            return b.toString();
        }

        @Override
        public void close() throws IOException {
            if (socket != null) {
                socket.close();
                socket = null;
            }
        }
    }
}

/**
 * Letters of a petition's kind for the benchmark: 8 to 16 sentences drawn from those a letter about a village, a
 * housing estate, wages, land or a road is made of, each with its own place, company, road and sums, so that a letter
 * holds some 250-550 characters and, like real letters, many pairs of characters that others do not (names of
 * places and people made of common characters). Not real letters: their words repeat more than real ones do.
 */
final class Letters {
    private static final String[] SENTENCES = {
        "我是{村}村民，家住{镇}{村}{号}号。",
        "{年}年{月}月，{公司}在我村征收土地{亩}亩，至今未按协议支付补偿款{元}元。",
        "我们多次找村委会和镇政府反映，答复都是正在协调，一直没有结果。",
        "{路}自{年}年动工以来一直没有完工，路面坑洼，雨天积水，老人孩子出行很不安全。",
        "我在{公司}务工{月}个月，被拖欠工资{元}元，包工头{人}已联系不上。",
        "小区物业{公司}擅自将停车费从每月{元}元上调，未经业主大会同意。",
        "楼下{公司}的餐馆油烟和噪音严重扰民，夜里十一点以后还在营业。",
        "我家的低保在{年}年被取消，村里没有说明理由，也没有张榜公示。",
        "去年洪水冲毁了我家的房屋，申请危房改造补助至今没有批下来。",
        "{镇}的卫生院收费不透明，我母亲住院{号}天被收取费用{元}元，清单与实际不符。",
        "{村}的自来水管网老化，经常停水，水质发黄，群众意见很大。",
        "恳请上级领导重视，派人调查核实，依法依规处理。",
        "希望有关部门尽快督促{公司}履行合同，维护我们的合法权益。",
        "{人}在村里强占集体土地建房，村干部不闻不问。",
        "我们反映的问题涉及{号}户群众，大家推选我写这封信。",
        "以上情况属实，如有不实愿意承担法律责任。",
        "附件有土地承包合同、收据复印件和现场照片共{号}页。",
        "学校门口的{路}没有红绿灯和减速带，上下学时段车辆很多，已经发生过事故。",
        "{公司}的搅拌站粉尘很大，周边农田的庄稼都受到影响。",
        "我是退役军人，按政策应享受的优待金从{年}年起没有发放。",
        "{镇}派出所对我报案的邻里纠纷一直没有处理，对方多次上门威胁。",
        "拆迁安置房交付已经推迟{月}个月，开发商{公司}一直没有给出明确时间。",
        "医保报销手续繁琐，异地就医的费用{元}元至今没有报销。",
        "村里修建的文化广场占用了我家的宅基地，没有任何补偿。",
        "我们要求公开{年}年以来村级财务收支情况，村委会拒绝公开。",
        "恳请领导在百忙之中过问此事，给群众一个满意的答复。",
    };
    private static final String CHARS = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘于蒋蔡余杜叶程苏魏吕"
            + "丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
            + "东南西北中新兴和平安康宁丰华明光荣庆福寿长青山水河湖溪桥坪坝岭塘家园湾沟岗庄营堡屯田林枫桂竹梅兰松柏";

    private Letters() {
    }

    static String letter(long seed) {
        java.util.Random r = new java.util.Random(seed * 0x9E3779B97F4A7C15L + 17);
        StringBuilder b = new StringBuilder();
        int n = 8 + r.nextInt(9);
        for (int i = 0; i < n; i++) {
            String s = SENTENCES[r.nextInt(SENTENCES.length)];
            b.append(s.replace("{村}", word(r, 2)).replace("{镇}", word(r, 2) + "镇").replace("{号}", "" + (1 + r.nextInt(99)))
                    .replace("{年}", "" + (2015 + r.nextInt(11))).replace("{月}", "" + (1 + r.nextInt(12)))
                    .replace("{公司}", word(r, 2) + (r.nextBoolean() ? "建设公司" : "实业有限公司"))
                    .replace("{亩}", "" + (1 + r.nextInt(300))).replace("{元}", "" + (500 + r.nextInt(300_000)))
                    .replace("{路}", word(r, 2) + "路").replace("{人}", word(r, 1) + word(r, 2)));
        }
        return b.toString();
    }

    private static String word(java.util.Random r, int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.append(CHARS.charAt(r.nextInt(CHARS.length())));
        }
        return b.toString();
    }
}
