package io.kv4j.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.kv4j.spi.Entry;
import io.kv4j.spi.KeyOrder;
import io.kv4j.spi.KeyRange;
import io.kv4j.spi.KvBackend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scans of key ranges in both directions and reads of several keys at once, through the SPI: the
 * keys come back in UTF-8 byte order, which differs from Java's UTF-16 order around U+FFFF.
 */
class RangeReadTest {

    private static final String MAX = new String(Character.toChars(Character.MAX_CODE_POINT));
    private static final String SMILE = "\uD83D\uDE00"; // U+1F600, F0 9F 98 80 in UTF-8
    private static final String LINEAR_B = "\uD800\uDC00"; // U+10000, F0 90 80 80

    /** Every key of function f, in UTF-8 byte order. */
    private static final List<String> KEYS = List.of("a", "b", "b/1", "b/2", "c", "\u00E9",
            "\uFFFF", LINEAR_B, SMILE, MAX, MAX + "a", MAX + MAX);

    @TempDir
    Path dir;
    private KvBackend backend;

    @BeforeEach
    void fill() {
        backend = Spi.open(dir.resolve("ranges.db"));
        List<String> shuffled = new ArrayList<>(KEYS);
        Collections.shuffle(shuffled, new Random(7));
        Spi.put(backend, "f", shuffled.toArray(String[]::new));
        Spi.put(backend, "g", "a", "b/3", "z"); // another function's keys never show
    }

    @AfterEach
    void close() {
        backend.close();
    }

    private List<String> scan(KeyRange range, boolean reverse, int limit) {
        return backend.scan("f", range, reverse, limit).stream().map(Entry::key).toList();
    }

    @Test
    void everyKey_comesInUtf8ByteOrderBothWays() {
        List<String> sorted = new ArrayList<>(KEYS);
        sorted.sort(KeyOrder.COMPARATOR);
        assertEquals(KEYS, sorted, "the test's keys are in key order");

        assertEquals(KEYS, scan(KeyRange.all(), false, 100));
        List<String> reversed = new ArrayList<>(KEYS);
        Collections.reverse(reversed);
        assertEquals(reversed, scan(KeyRange.all(), true, 100));
    }

    @Test
    void limit_takesTheFirstKeysInTheDirectionAsked() {
        assertEquals(List.of("a", "b", "b/1"), scan(KeyRange.all(), false, 3));
        assertEquals(List.of(MAX + MAX, MAX + "a", MAX), scan(KeyRange.all(), true, 3));
        assertEquals(List.of("b/2", "b/1"), scan(KeyRange.prefix("b/"), true, 2));
        assertEquals(List.of("b/1"), scan(KeyRange.prefix("b/"), false, 1));
    }

    @Test
    void bounds_startInclusiveEndExclusive() {
        assertEquals(List.of("b", "b/1", "b/2"), scan(KeyRange.between("b", "c"), false, 10));
        assertEquals(List.of("b/2", "b/1", "b"), scan(KeyRange.between("b", "c"), true, 10));
        assertEquals(List.of("b/2", "c"), scan(KeyRange.between("b/1", "\u00E9").after("b/1"),
                false, 10));
        assertEquals(List.of("a", "b"), scan(KeyRange.between(null, "b/1"), false, 10));
        assertEquals(List.of(), scan(KeyRange.between("c", "c"), false, 10));
        assertEquals(List.of(), scan(KeyRange.between("d", "c"), true, 10));
    }

    @Test
    void unicodeBounds_compareAsUtf8Bytes() {
        // U+FFFF < U+10000 < U+1F600 in UTF-8, while in UTF-16 both surrogate pairs sort first
        assertEquals(List.of("\uFFFF", LINEAR_B), scan(KeyRange.between("\uFFFF", SMILE), false,
                10));
        assertEquals(List.of(LINEAR_B, "\uFFFF"), scan(KeyRange.between("\uFFFF", SMILE), true,
                10));
        assertEquals(List.of(SMILE, MAX, MAX + "a", MAX + MAX),
                scan(KeyRange.between(SMILE, null), false, 10));
        assertEquals(List.of("\u00E9", "\uFFFF"), scan(KeyRange.between("c", LINEAR_B)
                .after("c"), false, 10));
    }

    @Test
    void prefixOfTheLastCodePoint_runsToTheEnd() {
        assertEquals(List.of(MAX, MAX + "a", MAX + MAX), scan(KeyRange.prefix(MAX), false, 10));
        assertEquals(List.of(MAX + MAX, MAX + "a", MAX), scan(KeyRange.prefix(MAX), true, 10));
        assertEquals(List.of(MAX + "a"), scan(KeyRange.prefix(MAX + "a"), false, 10));
        assertEquals(List.of(MAX + MAX), scan(KeyRange.prefix(MAX + MAX), true, 10));
        assertEquals(List.of(MAX, MAX + "a"), scan(KeyRange.prefix(MAX).before(MAX + MAX), false,
                10));
    }

    @Test
    void readMany_answersInTheOrderOfTheKeysWithNullForMissing() {
        String odd = "q\"\\\u0001\n" + SMILE; // quote, backslash, control characters
        long version = Spi.put(backend, "f", odd);
        List<Entry> entries = backend.readMany("f", List.of("c", "nope", odd, "a", MAX, "b/3"));

        assertEquals(6, entries.size());
        assertEquals("c", entries.get(0).key());
        assertNull(entries.get(1));
        assertEquals(odd, entries.get(2).key());
        assertEquals(version, entries.get(2).version());
        assertEquals("\"v\"", Spi.text(entries.get(2)));
        assertEquals("a", entries.get(3).key());
        assertEquals(MAX, entries.get(4).key());
        assertNull(entries.get(5), "b/3 is function g's");
        assertEquals(backend.read("f", "a"), entries.get(3));
    }

    @Test
    void readMany_ofAThousandKeys_answersEach() {
        List<String> keys = new ArrayList<>();
        for (int i = 999; i >= 0; i--) {
            keys.add(i % 2 == 0 ? "b/" + i : "absent/" + i);
        }
        Spi.put(backend, "f", keys.stream().filter(k -> k.startsWith("b/")).toArray(String[]::new));
        List<Entry> entries = backend.readMany("f", keys);
        assertEquals(keys.size(), entries.size());
        for (int i = 0; i < keys.size(); i++) {
            Entry e = entries.get(i);
            if (keys.get(i).startsWith("b/")) {
                assertEquals(keys.get(i), e.key());
            } else {
                assertNull(e, keys.get(i));
            }
        }
        assertNull(backend.readMany("none", List.of("a")).get(0));
    }
}
