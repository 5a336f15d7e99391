package io.kv4j.tck;

import static org.junit.platform.engine.discovery.ClassNameFilter.includeClassNamePatterns;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs the kit as a vendor's build runs it, not through {@link Tck}: Surefire's
 * {@code dependenciesToScan} scans the kit's jar for classes named as tests and runs them through
 * a JUnit Platform launcher with its defaults, listeners found on the class path included, and
 * the kit's parameters as configuration parameters. Everything the run prints to standard output
 * is captured, as Surefire shows it on the console.
 */
final class BuildRuns {

    /** Surefire's default includes: {@code Test*}, {@code *Test}, {@code *Tests}, {@code *TestCase}. */
    private static final String[] SUREFIRE_INCLUDES = {".*\\.Test[^.$]*", ".*\\.[^.$]*Test",
        ".*\\.[^.$]*Tests", ".*\\.[^.$]*TestCase"};

    /**
     * How a build's run ended.
     *
     * @param engine how the JUnit Jupiter engine ended: where the kit fails a run whose verdict
     *     is not PASSED
     * @param output what the run printed to standard output
     */
    record Run(TestExecutionResult engine, String output) {

        /** Whether the build would fail because of the engine: Surefire counts it as a failure. */
        boolean engineFailed() {
            return engine.getStatus() != TestExecutionResult.Status.SUCCESSFUL;
        }

        /** The engine's failure message, or null. */
        String failure() {
            return engine.getThrowable().map(Throwable::getMessage).orElse(null);
        }
    }

    private BuildRuns() {
    }

    /** Runs every test class of the kit's jar, as {@code dependenciesToScan} finds them. */
    static Run run(Map<String, String> parameters) {
        try {
            Path kit = Path.of(Tck.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return run(LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClasspathRoots(Set.of(kit)))
                    .filters(includeClassNamePatterns(SUREFIRE_INCLUDES))
                    .configurationParameters(parameters).build());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Run run(LauncherDiscoveryRequest request) {
        TestExecutionResult[] engine = new TestExecutionResult[1];
        TestExecutionListener listener = new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (id.getUniqueId().equals("[engine:junit-jupiter]")) {
                    engine[0] = result;
                }
            }
        };
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream before = System.out;
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            LauncherFactory.create().execute(request, listener);
        } finally {
            System.setOut(before);
        }
        return new Run(engine[0], bytes.toString(StandardCharsets.UTF_8));
    }
}
