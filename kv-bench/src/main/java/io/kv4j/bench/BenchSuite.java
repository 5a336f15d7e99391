package io.kv4j.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the benchmark suite and prints, for each comparison, kv4j's and the baseline's throughput
 * and their ratio, all measured in the same run: {@code java -jar kv-bench.jar [--quick]}, or
 * {@link #run} from another program such as the {@code kv bench} command.
 *
 * <p>Benchmarks run in JVMs forked by JMH from this JVM's class path, so that class path must
 * hold this module and its dependencies. The PostgreSQL benchmarks run against embedded
 * PostgreSQL servers that the suite starts, one per durability setting, and stops at the end.
 */
public final class BenchSuite {

    /** The arguments of every benchmark JVM: a fixed heap, the same for kv4j and the baselines. */
    static final List<String> FORK_JVM_ARGS = List.of("-Xms2g", "-Xmx2g");

    private BenchSuite() {
    }

    /**
     * Runs the suite with the command-line arguments and exits with its status.
     *
     * @param args the options; {@code --help} lists them
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    /**
     * Runs the suite and prints its progress and the table of ratios.
     *
     * @param args the options, as on the command line; {@code --help} lists them
     * @param out where to print
     * @return 0 when every benchmark ran, 1 when one failed or a server did not start, 2 for
     *     invalid arguments
     */
    public static int run(String[] args, PrintStream out) {
        SuiteOptions options;
        try {
            options = SuiteOptions.parse(args);
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            out.println(SuiteOptions.USAGE);
            return 2;
        }
        if (options.help()) {
            out.println(SuiteOptions.USAGE);
            return 0;
        }
        out.println("kv4j benchmarks, " + options.describe());
        out.println("machine: " + Machine.describe());
        out.println("JVM: " + Machine.jvm(FORK_JVM_ARGS));
        boolean ok = true;
        List<Footprint.Measure> footprint = null;
        if (options.groups().contains(Group.FOOTPRINT)) {
            out.printf(Locale.ROOT, "measuring memory per key with %,d keys%n", options.footprintKeys());
            try {
                Footprint.requireExplicitGc();
                footprint = Footprint.measure(options.footprintKeys());
            } catch (Exception e) {
                out.println("memory per key FAILED: " + e);
                ok = false;
            }
        }
        SqliteStore.Measure sqliteStore = null;
        if (options.groups().contains(Group.SQLITE)) {
            out.printf(Locale.ROOT, "measuring a SQLite store of %,d entries%n", Plan.MANY_KEYS);
            try {
                sqliteStore = SqliteStore.measure(Plan.MANY_KEYS);
            } catch (Exception e) {
                out.println("SQLite store FAILED: " + e);
                ok = false;
            }
        }
        List<Comparison> plan = Plan.of(options.groups());
        Map<String, EmbeddedPostgres> servers = new LinkedHashMap<>();
        try {
            List<String> jvmArgs = new ArrayList<>(FORK_JVM_ARGS);
            for (String setting : Servers.SETTINGS) {
                if (Plan.needs(plan, setting)) {
                    EmbeddedPostgres server = Servers.start(setting);
                    servers.put(setting, server);
                    String address = Servers.address(server);
                    jvmArgs.add("-D" + Servers.property(setting) + "=" + address);
                    out.println("server " + Servers.label(setting) + ": " + Servers.describe(address));
                }
            }
            Map<Trial, Outcome> outcomes = runAll(plan, options, jvmArgs, out);
            for (Outcome o : outcomes.values()) {
                ok &= o.ok();
            }
            out.println();
            if (!plan.isEmpty()) {
                out.println("ops/s: operations per second, higher is better (write 1,000 keys: one "
                        + "operation writes 1,000 keys); kv4j/baseline above 1 means kv4j is faster");
                out.println("kv4j attempts/request: runs of kv4j's request body per request that "
                        + "committed; 1.00 when no request ran twice");
            }
            RatioTable.print(plan, outcomes, footprint, out);
            if (sqliteStore != null) {
                SqliteStore.print(sqliteStore, out);
            }
        } catch (IOException | SQLException e) {
            out.println("Could not start or reach the embedded PostgreSQL server: " + e);
            ok = false;
        } finally {
            for (Map.Entry<String, EmbeddedPostgres> server : servers.entrySet()) {
                try {
                    server.getValue().close();
                } catch (IOException e) {
                    out.println("Could not stop the PostgreSQL server for "
                            + Servers.label(server.getKey()) + ": " + e);
                }
            }
        }
        return ok ? 0 : 1;
    }

    private static Map<Trial, Outcome> runAll(List<Comparison> plan, SuiteOptions options,
            List<String> jvmArgs, PrintStream out) throws IOException {
        // kv4j and each baseline run back to back, so both see the same machine; a trial that
        // two groups show runs once, as the first of them says
        Map<Trial, Group> trials = new LinkedHashMap<>();
        for (Comparison c : plan) {
            trials.putIfAbsent(c.kv4j(), c.group());
            trials.putIfAbsent(c.baseline(), c.group());
        }
        Map<Trial, Outcome> outcomes = new LinkedHashMap<>();
        if (trials.isEmpty()) {
            return outcomes;
        }
        Path logFile = null;
        PrintStream jmh = out;
        if (!options.verbose()) {
            logFile = Files.createTempFile("kv-bench-", ".log");
            jmh = new PrintStream(Files.newOutputStream(logFile), true, StandardCharsets.UTF_8);
            out.println("JMH output: " + logFile);
        }
        try {
            TrialRunner runner = new TrialRunner(options, jvmArgs, jmh);
            int n = 0;
            for (Map.Entry<Trial, Group> entry : trials.entrySet()) {
                Trial trial = entry.getKey();
                out.printf(Locale.ROOT, "[%d/%d] %s: ", ++n, trials.size(), trial);
                out.flush();
                Outcome outcome = runner.run(trial, entry.getValue());
                outcomes.put(trial, outcome);
                out.println(outcome.ok() ? progress(outcome)
                        : "FAILED: " + outcome.failure() + (logFile == null ? "" : " (see " + logFile + ")"));
            }
        } finally {
            if (jmh != out) {
                jmh.close();
            }
        }
        return outcomes;
    }

    private static String progress(Outcome o) {
        String ops = String.format(Locale.ROOT, "%,.0f ops/s", o.opsPerSecond());
        if (!Double.isNaN(o.error()) && o.opsPerSecond() != 0) {
            ops += String.format(Locale.ROOT, " ± %.1f%%", 100 * o.error() / o.opsPerSecond());
        }
        return o.attempts() == null ? ops : ops + ", " + o.attempts().text() + " attempts/request";
    }
}
