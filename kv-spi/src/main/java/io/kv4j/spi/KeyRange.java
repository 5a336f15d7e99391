package io.kv4j.spi;

import java.util.Objects;

/**
 * A range of keys of one namespace as a half-open interval {@code [start, end)} in
 * {@link KeyOrder}: the form a B-tree scans directly, with no {@code LIKE}, so {@code %},
 * {@code _} and {@code \} in a prefix are plain characters.
 *
 * <p>Every range, whatever it was built from, is one such interval. Two facts make that exact. No
 * key holds U+0000, so the smallest key after {@code k} is {@code k + U+0001} and "after
 * {@code k}" is "from {@code k + U+0001}". And the keys that start with a prefix are exactly those
 * from the prefix up to, not including, the prefix with its last code point incremented (trailing
 * U+10FFFF dropped, surrogates skipped).
 *
 * <p>Ranges are immutable; each narrowing method returns a new range that holds the keys of both.
 */
public final class KeyRange {

    private static final KeyRange ALL = new KeyRange("", null);

    private final String start;
    private final String end;

    private KeyRange(String start, String end) {
        this.start = start;
        this.end = end;
    }

    /**
     * Every key.
     *
     * @return the range of all keys
     */
    public static KeyRange all() {
        return ALL;
    }

    /**
     * The keys that start with a prefix, compared as plain characters.
     *
     * @param prefix the prefix; empty for every key
     * @return the range
     */
    public static KeyRange prefix(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        return prefix.isEmpty() ? ALL : new KeyRange(prefix, prefixEnd(prefix));
    }

    /**
     * The keys from {@code start}, inclusive, to {@code end}, exclusive.
     *
     * @param start the first key, or null for the first of all
     * @param end the first key past the range, or null for no end
     * @return the range
     */
    public static KeyRange between(String start, String end) {
        return new KeyRange(start == null ? "" : start, end);
    }

    /**
     * The keys of this range from {@code key} on.
     *
     * @param key the inclusive lower bound, or null to leave the range as it is
     * @return the narrowed range
     */
    public KeyRange from(String key) {
        if (key == null || KeyOrder.compare(key, start) <= 0) {
            return this;
        }
        return new KeyRange(key, end);
    }

    /**
     * The keys of this range strictly after {@code key}.
     *
     * @param key the exclusive lower bound, or null to leave the range as it is
     * @return the narrowed range
     */
    public KeyRange after(String key) {
        return key == null ? this : from(successor(key));
    }

    /**
     * The keys of this range strictly before {@code key}.
     *
     * @param key the exclusive upper bound, or null to leave the range as it is
     * @return the narrowed range
     */
    public KeyRange before(String key) {
        if (key == null || (end != null && KeyOrder.compare(key, end) >= 0)) {
            return this;
        }
        return new KeyRange(start, key);
    }

    /**
     * The keys of this range up to and including {@code key}.
     *
     * @param key the inclusive upper bound, or null to leave the range as it is
     * @return the narrowed range
     */
    public KeyRange to(String key) {
        return key == null ? this : before(successor(key));
    }

    /**
     * The keys in both ranges.
     *
     * @param other another range
     * @return the intersection
     */
    public KeyRange and(KeyRange other) {
        return from(other.start).before(other.end);
    }

    /**
     * The smallest key the range can hold.
     *
     * @return the inclusive lower bound; empty when the range starts at the first key
     */
    public String start() {
        return start;
    }

    /**
     * The first key past the range.
     *
     * @return the exclusive upper bound, or null when the range runs to the last key
     */
    public String end() {
        return end;
    }

    /**
     * Whether a key lies in the range.
     *
     * @param key a key
     * @return true if the range holds it
     */
    public boolean covers(String key) {
        return KeyOrder.compare(key, start) >= 0 && (end == null || KeyOrder.compare(key, end) < 0);
    }

    /**
     * Whether no key can lie in the range.
     *
     * @return true when the range is empty
     */
    public boolean isEmpty() {
        return end != null && KeyOrder.compare(start, end) >= 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyRange r && r.start.equals(start) && Objects.equals(r.end, end);
    }

    @Override
    public int hashCode() {
        return Objects.hash(start, end);
    }

    @Override
    public String toString() {
        return "[" + Text.quote(start) + ", " + (end == null ? "end" : Text.quote(end)) + ")";
    }

    private static String successor(String key) {
        return key + '\u0001';
    }

    /**
     * The first string after every string that starts with {@code prefix}.
     *
     * @param prefix a prefix
     * @return the bound, or null when no string follows them all (an empty prefix, or one of
     *     U+10FFFF only)
     */
    static String prefixEnd(String prefix) {
        int end = prefix.length();
        while (end > 0 && prefix.codePointBefore(end) == Character.MAX_CODE_POINT) {
            end -= Character.charCount(Character.MAX_CODE_POINT);
        }
        if (end == 0) {
            return null;
        }
        int last = prefix.codePointBefore(end);
        int first = end - Character.charCount(last);
        int next = last + 1;
        if (next == Character.MIN_SURROGATE) {
            next = Character.MAX_SURROGATE + 1; // surrogates are not characters; skip them
        }
        return prefix.substring(0, first) + new String(Character.toChars(next));
    }
}
