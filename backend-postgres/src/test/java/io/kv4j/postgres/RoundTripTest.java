package io.kv4j.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kv4j.spi.Commit;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

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

    private static Commit.Write write(String key, String json) {
        return Commit.Write.put("F", key, json.getBytes(StandardCharsets.UTF_8));
    }
}
