package io.kv4j.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KeyRangeTest {

    @Test
    void prefixEnd_incrementsLastCharacter() {
        assertEquals("ab", KeyRange.prefixEnd("aa"));
    }

    @Test
    void prefixEnd_skipsSurrogates() {
        assertEquals("a\uE000", KeyRange.prefixEnd("a\uD7FF"));
    }

    @Test
    void prefixEnd_carriesIntoSupplementaryCharacters() {
        assertEquals("a\uD83D\uDE01", KeyRange.prefixEnd("a\uD83D\uDE00"));
    }

    @Test
    void prefixEnd_dropsTrailingMaximumCodePoint() {
        assertEquals("b", KeyRange.prefixEnd("a\uDBFF\uDFFF"));
    }

    @Test
    void prefixEnd_ofEmptyOrAllMaximum_isUnbounded() {
        assertNull(KeyRange.prefixEnd(""));
        assertNull(KeyRange.prefixEnd("\uDBFF\uDFFF"));
    }

    @Test
    void of_startAfterBeforePrefix_startsAtPrefix() {
        assertEquals(new KeyRange("b/", "b0"), KeyRange.of("b/", "a", null));
    }

    @Test
    void of_startAfterInsidePrefix_startsJustAfterIt() {
        assertEquals(new KeyRange("b/x\u0001", "b0"), KeyRange.of("b/", "b/x", null));
    }

    @Test
    void of_endInclusive_endsJustAfterIt() {
        assertEquals(new KeyRange("b/", "b/m\u0001"), KeyRange.of("b/", null, "b/m"));
    }

    @Test
    void of_startAfterPastPrefix_isEmpty() {
        assertTrue(KeyRange.of("b/", "c", null).isEmpty());
    }
}
