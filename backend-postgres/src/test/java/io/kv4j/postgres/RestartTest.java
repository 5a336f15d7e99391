package io.kv4j.postgres;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kv4j.KvException;
import io.kv4j.KvOutcomeUnknownException;
import io.kv4j.KvStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The database stops and starts again under load; the store, never reopened, serves again, and
 * every increment that returned is there. Runs a server of its own, which it restarts.
 */
class RestartTest {

    @Test
    void databaseRestartedUnderLoad_storeRecoversWithoutReopening() throws Exception {
        Path data = Files.createTempDirectory("kv4j-restart");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        EmbeddedPostgres pg = TestServer.startEmbedded(port, data);
        AtomicLong succeeded = new AtomicLong();
        AtomicLong unknown = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        String url = "kv:postgresql://localhost:" + port + "/postgres";
        try (KvStore store = KvStore.open(url, Map.of("user", "postgres", "pool-size", "2",
                "pool-timeout-ms", "1000", "connect-timeout-ms", "1000", "max-retries", "3"))) {
            ExecutorService load = Executors.newFixedThreadPool(2);
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                workers.add(load.submit(() -> {
                    while (!stop.get()) {
                        try {
                            store.run("Counter", kv -> {
                                Long n = kv.get("n", Long.class);
                                kv.set("n", n == null ? 1 : n + 1);
                                return null;
                            });
                            succeeded.incrementAndGet();
                        } catch (KvOutcomeUnknownException e) {
                            unknown.incrementAndGet();
                        } catch (KvException e) {
                            failed.incrementAndGet();
                            Backends.sleep(20);
                        }
                    }
                    return null;
                }));
            }
            awaitAtLeast(succeeded, 20);
            pg.close();
            Backends.sleep(500);
            pg = TestServer.startEmbedded(port, data);
            long afterRestart = succeeded.get();
            awaitAtLeast(succeeded, afterRestart + 20);
            stop.set(true);
            load.shutdown();
            for (Future<?> w : workers) {
                w.get(30, TimeUnit.SECONDS);
            }

            long n = store.reader("Counter").get("n", Long.class);
            assertTrue(failed.get() + unknown.get() > 0, "the restart was not noticed");
            assertTrue(n >= succeeded.get() && n <= succeeded.get() + unknown.get(),
                    "n=" + n + " succeeded=" + succeeded + " unknown=" + unknown);
        } finally {
            stop.set(true);
            pg.close();
            TestServer.deleteTree(data);
        }
    }

    private static void awaitAtLeast(AtomicLong counter, long n) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (counter.get() < n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + counter.get() + " requests succeeded, not " + n);
            }
            Backends.sleep(10);
        }
    }
}
