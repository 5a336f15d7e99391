package io.kv4j.sqlite;

import io.kv4j.spi.KeyOrder;

/**
 * A listing range as a half-open interval of keys, {@code [low, high)}, that the B-tree of a
 * {@code TEXT} column in a UTF-8 database scans directly: SQLite's default collation, BINARY,
 * compares the UTF-8 bytes, which is {@link KeyOrder}. No {@code LIKE} or {@code GLOB}, so
 * {@code %}, {@code _}, {@code *} and {@code \} in a prefix are plain characters.
 *
 * <p>Two facts make it exact. No key holds U+0000, so the smallest key after {@code s} is
 * {@code s + U+0001}. And the keys that start with a prefix are exactly those from the prefix up to,
 * not including, the prefix with its last code point incremented (trailing U+10FFFF dropped).
 *
 * @param low the smallest key in the range
 * @param high the first key past the range, or null when the range runs to the end of the namespace
 */
record KeyRange(String low, String high) {

    /** The range of keys starting with {@code prefix}, after {@code startAfter}, up to and
     * including {@code endInclusive}; either bound may be null. */
    static KeyRange of(String prefix, String startAfter, String endInclusive) {
        String low = prefix;
        if (startAfter != null && KeyOrder.compare(startAfter, prefix) >= 0) {
            low = successor(startAfter);
        }
        String high = prefixEnd(prefix);
        if (endInclusive != null) {
            String end = successor(endInclusive);
            if (high == null || KeyOrder.compare(end, high) < 0) {
                high = end;
            }
        }
        return new KeyRange(low, high);
    }

    /** Whether no key can lie in the range. */
    boolean isEmpty() {
        return high != null && KeyOrder.compare(low, high) >= 0;
    }

    private static String successor(String key) {
        return key + '\u0001';
    }

    /** The first string after every string that starts with {@code prefix}, or null if none. */
    static String prefixEnd(String prefix) {
        int end = prefix.length();
        while (end > 0 && prefix.codePointBefore(end) == Character.MAX_CODE_POINT) {
            end -= Character.charCount(Character.MAX_CODE_POINT);
        }
        if (end == 0) {
            return null;
        }
        int last = prefix.codePointBefore(end);
        int start = end - Character.charCount(last);
        int next = last + 1;
        if (next == Character.MIN_SURROGATE) {
            next = Character.MAX_SURROGATE + 1; // surrogates are not characters; skip them
        }
        return prefix.substring(0, start) + new String(Character.toChars(next));
    }
}
