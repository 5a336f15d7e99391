package io.kv4j;

import io.kv4j.spi.Text;
import java.util.Objects;

/**
 * Validation of keys, prefixes and function names, with messages that name what was wrong.
 */
final class Names {

    static final int MAX_KEY_BYTES = 2048;
    static final int MAX_FUNCTION_BYTES = 256;

    private Names() {
    }

    static String requireKey(String key, String function) {
        Objects.requireNonNull(key, "key");
        String problem = problem(key, 1, MAX_KEY_BYTES);
        if (problem != null) {
            throw new IllegalArgumentException("Invalid key " + show(key) + " of function "
                    + show(function) + ": " + problem);
        }
        return key;
    }

    static String requirePrefix(String prefix, String function) {
        Objects.requireNonNull(prefix, "prefix");
        String problem = problem(prefix, 0, MAX_KEY_BYTES);
        if (problem != null) {
            throw new IllegalArgumentException("Invalid prefix " + show(prefix) + " of function "
                    + show(function) + ": " + problem);
        }
        return prefix;
    }

    static String requireCursor(String cursor, String function) {
        String problem = problem(cursor, 1, MAX_KEY_BYTES);
        if (problem != null) {
            throw new IllegalArgumentException("Invalid cursor " + show(cursor) + " of function "
                    + show(function) + ": " + problem);
        }
        return cursor;
    }

    /** A start or end of a range: any key. */
    static String requireBound(String what, String bound, String function) {
        String problem = problem(bound, 1, MAX_KEY_BYTES);
        if (problem != null) {
            throw new IllegalArgumentException("Invalid " + what + " " + show(bound)
                    + " of a range of function " + show(function) + ": " + problem);
        }
        return bound;
    }

    static String requireFunction(String function) {
        Objects.requireNonNull(function, "function");
        String problem = problem(function, 1, MAX_FUNCTION_BYTES);
        if (problem != null) {
            throw new IllegalArgumentException("Invalid function name " + show(function) + ": "
                    + problem);
        }
        return function;
    }

    /** Why the text is not a valid name, or null when it is. */
    private static String problem(String s, int minBytes, int maxBytes) {
        long bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0) {
                return "U+0000 at index " + i + " is not allowed";
            } else if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                return "lone surrogate U+" + Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT)
                        + " at index " + i + " is not valid Unicode";
            } else {
                bytes += 3;
            }
        }
        if (bytes < minBytes) {
            return "it is empty";
        }
        if (bytes > maxBytes) {
            return "it is " + bytes + " UTF-8 bytes, over the limit of " + maxBytes;
        }
        return null;
    }

    /** A name quoted for a message, invisible characters escaped (see {@link Text#quote}). */
    static String show(String s) {
        return Text.quote(s);
    }
}
