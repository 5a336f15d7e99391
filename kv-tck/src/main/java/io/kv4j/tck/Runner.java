package io.kv4j.tck;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * One launcher, reusable for many runs: resolves the target, checks that it opens, runs every
 * chapter, judges each clause and writes the reports.
 */
final class Runner {

    /** How many tests may time out before the run stops. */
    static final int TIMEOUTS_TO_STOP = 3;

    private final Launcher launcher;

    Runner(Launcher launcher) {
        this.launcher = launcher;
    }

    /** A launcher that sees only the Jupiter engine and no listener found on the class path. */
    static Launcher launcher() {
        return LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false)
                .enableLauncherSessionListenerAutoRegistration(false)
                .enableLauncherDiscoveryListenerAutoRegistration(false)
                .enablePostDiscoveryFilterAutoRegistration(false)
                .build());
    }

    /**
     * How a run ended.
     *
     * @param exitCode the exit code
     * @param verdicts the verdicts, or null when the run stopped before any test
     */
    record Result(int exitCode, Verdicts verdicts) {
    }

    int run(String url, Path reportDir, PrintStream out, Map<String, String> parameters) {
        return execute(url, reportDir, out, parameters).exitCode();
    }

    Result execute(String url, Path reportDir, PrintStream out, Map<String, String> parameters) {
        long t0 = System.nanoTime();
        Secrets secrets = new Secrets();
        Map<String, String> given = new LinkedHashMap<>(parameters);
        if (url != null) {
            given.put(Tck.URL, url);
        }
        secrets.addUrl(given.get(Tck.URL));
        secrets.addUrl(System.getProperty(Tck.URL));
        if (reportDir != null) {
            // found out before the run, not after it
            String unwritable = Reports.unwritable(reportDir);
            if (unwritable != null) {
                return misconfigured(out, secrets, "cannot write the reports to " + reportDir
                        + ": " + unwritable);
            }
        }
        Target target;
        try {
            Settings settings = Settings.from(name -> Optional.ofNullable(given.get(name))
                    .or(() -> Optional.ofNullable(System.getProperty(name))));
            target = Target.start(settings);
        } catch (IllegalArgumentException e) {
            return misconfigured(out, secrets, e.getMessage());
        }
        secrets.addUrl(target.url());
        try {
            out.println("kv-tck: testing " + target.shown() + " (" + Tck.SEED + "=" + target.seed()
                    + ")");
            try {
                target.sharedStore();
            } catch (RuntimeException e) {
                return misconfigured(out, secrets, "cannot open " + target.shown() + ": " + e);
            }
            target.notes().forEach(n -> out.println("note: " + secrets.scrub(n)));
            target.diagnoses().forEach(d -> out.println("diagnosis: " + d));
            RunListener listener = new RunListener(out, secrets, () -> target.stop(
                    TIMEOUTS_TO_STOP + " tests timed out after " + target.settings().testTimeoutMs()
                    + " ms (" + Tck.TEST_TIMEOUT_MS + "): the backend hangs"));
            String key = target.lend();
            String stopped = null;
            try {
                launcher.execute(request(key, target.settings()), listener);
            } catch (OutOfMemoryError e) {
                // JUnit lets this one through and abandons the run: report what ran, and where
                stopped = secrets.scrub(listener.stop(e));
                out.println("kv-tck: the run stopped early: " + stopped);
            } finally {
                target.unlend();
            }
            if (stopped == null && target.stopped() != null) {
                stopped = target.stopped();
                out.println("kv-tck: the run stopped early: " + stopped);
            }
            target.finish().forEach(line -> out.println("kv-tck: " + secrets.scrub(line)));
            List<Outcome> outcomes = new ArrayList<>(listener.outcomes());
            outcomes.addAll(target.evidence());
            Verdicts verdicts = Verdicts.of(Spec.load(), outcomes, listener.broken(),
                    stopped, target.settings()::allowsUntested);
            long millis = (System.nanoTime() - t0) / 1_000_000;
            int code = verdicts.exitCode();
            Reports.Report report = new Reports.Report(target.shown(), target.seed(),
                    target.notes().stream().map(secrets::scrub).toList(), target.diagnoses(),
                    verdicts, code, millis);
            Reports.print(out, report);
            if (reportDir != null) {
                try {
                    Reports.write(reportDir, report);
                    out.println("reports: " + reportDir.resolve(Reports.JSON) + ", "
                            + reportDir.resolve(Reports.MARKDOWN) + ", "
                            + reportDir.resolve(Reports.XML));
                } catch (IOException e) {
                    return misconfigured(out, secrets, "cannot write the reports to " + reportDir
                            + ": " + e);
                }
            }
            return new Result(code, verdicts);
        } finally {
            try {
                target.close();
            } catch (Exception e) {
                out.println("warning: closing the target failed: " + secrets.scrub(e.toString()));
            }
        }
    }

    private static LauncherDiscoveryRequest request(String key, Settings settings) {
        List<DiscoverySelector> selectors = new ArrayList<>();
        for (Class<?> c : Chapters.ALL) {
            selectors.add(DiscoverySelectors.selectClass(c));
        }
        return LauncherDiscoveryRequestBuilder.request()
                .selectors(selectors)
                .filters(EngineFilter.includeEngines("junit-jupiter"))
                // only what the runner sets: a junit-platform.properties on the class path must not
                // turn on parallel execution or change the order
                .enableImplicitConfigurationParameters(false)
                .configurationParameter(Target.LENT, key)
                .configurationParameter("junit.jupiter.testclass.order.default",
                        "org.junit.jupiter.api.ClassOrderer$ClassName")
                // a test that hangs in a backend fails after its time, and the run goes on: the
                // test runs on a thread of its own, which is abandoned if it never returns
                .configurationParameter("junit.jupiter.execution.timeout.testable.method.default",
                        settings.testTimeoutMs() + " ms")
                .configurationParameter("junit.jupiter.execution.timeout.thread.mode.default",
                        "SEPARATE_THREAD")
                .build();
    }

    private static Result misconfigured(PrintStream out, Secrets secrets, String why) {
        out.println("kv-tck: MISCONFIGURED: " + secrets.scrub(why) + " (exit code "
                + Tck.MISCONFIGURED + ")");
        return new Result(Tck.MISCONFIGURED, null);
    }
}
