package io.kv4j.tck;

import java.util.Random;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a seeded concurrent workload: {@value Tck#WORKLOAD_THREADS} threads, each with its own
 * random numbers drawn from the run's seed, bounded as a whole by {@value Tck#WORKLOAD_TIMEOUT_MS}.
 * A failure names the seed and shows the history of what the threads did.
 */
final class Workload {

    /** What one thread does. */
    interface Task {
        void run(int thread, Random random, History history) throws Exception;
    }

    private Workload() {
    }

    static void run(Env env, String what, Task task) {
        Settings s = env.settings();
        History history = env.history();
        long seed = env.seed();
        ExecutorService pool = Executors.newFixedThreadPool(s.workloadThreads(), r -> {
            Thread t = new Thread(r, "kv-tck workload");
            t.setDaemon(true);
            return t;
        });
        try {
            // the first failure ends the workload at once: the others are interrupted
            CompletionService<Object> done = new ExecutorCompletionService<>(pool);
            for (int i = 0; i < s.workloadThreads(); i++) {
                int thread = i;
                Random random = new Random(seed + 31L * i);
                done.submit(() -> {
                    task.run(thread, random, history);
                    return null;
                });
            }
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(s.workloadTimeoutMs());
            for (int i = 0; i < s.workloadThreads(); i++) {
                Future<Object> f = done.poll(Math.max(0, deadline - System.nanoTime()),
                        TimeUnit.NANOSECONDS);
                if (f == null) {
                    throw new TimeoutException();
                }
                f.get();
            }
        } catch (TimeoutException e) {
            throw failure(what + " did not finish within " + s.workloadTimeoutMs() + " ms ("
                    + Tck.WORKLOAD_TIMEOUT_MS + ")", env, null);
        } catch (ExecutionException e) {
            throw failure(what + " failed: " + e.getCause(), env, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(what + " was interrupted", env, e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** An assertion failure that names the seed and carries the history. */
    static AssertionError failure(String message, Env env, Throwable cause) {
        return new AssertionError(message + " (" + Tck.SEED + "=" + env.seed() + ", "
                + env.settings().workloadThreads() + " threads x "
                + env.settings().workloadRequests() + " requests)\nhistory: " + env.history(),
                cause);
    }
}
