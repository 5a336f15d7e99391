package io.kv4j.tck;

import io.kv4j.spi.Text;
import java.util.List;
import java.util.Objects;

/**
 * Where two values that a failure compares first differ, with a little context on each side, so
 * that a one-line report shows the difference however long the values are: the index and the
 * neighbouring elements of two lists, or the position and the surrounding characters of two texts.
 */
final class Difference {

    /** Elements shown on each side of the first that differs. */
    private static final int ELEMENTS = 2;
    /** Characters shown before the first that differs, and twice as many from it on. */
    private static final int CHARS = 20;

    private Difference() {
    }

    /**
     * @return where the values first differ, or null when they do not differ where they can be
     *     compared (two equal texts of values of different types)
     */
    static String of(Object expected, Object actual) {
        if (expected instanceof List<?> e && actual instanceof List<?> a) {
            return lists(e, a);
        }
        return texts(String.valueOf(expected), String.valueOf(actual));
    }

    private static String lists(List<?> e, List<?> a) {
        int i = 0;
        while (i < e.size() && i < a.size() && Objects.equals(e.get(i), a.get(i))) {
            i++;
        }
        if (i == e.size() && i == a.size()) {
            return null;
        }
        return "the lists differ first at index " + i + " (of " + e.size() + " and " + a.size()
                + " elements): expected " + around(e, i) + " but was " + around(a, i);
    }

    private static String around(List<?> list, int i) {
        int from = Math.max(0, i - ELEMENTS);
        int to = Math.min(list.size(), i + ELEMENTS + 1);
        StringBuilder b = new StringBuilder("[").append(from > 0 ? "..., " : "");
        for (int k = from; k < to; k++) {
            b.append(k > from ? ", " : "").append(Checks.show(list.get(k)));
        }
        if (to < list.size()) {
            b.append(", ...");
        } else if (i >= list.size()) {
            b.append(from < to ? ", " : "").append("(end)");
        }
        return b.append(']').toString();
    }

    private static String texts(String e, String a) {
        int i = 0;
        while (i < e.length() && i < a.length() && e.charAt(i) == a.charAt(i)) {
            i++;
        }
        if (i == e.length() && i == a.length()) {
            return null;
        }
        if (i > 0 && Character.isHighSurrogate(e.charAt(i - 1))) {
            i--;
        }
        return "the texts differ first at character " + i + " (of " + e.length() + " and "
                + a.length() + "): expected " + around(e, i) + " but was " + around(a, i);
    }

    private static String around(String s, int i) {
        int from = Math.max(0, i - CHARS);
        int to = Math.min(s.length(), i + 2 * CHARS);
        if (from > 0 && Character.isLowSurrogate(s.charAt(from))) {
            from--;
        }
        if (to < s.length() && Character.isLowSurrogate(s.charAt(to))) {
            to++;
        }
        return (from > 0 ? "..." : "") + Text.quote(s.substring(from, to))
                + (to < s.length() ? "..." : "");
    }
}
