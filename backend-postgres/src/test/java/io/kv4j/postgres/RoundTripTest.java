package io.kv4j.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kv4j.KvStore;
import io.kv4j.spi.Commit;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RoundTripTest {

    private static final String COUNTING = CountingSocketFactory.class.getName();

    @Test
    void commitOfThousandWrites_takesOneRoundTrip() {
        String schema = TestServer.freshSchema("rt");
        try (PostgresBackend b = Backends.backend(schema, "socketFactory", COUNTING,
                "pool-size", "1", "cache", "false")) {
            List<Commit.Write> writes = new ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                writes.add(Commit.Write.put("Bulk", "key/" + i,
                        ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8)));
            }
            Commit bulk = Commit.of(List.of(), List.of(), writes);
            Commit warmUp = Commit.of(List.of(), List.of(), writes.subList(0, 1));
            b.commit(warmUp); // connects, so that the count below is the commit's alone

            long trips = CountingSocketFactory.count(() -> b.commit(bulk));

            assertEquals(1, trips);
            assertEquals(1_000, b.scan("Bulk", "key/", null, 1_000).size());
        }
    }

    @Test
    void commitWithReadsAndRanges_takesOneRoundTrip() {
        String schema = TestServer.freshSchema("rt");
        try (PostgresBackend b = Backends.backend(schema, "socketFactory", COUNTING,
                "pool-size", "1", "cache", "false")) {
            b.commit(Commit.of(List.of(), List.of(), List.of(write("a", "1"))));
            long version = b.read("F", "a").version();
            Commit c = Commit.of(List.of(Commit.PointRead.of("F", "a", version)),
                    List.of(Commit.RangeRead.of("F", "", null, null,
                            List.of(Commit.Seen.of("a", version)))),
                    List.of(write("b", "2")));

            long trips = CountingSocketFactory.count(() -> b.commit(c));

            assertEquals(1, trips);
        }
    }

    @Test
    void repeatedRead_isServedFromCache() {
        String schema = TestServer.freshSchema("rt");
        try (PostgresBackend b = Backends.listening(Backends.backend(schema,
                "socketFactory", COUNTING, "pool-size", "1"))) {
            b.commit(Commit.of(List.of(), List.of(), List.of(write("hot", "42"))));
            b.cache().invalidateAll();
            long first = CountingSocketFactory.count(() -> b.read("F", "hot"));

            long second = CountingSocketFactory.count(() -> b.read("F", "hot"));

            assertEquals(List.of(1L, 0L), List.of(first, second));
        }
    }

    /**
     * A read-only request of one key sends one statement: the read, or with the cache, once the
     * key is cached, the check of the cached read's version. More would slow the commonest
     * request; fewer would mean a cached read goes unconfirmed (KV-7.11), or that the counting
     * lost track.
     */
    @ParameterizedTest(name = "cache={0}")
    @ValueSource(strings = {"false", "true"})
    void oneKeyReadOnlyRequest_sendsOneStatement(String cache) {
        String schema = TestServer.freshSchema("rt");
        try (KvStore store = Backends.store(schema, "socketFactory", COUNTING, "sslmode", "disable",
                "pool-size", "1", "cache", cache)) {
            store.run("F", kv -> {
                kv.set("k", 1);
                return null;
            });
            awaitCache(store, cache);
            store.reader("F").get("k"); // a miss: the read, and the cache's check of it
            int requests = 20;

            long statements = CountingSocketFactory.statements(() -> {
                for (int i = 0; i < requests / 2; i++) {
                    assertEquals(1L, store.<Object>run("F", kv -> kv.get("k")));
                    assertEquals(1L, store.reader("F").get("k"));
                }
            });

            assertEquals(requests, statements, "statements in " + requests + " requests");
        }
    }

    /** Waits until the store's cache serves, when it has one: until then every read is sent. */
    private static void awaitCache(KvStore store, String cache) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (cache.equals("true") && !"on".equals(store.check().get("cache"))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the cache did not serve within 10 s: " + store.check());
            }
            Backends.sleep(10);
        }
    }

    private static Commit.Write write(String key, String json) {
        return Commit.Write.put("F", key, json.getBytes(StandardCharsets.UTF_8));
    }
}
