package io.kv4j.bench;

import java.io.PrintStream;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/** Runs one {@link Trial} with JMH and returns its throughput, and kv4j's attempts where counted. */
final class TrialRunner {

    private final SuiteOptions options;
    private final List<String> jvmArgs;
    private final PrintStream jmhOutput;

    /**
     * @param jvmArgs the arguments of every forked benchmark JVM
     * @param jmhOutput where JMH's own progress and errors go
     */
    TrialRunner(SuiteOptions options, List<String> jvmArgs, PrintStream jmhOutput) {
        this.options = options;
        this.jvmArgs = List.copyOf(jvmArgs);
        this.jmhOutput = jmhOutput;
    }

    /** Runs a trial with the forks of the group that shows it. */
    Outcome run(Trial trial, Group group) {
        String name = trial.benchmark().getName() + "." + trial.method();
        ChainedOptionsBuilder builder = new OptionsBuilder()
                .include("^" + Pattern.quote(name) + "$")
                .mode(Mode.Throughput)
                .timeUnit(TimeUnit.SECONDS)
                .forks(options.forks(group))
                .warmupIterations(options.warmups())
                .warmupTime(TimeValue.seconds(options.seconds()))
                .measurementIterations(options.iterations())
                .measurementTime(TimeValue.seconds(options.seconds()))
                .threads(trial.threads())
                .param("impl", trial.impl())
                .jvmArgs(jvmArgs.toArray(String[]::new))
                .shouldFailOnError(true);
        trial.params().forEach((k, v) -> builder.param(k, v));
        try {
            Collection<RunResult> results = new Runner(builder.build(),
                    OutputFormatFactory.createFormatInstance(jmhOutput, VerboseMode.NORMAL)).run();
            if (results.size() != 1) {
                return Outcome.failed("JMH returned " + results.size() + " results for " + trial);
            }
            RunResult result = results.iterator().next();
            Result<?> primary = result.getPrimaryResult();
            return Outcome.measured(primary.getScore(), primary.getScoreError(),
                    Attempts.from(result.getSecondaryResults()));
        } catch (RunnerException | RuntimeException e) {
            return Outcome.failed(rootMessage(e));
        }
    }

    /**
     * The first failure JMH reports: a failed benchmark arrives as a {@code BenchmarkException}
     * carrying the benchmark's own exceptions as suppressed ones.
     */
    static String rootMessage(Throwable e) {
        Throwable t = e;
        for (int depth = 0; depth < 32; depth++) {
            Throwable next = t.getSuppressed().length > 0 ? t.getSuppressed()[0] : t.getCause();
            if (next == null || next == t) {
                break;
            }
            t = next;
        }
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null ? "" : ": " + m.lines().findFirst().orElse(""));
    }
}
