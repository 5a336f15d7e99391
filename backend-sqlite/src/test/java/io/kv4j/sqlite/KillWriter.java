package io.kv4j.sqlite;

import io.kv4j.KvStore;

/**
 * The writer process of {@link KillTest}: commits {@code n = 1, 2, ...} as long as it lives, each
 * commit setting {@code a/n}, {@code b/n} and the counter {@code last} together, and prints
 * {@code n} once the commit returned. Argument: the store URL.
 */
public final class KillWriter {

    private KillWriter() {
    }

    /**
     * Runs until killed.
     *
     * @param args the store URL
     */
    public static void main(String[] args) {
        try (KvStore store = KvStore.open(args[0])) {
            for (long n = 1; ; n++) {
                long i = n;
                store.run("F", kv -> {
                    String big = "x".repeat((int) (i % 7) * 1000); // commits of several pages
                    kv.set(String.format("a/%08d", i), big);
                    kv.set(String.format("b/%08d", i), big);
                    kv.set("last", i);
                    return null;
                });
                System.out.println(n);
                System.out.flush();
            }
        }
    }
}
