package sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The printed figures: one row per figure beside its goal, diagnostics beside what is expected, and notes;
 * printed at the end of the run (or when its time budget runs out).
 */
final class Report {
    final List<String[]> rows = new ArrayList<>(); // figure, measured, goal, verdict
    final List<String[]> diagnostics = new ArrayList<>(); // what, measured, expected
    final List<String> notes = new ArrayList<>();

    synchronized void print(String header) {
        System.out.println();
        System.out.println(header);
        table(List.of("figure", "measured", "goal", ""), rows);
        if (!diagnostics.isEmpty()) {
            System.out.println();
            table(List.of("diagnostic", "measured", "expected"), diagnostics);
        }
        System.out.println();
        for (String n : notes) {
            System.out.println("* " + n);
        }
        System.out.println("* all nodes on 127.0.0.1 on this one machine: the bench, the district, the township and the"
                + " village share the cores; nodes in the field run on separate machines.");
        System.out.flush();
    }

    static void table(List<String> head, List<String[]> body) {
        int[] w = new int[head.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = head.get(i).length();
            for (String[] r : body) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        StringBuilder fmt = new StringBuilder();
        int total = 0;
        for (int i = 0; i < w.length; i++) {
            fmt.append(i == 0 ? "" : " | ").append(i == w.length - 1 ? "%s" : "%-" + w[i] + "s");
            total += w[i] + 3;
        }
        fmt.append("%n");
        System.out.printf(fmt.toString(), head.toArray());
        System.out.println("-".repeat(total));
        for (String[] r : body) {
            System.out.printf(fmt.toString(), (Object[]) r);
        }
    }

    static String ms(double s) {
        return String.format(Locale.ROOT, "%.0f", s * 1000);
    }

    static String rate(long count, double seconds) {
        return String.format(Locale.ROOT, "%,.0f/s", count / seconds);
    }

    static String verdict(boolean met) {
        return met ? "met" : "not met";
    }
}
