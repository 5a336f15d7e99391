package io.kv4j.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kv4j.KvStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** The pool's, the cache's and the engine's meters, in the application's registry. */
class MetersTest {

    @Test
    void poolCacheAndRequests_showInTheRegistry() {
        String schema = TestServer.freshSchema("meters");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (KvStore store = KvStore.builder(TestServer.get().url())
                .options(TestServer.get().options(schema)).object("meter-registry", registry)
                .open()) {
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (registry.get("kv4j.cache.on").gauge().value() != 1.0) {
                assertTrue(System.nanoTime() < deadline, "the cache did not start serving");
                Backends.sleep(10);
            }
            store.run("F", kv -> {
                kv.set("k", "v");
                return null;
            });
            for (int i = 0; i < 3; i++) {
                assertEquals("v", store.reader("F").get("k"));
            }
            assertEquals(null, store.reader("F").get("missing"));

            assertTrue(registry.get("hikaricp.connections.acquire").timer().count() > 0,
                    "the pool's meters");
            assertTrue(registry.get("cache.gets").tag("cache", "kv4j.cache").tag("result", "hit")
                    .functionCounter().count() >= 3, "cache hits");
            assertTrue(registry.get("cache.gets").tag("cache", "kv4j.cache").tag("result", "miss")
                    .functionCounter().count() >= 1, "cache misses");
            assertTrue(registry.get("kv4j.cache.bytes").gauge().value() > 0);
            assertEquals(1, registry.get("kv4j.requests").tag("outcome", "committed").timer()
                    .count() - 4, "one run and four reader calls");
        }
    }
}
