package io.kv4j.tck;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A thread of its own that runs one task at a time while the caller waits, never longer than a
 * bound. What the task throws is rethrown as it is; a task that outlives the bound fails the test
 * instead of hanging the kit.
 */
final class Worker implements AutoCloseable {

    private final String name;
    private final String onTimeout;
    private final ExecutorService thread;

    Worker(String name) {
        this(name, "");
    }

    /**
     * @param onTimeout what a timeout means, added to its message, such as {@code ": a
     *     transaction must not wait on an open one (KV-7.12)"}
     */
    Worker(String name, String onTimeout) {
        this.name = name;
        this.onTimeout = onTimeout;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "kv-tck " + name);
            t.setDaemon(true);
            return t;
        });
    }

    <T> T call(Callable<T> task, long timeoutMs) {
        Future<T> f = thread.submit(task);
        try {
            return f.get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new AssertionError(name + " did not finish within " + timeoutMs + " ms"
                    + onTimeout);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IllegalStateException(name + " failed: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + name, e);
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
