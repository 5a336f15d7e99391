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
        return io.kv4j.spi.Text.count(n, noun);
    }
}
