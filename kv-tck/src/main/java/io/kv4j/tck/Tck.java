package io.kv4j.tck;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs the compatibility kit against a store URL through the JUnit Platform Launcher: progress
 * clause by clause, a verdict per SPEC clause, reports as JSON, Markdown and JUnit XML, and an
 * exit code. This is what {@code kv tck --url URL --report DIR} calls.
 *
 * <p>Exit codes: {@value #PASSED} when every MUST clause that applies passed and none went
 * untested, not even in part (a failed SHOULD clause is a warning); {@value #UNTESTED} when every
 * MUST clause that ran passed but some that apply went untested, wholly or in part, for want of
 * a fixture hook, a child JVM or a second store on the same storage (the verdict line lists
 * them); {@value #FAILED} when a MUST clause failed or the run had to stop early;
 * {@value #MISCONFIGURED} when the run proves nothing: a bad URL, no provider, a fixture that
 * fails, no test run, or a MUST clause that no test reported on. A clause that does not apply
 * to the backend, because the backend declares that it lacks what the clause is about (KV-9 on a
 * backend that is not durable), is reported as SKIPPED and keeps a pass clean.
 *
 * <p>Every test writes only to functions named {@code tck-<run id>-...}; when the run ends the
 * kit deletes them all. Secrets in the URL never appear in output or reports.
 */
public final class Tck {

    /** Configuration parameter: the store URL to test. */
    public static final String URL = "kv.tck.url";
    /**
     * Configuration parameter: the fixture's class name, {@code postgres-embedded} or
     * {@code postgres} (the fixtures of {@code io.kv4j:kv-tck-postgres}), or {@code none}; see
     * {@link TckFixture}.
     */
    public static final String FIXTURE = "kv.tck.fixture";
    /** Configuration parameter: the seed of the concurrent workloads; random when unset. */
    public static final String SEED = "kv.tck.seed";
    /**
     * Configuration parameter: the longest a single step of a scripted interleaving, or any
     * single hand-off between threads, may take before the test fails; default 10000 ms.
     */
    public static final String STEP_TIMEOUT_MS = "kv.tck.step-timeout-ms";
    /** Configuration parameter: the longest a whole concurrent workload may take; default 60000 ms. */
    public static final String WORKLOAD_TIMEOUT_MS = "kv.tck.workload-timeout-ms";
    /** Configuration parameter: threads of each concurrent workload; default 4. */
    public static final String WORKLOAD_THREADS = "kv.tck.workload-threads";
    /** Configuration parameter: requests each workload thread makes; default 200. */
    public static final String WORKLOAD_REQUESTS = "kv.tck.workload-requests";
    /** Configuration parameter: whether tests may start a child JVM; default true. */
    public static final String CHILD_JVM = "kv.tck.child-jvm";
    /**
     * Configuration parameter: the longest one test may take before it fails and the run goes on
     * without it; default 300000 ms. After {@value Runner#TIMEOUTS_TO_STOP} tests timed out the
     * run stops, so that a backend that hangs cannot hold it for hours.
     */
    public static final String TEST_TIMEOUT_MS = "kv.tck.test-timeout-ms";
    /**
     * Configuration parameter: the MUST clauses that may go untested, wholly or in part, without
     * failing the run, as clause ids separated by commas ({@code KV-2.7,KV-7.11}), or
     * {@code all}; default none. The verdict still lists them as untested.
     */
    public static final String ALLOW_UNTESTED = "kv.tck.allow-untested";

    /** Exit code: every MUST clause that applies passed, and none went untested. */
    public static final int PASSED = 0;
    /** Exit code: a MUST clause failed, or the run stopped early. */
    public static final int FAILED = 1;
    /** Exit code: the run was misconfigured and proves nothing. */
    public static final int MISCONFIGURED = 2;
    /**
     * Exit code: every MUST clause that ran passed, but MUST clauses that apply went untested,
     * wholly or in part.
     */
    public static final int UNTESTED = 3;

    private Tck() {
    }

    /**
     * Runs the whole kit.
     *
     * @param url the store URL to test; null to take it from {@code parameters}, the system
     *     property {@value #URL} or the fixture
     * @param reportDir where to write {@code kv-tck.json}, {@code kv-tck.md} and
     *     {@code TEST-kv-tck.xml}; null for no reports
     * @param out where progress and the summary go
     * @param parameters more configuration parameters, such as {@value #SEED}; they override
     *     system properties of the same name
     * @return {@value #PASSED}, {@value #FAILED}, {@value #MISCONFIGURED} or {@value #UNTESTED}
     */
    public static int run(String url, Path reportDir, PrintStream out,
            Map<String, String> parameters) {
        return new Runner(Runner.launcher()).run(url, reportDir, out, parameters);
    }

    /**
     * Runs the kit from the command line and exits with its exit code.
     *
     * <pre>
     * java -cp ... io.kv4j.tck.Tck --url URL [--report DIR] [NAME=VALUE ...]
     * </pre>
     *
     * @param args {@code --url URL}, optionally {@code --report DIR}, and configuration
     *     parameters as {@code name=value}
     */
    public static void main(String[] args) {
        System.exit(main(args, System.out));
    }

    static int main(String[] args, PrintStream out) {
        String url = null;
        Path report = null;
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if ((a.equals("--url") || a.equals("--report")) && i + 1 < args.length) {
                if (a.equals("--url")) {
                    url = args[++i];
                } else {
                    report = Path.of(args[++i]);
                }
            } else if (a.indexOf('=') > 0 && !a.startsWith("-")) {
                parameters.put(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            } else {
                out.println("Usage: io.kv4j.tck.Tck --url URL [--report DIR] [name=value ...]");
                out.println("Unknown argument: " + (a.startsWith("--") ? a : "(not shown)"));
                return MISCONFIGURED;
            }
        }
        return run(url, report, out, parameters);
    }
}
