package io.kv4j.tck;

import java.io.PrintStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Gives each kit test its {@link Env}. The run's {@link Target} is made once, in the root
 * context, so that it is closed (stopping the fixture) after the last test; a failure to make it
 * is kept too, so that every test reports the same misconfiguration instead of retrying it.
 *
 * <p>When the kit runs in a build's own test run (Surefire's {@code dependenciesToScan}, an IDE,
 * Gradle) rather than through {@link Tck}, this extension also judges the run, as {@link Tck}
 * does: it hears how each test ended, and after the last test, when the root context closes, it
 * prints the same verdict per clause and fails the run, through the JUnit Jupiter engine, unless
 * the verdict is {@code PASSED}. A run of only some of the kit's tests gets no verdict.
 */
final class EnvExtension implements ParameterResolver, ExecutionCondition, TestWatcher {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(EnvExtension.class);

    /** Creates the extension; JUnit calls this. */
    EnvExtension() {
    }

    /** Runs no more tests once the run has stopped, for example after tests timed out. */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Resolved resolved = context.getRoot().getStore(NAMESPACE).get(Resolved.class,
                Resolved.class);
        String stopped = resolved == null || resolved.target == null ? null
                : resolved.target.stopped();
        return stopped == null ? ConditionEvaluationResult.enabled("the run goes on")
                : ConditionEvaluationResult.disabled(Skip.UNTESTED + "the run stopped: " + stopped);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Env.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Env env = new Env(resolved(context).target());
        // closed by JUnit when the test ends: it closes the stores and sessions the test opened
        context.getStore(NAMESPACE).put(Env.class, env);
        return env;
    }

    @Override
    public void testSuccessful(ExtensionContext context) {
        resolved(context).record(context, Outcome.Status.PASSED, null, null);
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        resolved(context).record(context, Outcome.Status.FAILED, cause, null);
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        resolved(context).record(context, Outcome.Status.SKIPPED, cause, null);
    }

    @Override
    public void testDisabled(ExtensionContext context, Optional<String> reason) {
        resolved(context).record(context, Outcome.Status.SKIPPED, null,
                reason.orElse("disabled"));
    }

    private static Resolved resolved(ExtensionContext context) {
        ExtensionContext root = context.getRoot();
        return root.getStore(NAMESPACE).getOrComputeIfAbsent(Resolved.class,
                k -> Resolved.of(root), Resolved.class);
    }

    /** How a run of the kit in a build's own test run failed: its verdict line. */
    static final class Verdict extends AssertionError {

        private static final long serialVersionUID = 1L;

        Verdict(String line) {
            super(line);
        }

        /** The verdict printed above says where; a stack trace would only hide it. */
        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    /** The run's target, or why there is none, and, when this extension judges, the outcomes. */
    private static final class Resolved implements AutoCloseable {

        private final Target target;
        /** Whether the run is this extension's to judge: the runner did not lend the target. */
        private final boolean judged;
        private final RuntimeException failure;
        private final List<Outcome> outcomes = new ArrayList<>();
        private final long t0 = System.nanoTime();

        private Resolved(Target target, boolean judged, RuntimeException failure) {
            this.target = target;
            this.judged = judged;
            this.failure = failure;
        }

        static Resolved of(ExtensionContext root) {
            // the runner starts the target itself, to check it before any test, and lends it
            String lent = root.getConfigurationParameter(Target.LENT).orElse(null);
            if (lent != null) {
                Target target = Target.borrow(lent);
                return target != null ? new Resolved(target, false, null) : new Resolved(null, false,
                        new IllegalArgumentException("no target lent under " + lent));
            }
            Target target;
            try {
                target = Target.start(Settings.from(root::getConfigurationParameter));
            } catch (RuntimeException e) {
                return new Resolved(null, true, e);
            }
            PrintStream out = System.out;
            out.println("kv-tck: testing " + target.shown() + " (" + Tck.SEED + "="
                    + target.seed() + ")");
            try {
                target.sharedStore();
            } catch (RuntimeException e) {
                // every test reports it
            }
            target.notes().forEach(n -> out.println("note: " + target.secrets().scrub(n)));
            target.diagnoses().forEach(d -> out.println("diagnosis: " + d));
            return new Resolved(target, true, null);
        }

        Target target() {
            if (failure != null) {
                throw new IllegalStateException("The kit is misconfigured: " + failure.getMessage(),
                        failure);
            }
            return target;
        }

        void record(ExtensionContext context, Outcome.Status status, Throwable thrown,
                String reason) {
            if (!judged || target == null) {
                return;
            }
            Method m = context.getRequiredTestMethod();
            Clause clause = m.getAnnotation(Clause.class);
            Outcome o = Outcome.of(clause == null ? "?" : clause.value(),
                    m.getDeclaringClass().getName(), m.getName(), status, thrown, reason, 0,
                    target.secrets());
            synchronized (outcomes) {
                outcomes.add(o);
            }
        }

        /** After the last test: ends the run on the storage and gives the verdict. */
        @Override
        public void close() {
            if (!judged) {
                return;
            }
            PrintStream out = System.out;
            if (target == null) {
                String line = "kv-tck: MISCONFIGURED: " + failure.getMessage() + " (exit code "
                        + Tck.MISCONFIGURED + ")";
                out.println(line);
                throw new Verdict(line);
            }
            try {
                target.finish().forEach(line -> out.println("kv-tck: " + line));
                List<Outcome> all;
                synchronized (outcomes) {
                    all = List.copyOf(outcomes);
                }
                int kit = ClauseTable.testsByClause().values().stream().mapToInt(List::size).sum();
                Set<String> ran = new HashSet<>();
                all.forEach(o -> ran.add(o.testClass() + "." + o.test()));
                if (ran.size() < kit) {
                    out.println("kv-tck: " + ran.size() + " of the kit's " + kit + " tests ran, "
                            + "so there is no verdict on " + target.shown() + ": run them all "
                            + "for one");
                    return;
                }
                Verdicts v = Verdicts.of(Spec.load(), all, List.of(), target.stopped(),
                        target.settings()::allowsUntested);
                Reports.Report report = new Reports.Report(target.shown(), target.seed(),
                        target.notes().stream().map(target.secrets()::scrub).toList(),
                        target.diagnoses(), v, v.exitCode(), (System.nanoTime() - t0) / 1_000_000);
                Reports.print(out, report);
                if (report.exitCode() != Tck.PASSED) {
                    throw new Verdict(Reports.verdictLine(report));
                }
            } finally {
                target.close();
            }
        }
    }
}
