package io.kv4j.spi;

import java.nio.charset.StandardCharsets;

/**
 * Keys, prefixes and function names as messages show them: quoted, with every character that
 * cannot be seen, or that changes the character before it, escaped, so that two names that look
 * alike in a message are told apart.
 */
public final class Text {

    /** Longer texts are cut to this many code points, with their full size said. */
    private static final int MAX_CODE_POINTS = 64;

    private Text() {
    }

    /**
     * A count and its noun for a message: plural unless the count is 1, with thousands
     * separated, such as {@code 1 entry} or {@code 1,024 entries}.
     *
     * @param n the count
     * @param noun the noun in the singular; one ending in y after a consonant takes -ies
     * @return the count in words
     */
    public static String count(long n, String noun) {
        String word = n == 1 ? noun : noun.endsWith("y") && !noun.endsWith("ey")
                ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s";
        // by hand: String.format costs a formatter per call, and some callers name what they
        // do in every request, in case it fails
        StringBuilder out = new StringBuilder(24).append(n);
        for (int at = out.length() - 3, first = n < 0 ? 1 : 0; at > first; at -= 3) {
            out.insert(at, ',');
        }
        return out.append(' ').append(word).toString();
    }

    /**
     * Quotes a text for a message, such as {@code 'e'} followed by U+0301 shown as
     * {@code 'e\\u0301'} with a single backslash. Escaped as a backslash, {@code u} and four hex
     * digits (or {@code u{XXXXX}} above U+FFFF): control and format characters, combining marks,
     * separators other than the plain space, private-use, unassigned and lone surrogate code
     * units, and U+FFFD; a backslash is doubled. Texts longer than 64 code points are cut, with
     * their size in UTF-8 bytes said.
     *
     * @param s the text, or null
     * @return the quoted text, or {@code null} for null
     */
    public static String quote(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(Math.min(s.length(), MAX_CODE_POINTS) + 8);
        out.append('\'');
        int points = 0;
        int i = 0;
        while (i < s.length() && points < MAX_CODE_POINTS) {
            int cp = s.codePointAt(i);
            if (cp == '\\') {
                out.append("\\\\");
            } else if (isHidden(cp)) {
                out.append(cp > 0xFFFF ? String.format("\\u{%X}", cp) : String.format("\\u%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
            points++;
        }
        out.append('\'');
        if (i < s.length()) {
            out.append("... (").append(s.getBytes(StandardCharsets.UTF_8).length)
                    .append(" bytes)");
        }
        return out.toString();
    }

    /**
     * Whether a code point would be invisible, or would change how its neighbour looks: what
     * {@link #quote} escapes.
     *
     * @param cp a code point
     * @return true when {@link #quote} escapes it
     */
    public static boolean isHidden(int cp) {
        if (cp == ' ') {
            return false;
        }
        if (cp == 0xFFFD) {
            return true;
        }
        switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.PRIVATE_USE, Character.SURROGATE,
                    Character.UNASSIGNED, Character.NON_SPACING_MARK, Character.ENCLOSING_MARK,
                    Character.COMBINING_SPACING_MARK, Character.SPACE_SEPARATOR,
                    Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR:
                return true;
            default:
                return false;
        }
    }
}
