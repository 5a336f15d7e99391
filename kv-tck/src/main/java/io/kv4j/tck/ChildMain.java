package io.kv4j.tck;

import io.kv4j.KvStore;
import io.kv4j.KvTransaction;

/**
 * What a child JVM started by the kit does; see {@link ChildJvm}. Prints its results on standard
 * output and exits 0, or 1 with the error.
 */
final class ChildMain {

    /** The line printed once a commit returned, before the child waits to be killed. */
    static final String COMMITTED = "COMMITTED";

    private ChildMain() {
    }

    public static void main(String[] args) throws Exception {
        try {
            switch (args[0]) {
                case "set" -> {
                    try (KvStore store = KvStore.open(args[1])) {
                        store.run(args[2], kv -> {
                            kv.set(args[3], args[4]);
                            return null;
                        });
                    }
                    System.out.println(COMMITTED);
                }
                case "get" -> {
                    try (KvStore store = KvStore.open(args[1])) {
                        System.out.println("\"" + store.reader(args[2]).get(args[3]) + "\"");
                    }
                }
                case "default-url" -> {
                    try (KvStore store = KvStore.open()) {
                        System.out.println("url=" + store.url());
                    } catch (RuntimeException e) {
                        System.out.println("error=" + e.getMessage());
                    }
                }
                case "commit-and-hang" -> commitAndHang(args);
                default -> throw new IllegalArgumentException("unknown command " + args[0]);
            }
            System.exit(0);
        } catch (RuntimeException e) {
            e.printStackTrace(System.out);
            System.exit(1);
        }
    }

    /** Commits one write, leaves another uncommitted, says so, and waits to be killed. */
    private static void commitAndHang(String[] args) throws InterruptedException {
        KvStore store = KvStore.open(args[1]);
        store.run(args[2], kv -> {
            kv.set("committed", true);
            return null;
        });
        KvTransaction open = store.begin(args[2]);
        open.set("uncommitted", true);
        System.out.println(COMMITTED);
        System.out.flush();
        // bounded, so that a child the kit failed to kill still ends
        Thread.sleep(Long.parseLong(args[3]));
        System.exit(2);
    }
}
