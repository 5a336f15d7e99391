package io.kv4j.tck;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A clause id such as {@code KV-7.10}, ordered by chapter and number.
 *
 * @param chapter the chapter, 7 for KV-7.10
 * @param number the number within the chapter, 10 for KV-7.10
 */
record ClauseId(int chapter, int number) implements Comparable<ClauseId> {

    private static final Pattern ID = Pattern.compile("KV-(\\d+)\\.(\\d+)");

    static ClauseId parse(String id) {
        Matcher m = ID.matcher(id);
        if (!m.matches()) {
            throw new IllegalArgumentException("A clause id must look like KV-1.2 but was: " + id);
        }
        return new ClauseId(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** The prefix every test of this clause has: {@code kv7_10_} for KV-7.10. */
    String methodPrefix() {
        return "kv" + chapter + "_" + number + "_";
    }

    @Override
    public int compareTo(ClauseId o) {
        return chapter != o.chapter ? Integer.compare(chapter, o.chapter)
                : Integer.compare(number, o.number);
    }

    @Override
    public String toString() {
        return "KV-" + chapter + "." + number;
    }
}
