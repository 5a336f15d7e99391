package io.kv4j.sqlite;

import io.kv4j.KvStore;

/**
 * The other processes of {@link ProcessesTest}: raises the counter {@code n} of function
 * {@code F} as many times as told, one request each, then prints {@code done}. Arguments: the
 * store URL and the count.
 */
public final class CountingWriter {

    private CountingWriter() {
    }

    /**
     * Runs the increments.
     *
     * @param args the store URL and how many increments
     */
    public static void main(String[] args) {
        int times = Integer.parseInt(args[1]);
        try (KvStore store = KvStore.open(args[0])) {
            for (int i = 0; i < times; i++) {
                store.run("F", kv -> {
                    Long n = kv.get("n", Long.class);
                    kv.set("n", n == null ? 1 : n + 1);
                    return null;
                });
            }
        }
        System.out.println("done");
    }
}
