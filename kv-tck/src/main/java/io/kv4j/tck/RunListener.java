package io.kv4j.tck;

import java.io.PrintStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Collects how each kit test ended, by clause, and prints progress as tests finish.
 */
final class RunListener implements TestExecutionListener {

    private final PrintStream out;
    private final Secrets secrets;
    private final Runnable onTimeouts;
    private int timeouts;
    private final List<Outcome> outcomes = new ArrayList<>();
    private final List<String> broken = new ArrayList<>();
    private final Map<String, Long> started = new ConcurrentHashMap<>();
    /** The test running now, if any: the one to blame when the run has to stop. */
    private volatile TestIdentifier running;

    /**
     * @param onTimeouts what to do when {@value Runner#TIMEOUTS_TO_STOP} tests have timed out
     */
    RunListener(PrintStream out, Secrets secrets, Runnable onTimeouts) {
        this.out = out;
        this.secrets = secrets;
        this.onTimeouts = onTimeouts;
    }

    /** How each test ended, in the order they finished. */
    synchronized List<Outcome> outcomes() {
        return List.copyOf(outcomes);
    }

    /** Classes or engines that failed as a whole, so that their tests never ran. */
    synchronized List<String> broken() {
        return List.copyOf(broken);
    }

    /**
     * Records the test that was running when the run had to stop, such as on an
     * {@link OutOfMemoryError} that JUnit does not catch, as failed with that error.
     *
     * @return the stop, as the verdict line and the reports give it
     */
    String stop(Throwable t) {
        TestIdentifier test = running;
        String what = t.getClass().getName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        if (test == null) {
            return what + " outside any test";
        }
        Outcome o = record(test, Outcome.Status.FAILED, what + "; the run stopped in this test", t);
        running = null;
        return what + " in " + o.clause() + " " + o.test();
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        started.put(id.getUniqueId(), System.nanoTime());
        if (id.isTest()) {
            running = id;
        }
        chapter(id).ifPresent(c -> out.println("KV-" + c.value() + " ("
                + simpleName(id) + ")"));
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        if (id.isTest()) {
            record(id, Outcome.Status.SKIPPED, reason, null);
        }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        Throwable thrown = result.getThrowable().orElse(null);
        if (id.isTest()) {
            running = null;
        } else {
            if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                synchronized (this) {
                    broken.add(secrets.scrub(id.getDisplayName() + ": " + thrown));
                }
                out.println("  BROKEN " + secrets.scrub(id.getDisplayName() + ": " + thrown));
            }
            return;
        }
        switch (result.getStatus()) {
            case SUCCESSFUL -> record(id, Outcome.Status.PASSED, null, null);
            case ABORTED -> record(id, Outcome.Status.SKIPPED, null, thrown);
            default -> {
                record(id, Outcome.Status.FAILED, null, thrown);
                if (thrown instanceof java.util.concurrent.TimeoutException
                        && ++timeouts == Runner.TIMEOUTS_TO_STOP) {
                    onTimeouts.run();
                }
            }
        }
    }

    /**
     * @param reason why a test failed or was skipped, when not what it threw; else null
     * @param thrown what the test threw, or null
     */
    private Outcome record(TestIdentifier id, Outcome.Status status, String reason,
            Throwable thrown) {
        Long t0 = started.remove(id.getUniqueId());
        long millis = t0 == null ? 0 : (System.nanoTime() - t0) / 1_000_000;
        MethodSource source = id.getSource().filter(MethodSource.class::isInstance)
                .map(MethodSource.class::cast).orElse(null);
        String className = source == null ? "?" : source.getClassName();
        String test = source == null ? id.getDisplayName() : source.getMethodName();
        String clause = source == null ? "?" : clauseOf(source);
        Outcome o = Outcome.of(clause, className, test, status, thrown, reason, millis, secrets);
        synchronized (this) {
            outcomes.add(o);
        }
        String verdict = switch (status) {
            case PASSED -> "PASS";
            case FAILED -> "FAIL";
            case SKIPPED -> "SKIP";
        };
        out.printf("  %-4s %-8s %s (%d ms)%s%n", verdict, clause, test, millis,
                o.brief() == null ? "" : "\n         " + o.brief());
        return o;
    }

    private static String clauseOf(MethodSource source) {
        try {
            Method m = source.getJavaMethod();
            Clause c = m.getAnnotation(Clause.class);
            return c == null ? "?" : c.value();
        } catch (RuntimeException e) {
            return "?";
        }
    }

    private static Optional<Chapter> chapter(TestIdentifier id) {
        Optional<TestSource> source = id.getSource();
        if (source.isPresent() && source.get() instanceof ClassSource) {
            try {
                return Optional.ofNullable(((ClassSource) source.get()).getJavaClass()
                        .getAnnotation(Chapter.class));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static String simpleName(TestIdentifier id) {
        return id.getDisplayName();
    }
}
