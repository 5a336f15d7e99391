package io.kv4j.cli;

/** Counts in words: "1 key", "2 keys", "1,000 entries". */
final class Words {

    private Words() {
    }

    /**
     * A count and its noun, plural unless the count is 1, with thousands separated.
     *
     * @param noun the singular; a noun ending in y after a consonant takes -ies
     */
    static String count(long n, String noun) {
        String plural = noun.endsWith("y") && !noun.endsWith("ey") ? noun.substring(0,
                noun.length() - 1) + "ies" : noun + "s";
        return String.format("%,d %s", n, n == 1 ? noun : plural);
    }
}
