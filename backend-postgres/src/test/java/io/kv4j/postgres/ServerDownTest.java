package io.kv4j.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kv4j.KvStore;
import io.kv4j.KvUnavailableException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * SPEC KV-5.7 on PostgreSQL: with the server stopped, {@code run} runs a request again until the
 * server is back, within {@code retry-timeout-ms}, and commits it once; past that it fails with
 * {@link KvUnavailableException} naming the server and why it could not be reached. Runs a server
 * of its own, which it stops and starts.
 */
class ServerDownTest {

    /** How long one attempt waits for a connection: far less than the outages below. */
    private static final String POOL_TIMEOUT_MS = "500";

    @Test
    void serverRestartedWithinTheRetryTimeout_theRequestCommitsOnce() throws Exception {
        try (DurableServer server = new DurableServer(); KvStore store = open(server, "30000")) {
            store.run("F", kv -> {
                kv.set("n", 0);
                return null;
            });
            server.stop(false);
            AtomicInteger attempts = new AtomicInteger();
            CompletableFuture<Integer> request = CompletableFuture.supplyAsync(() ->
                    store.run("F", kv -> {
                        attempts.incrementAndGet();
                        int n = kv.get("n", Integer.class) + 1;
                        kv.set("n", n);
                        return n;
                    }));
            // several times an attempt's wait for a connection
            Backends.sleep(3000);
            assertFalse(request.isDone(), "the request ended while the server was down: "
                    + request);
            server.startAgain();

            assertEquals(1, request.get(30, TimeUnit.SECONDS), "what the request returned");
            assertEquals(Integer.valueOf(1), store.reader("F").get("n", Integer.class),
                    "the counter: the request committed once");
            assertTrue(attempts.get() > 1, "attempts: " + attempts.get());
        }
    }

    @Test
    void serverDownLongerThanTheRetryTimeout_failsWithinTheBound_namingTheServer()
            throws Exception {
        try (DurableServer server = new DurableServer(); KvStore store = open(server, "2000")) {
            store.run("F", kv -> {
                kv.set("n", 0);
                return null;
            });
            server.stop(false);
            long start = System.nanoTime();
            KvUnavailableException e = assertThrows(KvUnavailableException.class,
                    () -> store.run("F", kv -> {
                        kv.set("n", kv.get("n", Integer.class) + 1);
                        return null;
                    }));
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            // the retry timeout, plus at most one attempt's wait for a connection and slack
            assertTrue(ms >= 2000 && ms < 2000 + Long.parseLong(POOL_TIMEOUT_MS) + 2000,
                    "failed after " + ms + " ms");
            assertTrue(e.getMessage().contains("retry-timeout-ms")
                    && e.getMessage().contains("PostgreSQL at localhost:" + server.port()
                            + " could not be reached")
                    && e.getMessage().contains("refused"), e.getMessage());
        }
    }

    private static KvStore open(DurableServer server, String retryTimeoutMs) {
        return KvStore.open(server.url(), Map.of("user", "postgres",
                "pool-timeout-ms", POOL_TIMEOUT_MS, "connect-timeout-ms", "1000",
                "retry-timeout-ms", retryTimeoutMs));
    }
}
