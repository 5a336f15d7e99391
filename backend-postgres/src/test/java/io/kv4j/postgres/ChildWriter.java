package io.kv4j.postgres;

import io.kv4j.KvStore;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The other process of the cross-process tests: commits one value, says so on standard output,
 * then exits or waits to be killed. Arguments: mode ({@code exit} or {@code hang}), store URL,
 * function, key, JSON string value, then options as {@code name=value}.
 */
public final class ChildWriter {

    private ChildWriter() {
    }

    /**
     * Runs the child.
     *
     * @param args see the class comment
     */
    public static void main(String[] args) throws InterruptedException {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 5; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            options.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        KvStore store = KvStore.open(args[1], options);
        store.run(args[2], kv -> {
            kv.set(args[3], args[4]);
            return null;
        });
        System.out.println("COMMITTED");
        System.out.flush();
        if (args[0].equals("hang")) {
            Thread.sleep(600_000);
        }
        store.close();
    }
}
