package io.kv4j;

import io.kv4j.spi.Text;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * When {@link KvStore#run} runs a request again after a conflict or an outage of the storage, and
 * how long it pauses first.
 *
 * <p>The budget is a time, {@code retry-timeout-ms}, not a count: under contention a request
 * waits its turn behind the others that conflicted on the same key ({@link Contention}), and how
 * many attempts that takes depends on how many others there are. {@code max-retries} can cap the
 * count as well.
 *
 * @param timeoutMs how long a request may go on retrying, from its first attempt
 * @param maxRetries the most retries; {@link Integer#MAX_VALUE} for no cap
 * @param backoffMs the first pause, doubled per pause, with full jitter
 * @param maxBackoffMs the longest pause
 */
record RetryPolicy(long timeoutMs, int maxRetries, long backoffMs, long maxBackoffMs) {

    /** The {@link System#nanoTime} after which a request that started now stops retrying. */
    long deadline(long startNanos) {
        return startNanos + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
    }

    /** Whether a request that already ran again {@code retries} times may run again. */
    boolean mayRetry(int retries, long deadline) {
        return retries < maxRetries && System.nanoTime() - deadline < 0;
    }

    /**
     * Pauses before retry number {@code pauses} + 1: a random time up to the backoff, which
     * doubles with each pause and stops growing at the maximum; never past the deadline.
     */
    void pause(int pauses, long deadline) throws InterruptedException {
        long cap = Math.min(maxBackoffMs, backoffMs << Math.min(pauses, 30));
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        long ms = Math.min(ThreadLocalRandom.current().nextLong(cap + 1), Math.max(0, left));
        if (ms > 0) {
            Thread.sleep(ms);
        }
    }

    /** Why a request stopped retrying, for its exception's message. */
    String exhausted(int retries) {
        return retries >= maxRetries
                ? "gave up after " + Text.count(retries, "retry") + " (" + KvOption.MAX_RETRIES.name() + ")"
                : "gave up after " + Text.count(retries, "retry") + " in " + timeoutMs + " ms ("
                        + KvOption.RETRY_TIMEOUT_MS.name() + ")";
    }
}
