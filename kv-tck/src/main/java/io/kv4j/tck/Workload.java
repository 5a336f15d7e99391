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
import java.util.concurrent.atomic.AtomicLong;

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
        run(env, what, env.settings().workloadThreads(), task);
    }

    /** Runs the workload on {@code threads} threads instead of the configured number. */
    static void run(Env env, String what, int threads, Task task) {
        run(env, what, threads, null, task);
    }

    /**
     * Runs the workload on {@code threads} threads, and fails it as soon as {@code progress}, a
     * count of completed requests that the task raises, stands still for a whole
     * {@value Tck#STEP_TIMEOUT_MS}: requests that make no headway fail in seconds.
     */
    static void run(Env env, String what, int threads, AtomicLong progress, Task task) {
        Settings s = env.settings();
        History history = env.history();
        long seed = env.seed();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "kv-tck workload");
            t.setDaemon(true);
            return t;
        });
        try {
            // the first failure ends the workload at once: the others are interrupted
            CompletionService<Object> done = new ExecutorCompletionService<>(pool);
            for (int i = 0; i < threads; i++) {
                int thread = i;
                Random random = new Random(seed + 31L * i);
                done.submit(() -> {
                    task.run(thread, random, history);
                    return null;
                });
            }
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(s.workloadTimeoutMs());
            long stall = TimeUnit.MILLISECONDS.toNanos(s.stepTimeoutMs());
            long seen = progress == null ? 0 : progress.get();
            long since = System.nanoTime();
            for (int i = 0; i < threads; ) {
                long wait = Math.max(0, deadline - System.nanoTime());
                if (progress != null) {
                    wait = Math.min(wait, Math.max(0, since + stall - System.nanoTime()));
                }
                Future<Object> f = done.poll(wait, TimeUnit.NANOSECONDS);
                if (f != null) {
                    f.get();
                    i++;
                } else if (System.nanoTime() - deadline >= 0) {
                    throw new TimeoutException();
                } else if (progress.get() != seen) {
                    seen = progress.get();
                    since = System.nanoTime();
                } else {
                    throw failure(what + " made no progress for " + s.stepTimeoutMs() + " ms ("
                            + Tck.STEP_TIMEOUT_MS + "): no request completed, after " + seen,
                            env, null);
                }
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
