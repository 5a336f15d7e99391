package io.kv4j.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeyOrderTest {

    @Test
    void supplementaryCharactersSortAfterTheLastBmpCharacters() {
        String emoji = new String(Character.toChars(0x1F600));
        assertTrue(KeyOrder.compare(emoji, "\uFFFD") > 0);
        assertTrue(KeyOrder.compare("\uE000", emoji) < 0);
        // the order String.compareTo gives is the other way round
        assertTrue(emoji.compareTo("\uFFFD") < 0);
    }

    @Test
    void prefixSortsBeforeItsExtensions() {
        assertTrue(KeyOrder.compare("a", "a/b") < 0);
        assertEquals(0, KeyOrder.compare("a/b", "a/b"));
    }

    @Test
    void agreesWithUtf8ByteOrderOnRandomStrings() {
        Random random = new Random(42);
        int[] pool = {0x41, 0x7A, 0x7F, 0x80, 0x7FF, 0x800, 0xD7FF, 0xE000, 0xFFFD, 0xFFFF,
            0x10000, 0x1F600, 0x10FFFF};
        for (int i = 0; i < 20_000; i++) {
            String a = random(random, pool);
            String b = random(random, pool);
            int bytes = Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8),
                    b.getBytes(StandardCharsets.UTF_8));
            assertEquals(Integer.signum(bytes), Integer.signum(KeyOrder.compare(a, b)),
                    () -> "order of " + a.codePoints().boxed().toList() + " and "
                            + b.codePoints().boxed().toList());
        }
    }

    private static String random(Random random, int[] pool) {
        StringBuilder s = new StringBuilder();
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
            s.appendCodePoint(pool[random.nextInt(pool.length)]);
        }
        return s.toString();
    }
}
