package io.kv4j.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.kv4j.spi.Commit;
import io.kv4j.spi.Entry;
import io.kv4j.spi.KeyOrder;
import io.kv4j.spi.KeyRange;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scans by key range in both directions, and reads of many keys, through the SPI. */
class RangeReadTest {

    /** U+FFFF, U+1F600 and U+10FFFF: UTF-16 order puts the last two first, UTF-8 order last. */
    private static final String BMP_LAST = "\uFFFF";
    private static final String EMOJI = "\uD83D\uDE00";
    private static final String MAX = "\uDBFF\uDFFF";

    @Test
    void boundedScan_returnsTheRangeInEitherDirection() {
        try (PostgresBackend b = Backends.backend(TestServer.freshSchema("range"), "cache", "false")) {
            put(b, "a", "b", "c", "d", "e");
            KeyRange bToE = KeyRange.between("b", "e");

            assertEquals(List.of("b", "c", "d"), keys(b.scan("F", bToE, false, 10)));
            assertEquals(List.of("d", "c", "b"), keys(b.scan("F", bToE, true, 10)));
            assertEquals(List.of("b", "c"), keys(b.scan("F", bToE, false, 2)));
            assertEquals(List.of("d", "c"), keys(b.scan("F", bToE, true, 2)));
            assertEquals(List.of("e", "d", "c"), keys(b.scan("F", KeyRange.all().from("c"), true, 10)));
            assertEquals(List.of("a", "b"), keys(b.scan("F", KeyRange.all().to("b"), false, 10)));
            assertEquals(List.of("c", "b"), keys(b.scan("F", bToE.before("d"), true, 10)));
            assertEquals(List.of(), keys(b.scan("F", KeyRange.between("c", "c"), true, 10)));
        }
    }

    @Test
    void scan_ordersAndBoundsUnicodeByUtf8Bytes() {
        try (PostgresBackend b = Backends.backend(TestServer.freshSchema("range"), "cache", "false")) {
            String[] keys = {"z", BMP_LAST, EMOJI, MAX, MAX + "x", MAX + MAX, "\u00e9"};
            put(b, keys);
            List<String> ascending = new ArrayList<>(Arrays.asList(keys));
            ascending.sort(KeyOrder::compare);
            List<String> descending = new ArrayList<>(ascending);
            descending.sort(Comparator.<String, String>comparing(k -> k, KeyOrder::compare).reversed());

            assertEquals(ascending, keys(b.scan("F", KeyRange.all(), false, 100)));
            assertEquals(descending, keys(b.scan("F", KeyRange.all(), true, 100)));
            // a prefix of U+10FFFF has no end: the range runs to the last key
            assertEquals(List.of(MAX + MAX, MAX + "x", MAX),
                    keys(b.scan("F", KeyRange.prefix(MAX), true, 100)));
            assertEquals(List.of(BMP_LAST, EMOJI),
                    keys(b.scan("F", KeyRange.between(BMP_LAST, MAX), false, 100)));
            assertEquals(List.of(EMOJI, BMP_LAST),
                    keys(b.scan("F", KeyRange.between(BMP_LAST, MAX), true, 100)));
            assertEquals(List.of(MAX + "x", MAX),
                    keys(b.scan("F", KeyRange.prefix(MAX).to(MAX + "x"), true, 100)));
            assertEquals(List.of(MAX + MAX),
                    keys(b.scan("F", KeyRange.prefix(MAX).after(MAX + "x"), false, 100)));
        }
    }

    @Test
    void readMany_answersInTheOrderAskedWithNullForMissing() {
        for (String cache : List.of("false", "true")) {
            try (PostgresBackend b = Backends.backend(TestServer.freshSchema("many"), "cache", cache)) {
                put(b, "a", "b", "c");
                b.read("F", "b"); // cached, when the cache is on: served from it, the rest read

                List<Entry> got = b.readMany("F", List.of("c", "missing", "a", MAX, "b"));

                assertEquals(5, got.size(), cache);
                assertEquals("c", got.get(0).key(), cache);
                assertNull(got.get(1), cache);
                assertEquals("a", got.get(2).key(), cache);
                assertNull(got.get(3), cache);
                assertEquals("b", got.get(4).key(), cache);
                assertEquals("\"a\"", new String(got.get(2).value(), StandardCharsets.UTF_8));
                assertEquals(b.read("F", "c").version(), got.get(0).version(), cache);
            }
        }
    }

    /** Puts each key with its own name as a JSON string. */
    private static void put(PostgresBackend b, String... keys) {
        List<Commit.Write> writes = new ArrayList<>();
        for (String k : keys) {
            writes.add(Commit.Write.put("F", k,
                    ("\"" + k + "\"").getBytes(StandardCharsets.UTF_8)));
        }
        b.commit(Commit.of(List.of(), List.of(), writes));
    }

    private static List<String> keys(List<Entry> entries) {
        return entries.stream().map(Entry::key).toList();
    }
}
