package io.kv4j.tck;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Starts a child JVM on the kit's class path running {@link ChildMain}, for the clauses that need
 * another process: another process's commits (KV-7.11), a killed application (KV-9.2) and the
 * environment variable of {@code KvStore.open()} (KV-11.9). Where no child can be started, the
 * test is skipped as untested.
 */
final class ChildJvm {

    /**
     * What a child printed and how it ended.
     *
     * @param exitCode its exit code
     * @param output its standard output and error
     */
    record Result(int exitCode, String output) {
    }

    private ChildJvm() {
    }

    static Result run(Env env, String... args) {
        return run(env, Map.of(), List.of(), args);
    }

    /** Runs a child to its end, at most the workload timeout. */
    static Result run(Env env, Map<String, String> environment, List<String> jvmOptions,
            String... args) {
        Process p = start(env, environment, jvmOptions, args);
        try (InputStream in = p.getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Thread pump = new Thread(() -> {
                try {
                    in.transferTo(out);
                } catch (IOException e) {
                    // the process ended; what was read is kept
                }
            }, "kv-tck child output");
            pump.setDaemon(true);
            pump.start();
            long timeout = env.settings().workloadTimeoutMs();
            if (!p.waitFor(timeout, TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("the child JVM did not finish within " + timeout + " ms ("
                        + Tck.WORKLOAD_TIMEOUT_MS + ")");
            }
            pump.join(timeout);
            return new Result(p.exitValue(), out.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IllegalStateException("interrupted while waiting for the child JVM", e);
        }
    }

    /** Starts a child; the caller reads its output and ends it. */
    static Process start(Env env, Map<String, String> environment, List<String> jvmOptions,
            String... args) {
        Assumptions.assumeTrue(env.settings().childJvm(),
                "untested: child JVMs are turned off (" + Tck.CHILD_JVM + "=false)");
        String classPath = System.getProperty("java.class.path", "");
        Assumptions.assumeFalse(classPath.isEmpty() || System.getProperty("jdk.module.path") != null,
                "untested: the kit runs on the module path, so it cannot start a child JVM");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath);
        command.add(ChildMain.class.getName());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().remove("KV_URL");
        pb.environment().putAll(environment);
        try {
            return pb.start();
        } catch (IOException e) {
            Assumptions.abort("untested: cannot start a child JVM: " + e);
            throw new AssertionError("unreachable", e);
        }
    }
}
