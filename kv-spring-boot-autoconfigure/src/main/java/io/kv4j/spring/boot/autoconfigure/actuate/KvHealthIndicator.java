package io.kv4j.spring.boot.autoconfigure.actuate;

import io.kv4j.KvStore;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Up when the store's storage answers {@link KvStore#check()}, with what it reports as details
 * (on PostgreSQL the schema, its version, the pool's state and the cache's); down with the error
 * otherwise. kv4j's messages mask secrets, so neither state shows a password.
 *
 * <p>A server that does not answer is reported down once the indicator's timeout has passed,
 * not after the store's own timeouts (on PostgreSQL the pool's 5 s): the check runs on a thread
 * of the indicator's, which it waits for no longer than the timeout. At most one check runs at a
 * time: a health request that comes while one is still running waits for that one instead of
 * starting another, so a server that hangs holds one thread, not one per request. The thread
 * ends when no check came for a few seconds.
 */
public class KvHealthIndicator extends AbstractHealthIndicator {

    /** The timeout of the one-argument constructor, as of {@code kv.health.timeout}. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    /** How long the checking thread waits for another check before it ends. */
    private static final long IDLE_SECONDS = 5;

    private final KvStore store;
    private final Duration timeout;
    private final ThreadPoolExecutor checker;
    /** The last check started; guarded by {@code this}. */
    private Future<Map<String, Object>> running;

    /**
     * Creates the indicator with the {@linkplain #DEFAULT_TIMEOUT default timeout}.
     *
     * @param store the store to check
     */
    public KvHealthIndicator(KvStore store) {
        this(store, DEFAULT_TIMEOUT);
    }

    /**
     * Creates the indicator.
     *
     * @param store the store to check
     * @param timeout how long to wait for the store's answer before reporting down
     * @throws IllegalArgumentException when the timeout is not positive
     */
    public KvHealthIndicator(KvStore store, Duration timeout) {
        super("kv4j health check failed");
        this.store = Objects.requireNonNull(store, "store");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("kv.health.timeout must be positive but was: "
                    + timeout);
        }
        this.checker = new ThreadPoolExecutor(1, 1, IDLE_SECONDS, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), work -> {
                    Thread t = new Thread(work, "kv4j-health");
                    t.setDaemon(true);
                    return t;
                });
        checker.allowCoreThreadTimeOut(true);
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        builder.withDetail("backend", store.info().scheme());
        Map<String, Object> details;
        try {
            details = check().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new TimeoutException("the store did not answer within " + timeout.toMillis()
                    + " ms (kv.health.timeout)");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw e;
        }
        builder.withDetails(details).up();
    }

    /** The check running now, or a new one when none is. */
    private synchronized Future<Map<String, Object>> check() {
        if (running == null || running.isDone()) {
            running = checker.submit(store::check);
        }
        return running;
    }
}
