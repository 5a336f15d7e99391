package io.kv4j.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The words of a shell line, which the shell hands to the same commands as {@code kv}'s own
 * arguments, and the one quoting rule of keys and other text, printed and read alike by the
 * shell and the one-shot commands: a word that is a JSON string ({@code "my key"}) is its
 * decoded text, any other word is taken as it is; and a text is printed bare when reading it
 * bare gives it back unchanged and it cannot be mistaken for an escape or an option, else as a
 * JSON string. Words of a line are separated by white space, except inside a JSON string and
 * inside a JSON object or array that starts a word ({@code {"a": 1}}), so that keys and values
 * with spaces can be written. A word keeps its quotes: a JSON value needs them, and a key or
 * other text loses them through {@link #unquote}.
 */
final class ShellWords {

    private ShellWords() {
    }

    /**
     * Splits a line into words.
     *
     * @throws IllegalArgumentException for a quote or bracket that is not closed
     */
    static List<String> split(String line) {
        return words(line, false);
    }

    /**
     * The words before the cursor, for completion: the last one may be unfinished, and is empty
     * when the line ends with a space.
     */
    static List<String> splitForCompletion(String line) {
        List<String> words = words(line, true);
        if (words.isEmpty() || Character.isWhitespace(line.charAt(line.length() - 1))) {
            words.add("");
        }
        return words;
    }

    private static List<String> words(String line, boolean unfinished) {
        List<String> words = new ArrayList<>();
        int i = skipSpaces(line, 0);
        while (i < line.length()) {
            int end = wordEnd(line, i);
            if (end < 0 && unfinished) {
                end = line.length();
            } else if (end < 0) {
                throw new IllegalArgumentException("the word " + Errors.quote(line.substring(i))
                        + " has no closing " + (line.charAt(i) == '{' ? "}" : line.charAt(i) == '['
                                ? "]" : "quote"));
            }
            words.add(line.substring(i, end));
            i = skipSpaces(line, end);
        }
        return words;
    }

    /** A word as text: a JSON string is decoded, anything else is taken as it is. */
    static String unquote(String word) {
        if (word.length() >= 2 && word.startsWith("\"") && word.endsWith("\"")) {
            Object text = JsonText.parse(word);
            if (text instanceof String s) {
                return s;
            }
        }
        return word;
    }

    /**
     * A key or name as {@link #unquote} reads it back: bare when it is one plain word of
     * visible characters, without quotes or backslashes (which would read as escapes) and not
     * starting like an option, a comment or a JSON value; else a JSON string with invisible
     * characters escaped. So a listing shows every key the same way, and each can be pasted as
     * an argument of kv (in single quotes in a POSIX shell) or into its shell.
     */
    static String quote(String text) {
        boolean bare = !text.isEmpty() && "\"{[#-".indexOf(text.charAt(0)) < 0;
        for (int i = 0; bare && i < text.length(); ) {
            int cp = text.codePointAt(i);
            bare = cp != '"' && cp != '\\' && !Character.isWhitespace(cp) && visible(cp);
            i += Character.charCount(cp);
        }
        return bare ? text : visibleString(text);
    }

    /** A JSON string literal whose invisible characters are written as escapes. */
    private static String visibleString(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int n = Character.charCount(cp);
            if (cp == '"' || cp == '\\' || visible(cp)) {
                out.append(cp == '"' ? "\\\"" : cp == '\\' ? "\\\\" : text.substring(i, i + n));
            } else {
                for (int j = i; j < i + n; j++) {
                    out.append(String.format("\\u%04X", (int) text.charAt(j)));
                }
            }
            i += n;
        }
        return "\"" + out + "\"";
    }

    /**
     * Whether a character shows as itself; escaped otherwise, so that two words that look alike
     * are told apart: control and format characters, combining marks, separators other than the
     * plain space, private-use, unassigned and lone surrogate code units, and U+FFFD.
     */
    private static boolean visible(int cp) {
        if (cp == ' ') {
            return true;
        }
        if (cp == 0xFFFD) {
            return false;
        }
        switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.PRIVATE_USE, Character.SURROGATE,
                    Character.UNASSIGNED, Character.NON_SPACING_MARK, Character.ENCLOSING_MARK,
                    Character.COMBINING_SPACING_MARK, Character.SPACE_SEPARATOR,
                    Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR:
                return false;
            default:
                return true;
        }
    }

    private static int skipSpaces(String line, int i) {
        while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Where the word starting at i ends, or -1 when a quote or bracket is left open. */
    private static int wordEnd(String line, int i) {
        char first = line.charAt(i);
        if (first == '{' || first == '[') {
            return closingBracket(line, i);
        }
        while (i < line.length() && !Character.isWhitespace(line.charAt(i))) {
            if (line.charAt(i) == '"') {
                i = closingQuote(line, i);
                if (i < 0) {
                    return -1;
                }
            }
            i++;
        }
        return i;
    }

    private static int closingQuote(String line, int open) {
        for (int i = open + 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        return -1;
    }

    private static int closingBracket(String line, int open) {
        int depth = 0;
        for (int i = open; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                i = closingQuote(line, i);
                if (i < 0) {
                    return -1;
                }
            } else if (c == '{' || c == '[') {
                depth++;
            } else if ((c == '}' || c == ']') && --depth == 0) {
                return i + 1;
            }
        }
        return -1;
    }
}
