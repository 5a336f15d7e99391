package io.kv4j.tck;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs the whole kit from the kit's own tests, through one launcher shared by every run, so
 * that running it once per broken backend stays fast.
 */
final class KitRuns {

    /** Keeps the concurrent workloads small and starts no child JVM, for speed. */
    static final Map<String, String> QUICK = Map.of(Tck.WORKLOAD_REQUESTS, "30", Tck.STEP_TIMEOUT_MS, "3000",
            Tck.CHILD_JVM, "false", Tck.SEED, "20261126", Tck.FIXTURE, "none");

    private static final Runner RUNNER = new Runner(Runner.launcher());

    /**
     * How many times the kit's own tests run the kit against each broken backend: property
     * {@code kv.tck.self-test.repeat}, 1 by default. Every run must give the same verdict, so
     * that a verdict that comes and goes with timing shows up.
     */
    static final int REPEAT = Integer.getInteger("kv.tck.self-test.repeat", 1);

    /**
     * What a run printed and found.
     *
     * @param result the runner's result
     * @param output everything it printed
     */
    record Run(Runner.Result result, String output) {

        /** The clauses with a given verdict. */
        Set<String> clauses(Verdicts.Status status) {
            Set<String> out = new TreeSet<>((a, b) -> ClauseId.parse(a).compareTo(ClauseId.parse(b)));
            if (result.verdicts() != null) {
                for (Verdicts.Verdict v : result.verdicts().verdicts()) {
                    if (v.status() == status) {
                        out.add(v.clause());
                    }
                }
            }
            return out;
        }
    }

    private KitRuns() {
    }

    static Run run(String url, Path reports, Map<String, String> parameters) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Runner.Result result = RUNNER.execute(url, reports, out, new HashMap<>(parameters));
        return new Run(result, bytes.toString(StandardCharsets.UTF_8));
    }
}
