package io.kv4j;

import java.util.Objects;

/**
 * Which keys a listing or a range deletion covers, built fluently:
 * {@code KvRange.prefix("order/").reverse().limit(10)},
 * {@code KvRange.between("2024-01", "2024-02")}. Keys are compared in UTF-8 byte order. A key
 * lies in the range when it starts with the prefix (if any), is at or after the start (if any)
 * and before the end (if any); all the conditions given must hold.
 *
 * <p>Immutable: each method returns a new range. The arguments are checked when the range is
 * used, as a listing's are, and the message names the function.
 */
public final class KvRange {

    private static final KvRange ALL = new KvRange("", null, null, false, null, null);

    private final String prefix;
    private final String start;
    private final String end;
    private final boolean reverse;
    private final Integer limit;
    private final String after;

    private KvRange(String prefix, String start, String end, boolean reverse, Integer limit,
            String after) {
        this.prefix = prefix;
        this.start = start;
        this.end = end;
        this.reverse = reverse;
        this.limit = limit;
        this.after = after;
    }

    /**
     * Every key of the function.
     *
     * @return the range
     */
    public static KvRange all() {
        return ALL;
    }

    /**
     * The keys that start with a prefix.
     *
     * @param prefix plain characters (no wildcards, case-sensitive); empty for every key
     * @return the range
     */
    public static KvRange prefix(String prefix) {
        return new KvRange(Objects.requireNonNull(prefix, "prefix"), null, null, false, null,
                null);
    }

    /**
     * The keys from {@code start}, inclusive, to {@code end}, exclusive.
     *
     * @param start the first key, or null for no lower bound
     * @param end the first key past the range, or null for no upper bound
     * @return the range
     */
    public static KvRange between(String start, String end) {
        return new KvRange("", start, end, false, null, null);
    }

    /**
     * This range with a lower bound.
     *
     * @param start the first key (inclusive), or null for none
     * @return the new range
     */
    public KvRange start(String start) {
        return new KvRange(prefix, start, end, reverse, limit, after);
    }

    /**
     * This range with an upper bound.
     *
     * @param end the first key past the range (exclusive), or null for none
     * @return the new range
     */
    public KvRange end(String end) {
        return new KvRange(prefix, start, end, reverse, limit, after);
    }

    /**
     * This range listed from its last key to its first.
     *
     * @return the new range
     */
    public KvRange reverse() {
        return new KvRange(prefix, start, end, true, limit, after);
    }

    /**
     * This range listed in pages of at most {@code limit} entries.
     *
     * @param limit 1 to {@value KvReader#MAX_PAGE_SIZE}; a listing without one returns
     *     {@value KvReader#DEFAULT_PAGE_SIZE}
     * @return the new range
     */
    public KvRange limit(int limit) {
        return new KvRange(prefix, start, end, reverse, limit, after);
    }

    /**
     * This range resumed after a cursor: strictly after it in the listing's direction (in
     * reverse, strictly before it).
     *
     * @param cursor the {@link KvPage#cursor()} of the previous page (any key), or null for the
     *     first page
     * @return the new range
     */
    public KvRange after(String cursor) {
        return new KvRange(prefix, start, end, reverse, limit, cursor);
    }

    /**
     * The prefix.
     *
     * @return the prefix, empty when none was given
     */
    public String prefix() {
        return prefix;
    }

    /**
     * The lower bound.
     *
     * @return the first key (inclusive), or null for none
     */
    public String start() {
        return start;
    }

    /**
     * The upper bound.
     *
     * @return the first key past the range, or null for none
     */
    public String end() {
        return end;
    }

    /**
     * Whether the range is listed from its last key to its first.
     *
     * @return true in reverse
     */
    public boolean isReverse() {
        return reverse;
    }

    /**
     * The most entries a page holds.
     *
     * @return the limit given, or {@value KvReader#DEFAULT_PAGE_SIZE} when none was
     */
    public int limit() {
        return limit == null ? KvReader.DEFAULT_PAGE_SIZE : limit;
    }

    /**
     * Whether a limit was given.
     *
     * @return true when {@link #limit(int)} was called
     */
    public boolean hasLimit() {
        return limit != null;
    }

    /**
     * The cursor the listing resumes after.
     *
     * @return the cursor, or null for the first page
     */
    public String cursor() {
        return after;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KvRange r && r.prefix.equals(prefix) && Objects.equals(r.start, start)
                && Objects.equals(r.end, end) && r.reverse == reverse
                && Objects.equals(r.limit, limit) && Objects.equals(r.after, after);
    }

    @Override
    public int hashCode() {
        return Objects.hash(prefix, start, end, reverse, limit, after);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("KvRange[");
        s.append("prefix ").append(Names.show(prefix));
        if (start != null) {
            s.append(", start ").append(Names.show(start));
        }
        if (end != null) {
            s.append(", end ").append(Names.show(end));
        }
        if (reverse) {
            s.append(", reverse");
        }
        if (limit != null) {
            s.append(", limit ").append(limit);
        }
        if (after != null) {
            s.append(", after ").append(Names.show(after));
        }
        return s.append(']').toString();
    }
}
