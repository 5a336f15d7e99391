package io.kv4j.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KeyRangeTest {

    private static final String MAX = new String(Character.toChars(Character.MAX_CODE_POINT));

    @Test
    void prefixEnd_incrementsTheLastCharacter() {
        assertEquals("ab", KeyRange.prefixEnd("aa"));
    }

    @Test
    void prefixEnd_skipsSurrogates() {
        assertEquals("a\uE000", KeyRange.prefixEnd("a\uD7FF"));
    }

    /** U+FFFF is followed by U+10000, which UTF-16 writes as a surrogate pair. */
    @Test
    void prefixEnd_afterTheLastBmpCharacter_isTheFirstSupplementaryOne() {
        assertEquals("a\uD800\uDC00", KeyRange.prefixEnd("a\uFFFF"));
    }

    @Test
    void prefixEnd_incrementsASupplementaryCharacterAsOne() {
        assertEquals("a\uD83D\uDE01", KeyRange.prefixEnd("a\uD83D\uDE00"));
        assertEquals("a\uD800\uDC00", KeyRange.prefixEnd("a\uFFFF"));
    }

    @Test
    void prefixEnd_dropsTrailingMaximumCodePoints() {
        assertEquals("b", KeyRange.prefixEnd("a" + MAX));
        assertEquals("b", KeyRange.prefixEnd("a" + MAX + MAX));
        assertEquals("a" + MAX + "c", KeyRange.prefixEnd("a" + MAX + "b" + MAX));
    }

    @Test
    void prefixEnd_ofEmptyOrAllMaximum_isUnbounded() {
        assertNull(KeyRange.prefixEnd(""));
        assertNull(KeyRange.prefixEnd(MAX));
        assertNull(KeyRange.prefixEnd(MAX + MAX));
        assertEquals(KeyRange.all(), KeyRange.prefix(""));
        assertNull(KeyRange.prefix(MAX).end());
    }

    /** The range of a prefix holds exactly the keys that start with it, in KeyOrder. */
    @Test
    void prefix_coversExactlyTheKeysThatStartWithIt() {
        String emoji = "\uD83D\uDE00";
        for (String prefix : new String[] {"a", "a\uD7FF", "a\uFFFF", "a" + emoji, "a" + MAX}) {
            KeyRange range = KeyRange.prefix(prefix);
            for (String tail : new String[] {"", "\u0001", "z", "\uD7FF", "\uE000", "\uFFFF",
                    emoji, MAX}) {
                assertTrue(range.covers(prefix + tail), prefix + tail);
            }
            for (String other : new String[] {"", "`", "b", "a\uE000", "a\uD800\uDC00",
                    "a\uD83D\uDE01", "b" + MAX}) {
                assertEquals(other.startsWith(prefix), range.covers(other), other);
            }
        }
        assertFalse(KeyRange.prefix("a\uFFFF").covers("a\uD800\uDC00"));
    }
}
