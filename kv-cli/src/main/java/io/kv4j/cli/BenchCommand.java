package io.kv4j.cli;

import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Unmatched;

/**
 * {@code kv bench}: the benchmarks of module kv-bench. They bring JMH and an embedded PostgreSQL,
 * so they are not in the command's own jar: {@code ./kv bench} puts kv-bench's jar on the class
 * path (building it when missing), and this command finds the suite there. Every argument,
 * {@code --help} included, goes to the suite, which lists its own options.
 */
@Command(name = "bench",
        customSynopsis = "kv bench [SUITE OPTIONS]",
        description = {
            "Run the benchmarks against hand-written baselines.",
            "Prints a table of ratios. Needs kv-bench on the class path; ./kv bench adds it.",
            "The suite's options follow when it is there."},
        exitCodeListHeading = ExitCode.HEADING,
        exitCodeList = {ExitCode.OK_LINE, "1:the suite failed, or is not on the class path"})
final class BenchCommand implements Callable<Integer> {

    static final String SUITE = "io.kv4j.bench.BenchSuite";

    private static final String MISSING = "The benchmarks are not on the class path: run them"
            + " with ./kv bench, or add kv-bench/target/kv-bench.jar to KV_CLASSPATH";

    @ParentCommand
    private Main main;

    @Spec
    private CommandSpec spec;

    @Unmatched
    private List<String> args = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        boolean help = args.contains("--help") || args.contains("-h");
        if (help) {
            spec.commandLine().usage(main.io().out());
        }
        Class<?> suite;
        try {
            suite = Class.forName(SUITE);
        } catch (ClassNotFoundException e) {
            if (help) {
                main.io().out().println();
                main.io().out().println(MISSING + ".");
                return ExitCode.OK;
            }
            throw new IllegalStateException(MISSING);
        }
        if (help) {
            main.io().out().println();
        }
        Method run = suite.getMethod("run", String[].class, PrintStream.class);
        try {
            return (Integer) run.invoke(null, args.toArray(String[]::new),
                    WriterStream.of(main.io().out()));
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
        }
    }
}
