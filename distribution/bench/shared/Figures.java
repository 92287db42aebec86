package shared;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Log lines and the numbers of the figures, formatted the same way by every benchmark. */
public final class Figures {
    private Figures() {
    }

    /** A progress line, prefixed with the time of day (UTC). */
    public static void log(String what) {
        System.out.println("[" + DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC).format(Instant.now())
                + "] " + what);
    }

    public static double secs(long nanos) {
        return nanos / 1e9;
    }

    public static String f1(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }

    public static String f2(double d) {
        return String.format(Locale.ROOT, "%.2f", d);
    }

    /** The p-th percentile of sorted values, interpolated between ranks. */
    public static double pct(List<Double> sorted, int p) {
        if (sorted.size() == 1) {
            return sorted.get(0);
        }
        double rank = p / 100.0 * (sorted.size() - 1);
        int lo = (int) Math.floor(rank);
        int hi = (int) Math.ceil(rank);
        return sorted.get(lo) + (sorted.get(hi) - sorted.get(lo)) * (rank - lo);
    }
}
