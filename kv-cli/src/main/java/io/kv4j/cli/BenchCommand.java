package io.kv4j.cli;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Unmatched;

/**
 * {@code kv bench}: the benchmarks of module kv-bench. They bring JMH and an embedded PostgreSQL,
 * so they are not in the command's own jar: {@code ./kv bench} puts kv-bench's jar on the class
 * path (building it when missing), and this command finds the suite there.
 */
@Command(name = "bench",
        description = {
            "Run the benchmarks against hand-written baselines and print a table of ratios.",
            "Arguments go to the suite: --quick for a short run, --help for all of them.",
            "Needs kv-bench on the class path; ./kv bench adds it."})
final class BenchCommand implements Callable<Integer> {

    static final String SUITE = "io.kv4j.bench.BenchSuite";

    @ParentCommand
    private Main main;

    @Unmatched
    private List<String> args = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Class<?> suite;
        try {
            suite = Class.forName(SUITE);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("The benchmarks are not on the class path: run them"
                    + " with ./kv bench, or add kv-bench/target/kv-bench.jar to KV_CLASSPATH");
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
