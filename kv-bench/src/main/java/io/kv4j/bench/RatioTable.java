package io.kv4j.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The suite's result: for each comparison, both throughputs and the ratio kv4j / baseline. */
final class RatioTable {

    private RatioTable() {
    }

    static void print(List<Comparison> plan, Map<Trial, Outcome> outcomes,
            List<Footprint.Measure> footprint, PrintStream out) {
        if (!plan.isEmpty()) {
            TextTable table = new TextTable("operation", "setting", ">threads", ">kv4j ops/s",
                    ">kv4j attempts/request", "baseline", ">baseline ops/s", ">kv4j/baseline", "target");
            Group section = null;
            for (Comparison c : plan) {
                if (c.group() != section) {
                    section = c.group();
                    table.section("== " + section.title());
                }
                Outcome kv4j = outcomes.get(c.kv4j());
                Outcome baseline = outcomes.get(c.baseline());
                double ratio = ratio(kv4j, baseline);
                table.add(c.operation(), c.setting(), Integer.toString(c.threads()), ops(kv4j),
                        attempts(kv4j), c.baselineLabel(), ops(baseline),
                        Double.isNaN(ratio) ? "-" : String.format(Locale.ROOT, "%.2f", ratio),
                        verdict(c.target(), ratio));
            }
            table.print(out);
        }
        if (footprint != null && footprint.size() == 2) {
            Footprint.Measure kv4j = footprint.get(0);
            Footprint.Measure map = footprint.get(1);
            TextTable table = new TextTable("operation", "setting", ">kv4j bytes/key", "baseline",
                    ">baseline bytes/key", ">kv4j/baseline");
            table.section("== " + Group.FOOTPRINT.title());
            table.add("memory per key", String.format(Locale.ROOT, "keys=%d", kv4j.keys()),
                    String.format(Locale.ROOT, "%.0f", kv4j.bytesPerKey()),
                    "ConcurrentHashMap<String, byte[]>",
                    String.format(Locale.ROOT, "%.0f", map.bytesPerKey()),
                    String.format(Locale.ROOT, "%.2f", kv4j.bytesPerKey() / map.bytesPerKey()));
            table.print(out);
        }
    }

    static double ratio(Outcome kv4j, Outcome baseline) {
        if (kv4j == null || baseline == null || !kv4j.ok() || !baseline.ok()
                || baseline.opsPerSecond() <= 0) {
            return Double.NaN;
        }
        return kv4j.opsPerSecond() / baseline.opsPerSecond();
    }

    static String ops(Outcome o) {
        if (o == null) {
            return "not run";
        }
        return o.ok() ? String.format(Locale.ROOT, "%,.0f", o.opsPerSecond()) : "failed";
    }

    /** Blank where kv4j's attempts were not counted (reads, 1,000-key writes, memory) or not run. */
    static String attempts(Outcome o) {
        return o == null || o.attempts() == null ? "" : o.attempts().text();
    }

    static String verdict(Target target, double ratio) {
        if (target == Target.NONE) {
            return "";
        }
        if (Double.isNaN(ratio)) {
            return target.text();
        }
        return target.text() + (target.met(ratio) ? " met" : " MISSED");
    }
}
