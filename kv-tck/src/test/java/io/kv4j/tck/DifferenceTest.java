package io.kv4j.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * The console's one line of a failure shows where two long compared values differ, which the
 * first {@value Outcome#LINE} characters of the message never reach.
 */
class DifferenceTest {

    private static List<String> keys(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add("key-" + i);
        }
        return out;
    }

    private static String brief(Runnable failing) {
        AssertionFailedError e = assertThrows(AssertionFailedError.class, failing::run);
        return Outcome.brief(e, Outcome.message(e));
    }

    @Test
    void twoLongListsAreShownWhereTheyFirstDiffer() {
        List<String> expected = keys(60);
        List<String> actual = new ArrayList<>(expected);
        actual.set(41, "key-41x");
        String brief = brief(() -> org.junit.jupiter.api.Assertions.assertEquals(expected, actual,
                "every key listed"));
        assertEquals("every key listed ==> the lists differ first at index 41 (of 60 and 60 "
                + "elements): expected [..., 'key-39', 'key-40', 'key-41', 'key-42', 'key-43', ...] "
                + "but was [..., 'key-39', 'key-40', 'key-41x', 'key-42', 'key-43', ...]", brief);
    }

    @Test
    void aListThatEndsEarlyShowsItsEnd() {
        List<String> expected = keys(60);
        List<String> actual = expected.subList(0, 59);
        String brief = brief(() -> Checks.assertEqualsShown(expected, actual, "the page"));
        assertEquals("the page ==> the lists differ first at index 59 (of 60 and 59 elements): "
                + "expected [..., 'key-57', 'key-58', 'key-59'] but was [..., 'key-57', 'key-58', "
                + "(end)]", brief);
    }

    @Test
    void twoLongTextsAreShownAroundTheFirstCharacterThatDiffers() {
        String expected = "a".repeat(400) + "b" + "c".repeat(100);
        String actual = "a".repeat(400) + "B" + "c".repeat(100);
        String brief = brief(() -> org.junit.jupiter.api.Assertions.assertEquals(expected, actual,
                "the value"));
        assertTrue(brief.startsWith("the value ==> the texts differ first at character 400 (of 501 "
                + "and 501): expected ...'" + "a".repeat(20) + "b"), brief);
        assertTrue(brief.contains(" but was ...'" + "a".repeat(20) + "B"), brief);
        assertTrue(brief.length() <= Outcome.LINE, brief.length() + ": " + brief);
    }

    @Test
    void aShortMessageIsShownWhole() {
        String brief = brief(() -> org.junit.jupiter.api.Assertions.assertEquals(List.of("a"),
                List.of("b"), "short"));
        assertEquals("short ==> expected: <[a]> but was: <[b]>", brief);
    }
}
