package io.wirestream.ops.cli;

import io.wirestream.ops.lag.GroupEvaluation;
import io.wirestream.ops.lag.LagReport;
import io.wirestream.ops.lag.PartitionEvaluation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Renders a lag report as the plain-text table {@code wire lag} prints: one row per partition, then one line per group. */
public final class LagTable {

    private static final String[] HEADER = {"GROUP", "TOPIC", "PARTITION", "COMMITTED", "END", "LAG", "LAG-SECONDS", "STATUS"};
    private static final boolean[] RIGHT = {false, false, true, true, true, true, true, false};

    private LagTable() {
    }

    public static String render(LagReport report) {
        StringBuilder out = new StringBuilder();
        if (report.error() != null) {
            out.append("sampling failed: ").append(report.error()).append('\n');
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (GroupEvaluation g : report.groups()) {
            if (g.partitions().isEmpty()) {
                rows.add(new String[] {g.group(), "-", "-", "-", "-", "0", "-", g.status().name()});
            }
            for (PartitionEvaluation p : g.partitions()) {
                rows.add(new String[] {g.group(), p.topic(), Integer.toString(p.partition()),
                        Long.toString(p.committedOffset()), p.logEndOffset() < 0 ? "?" : Long.toString(p.logEndOffset()),
                        Long.toString(p.lagRecords()), seconds(p.lagSeconds()), p.status().name()});
            }
        }
        if (rows.size() == 1) {
            out.append("no consumer group of the pipeline found\n");
            return out.toString();
        }
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                String cell = RIGHT[i] ? pad(row[i], widths[i], true) : pad(row[i], widths[i], false);
                line.append(cell).append(i < row.length - 1 ? "  " : "");
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        out.append('\n');
        for (GroupEvaluation g : report.groups()) {
            out.append(String.format(Locale.ROOT, "%s  %s  lag %d records, %s s, %d member(s): %s%n", g.status(), g.group(),
                    g.lagRecords(), seconds(g.lagSeconds()), g.members(), g.reason()));
        }
        return out.toString();
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.1f", s);
    }

    private static String pad(String s, int width, boolean right) {
        String fill = " ".repeat(width - s.length());
        return right ? fill + s : s + fill;
    }
}
