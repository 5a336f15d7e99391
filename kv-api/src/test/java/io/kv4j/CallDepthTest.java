package io.kv4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * SPEC KV-6.5 at the largest {@code max-call-depth}: every allowed call runs and the next one is
 * refused with {@link IllegalStateException}, on a thread with the default stack size, with
 * bodies that use more stack than most do; never a {@link StackOverflowError}.
 */
class CallDepthTest {

    /** Rounds of the whole chain, so that it runs interpreted and then compiled. */
    private static final int ROUNDS = 30;

    @Test
    void atTheLargestDepth_theNextCallIsRefused_onADefaultStack() throws Exception {
        int max = (int) KvOption.MAX_CALL_DEPTH.max();
        AtomicInteger refusedAt = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        // the default stack size: what the threads of a server's pool get
        Thread thread = new Thread(() -> {
            try (KvStore store = KvStore.open("kv:checked:",
                    Map.of("max-call-depth", String.valueOf(max)))) {
                for (int round = 0; round < ROUNDS; round++) {
                    refusedAt.set(0);
                    store.run("f", kv -> nest(kv, 1, max, refusedAt));
                    assertEquals(max + 1, refusedAt.get(), "the depth of the refused call");
                }
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "default-stack");
        thread.start();
        thread.join();

        assertNull(failure.get(), () -> "at max-call-depth=" + max + ": " + failure.get());
    }

    /**
     * A body at {@code depth} that calls the next one through two helpers and keeps twenty
     * numbers and three strings alive across the call: about 1.6 KB of stack per level, where a
     * body that only calls takes about 0.7 KB.
     */
    private static int nest(Kv kv, int depth, int max, AtomicInteger refusedAt) {
        long a1 = depth;
        long a2 = a1 * 3;
        long a3 = a2 ^ a1;
        long a4 = a3 + 7;
        long a5 = a4 * a2;
        long a6 = a5 - a1;
        long a7 = a6 ^ 5;
        long a8 = a7 * 11;
        long a9 = a8 + a3;
        long a10 = a9 ^ a4;
        double d1 = a1;
        double d2 = d1 * 2;
        double d3 = d2 + d1;
        double d4 = d3 / 3;
        double d5 = d4 * d4;
        double d6 = d5 - d2;
        double d7 = d6 + 1;
        double d8 = d7 * 2;
        double d9 = d8 + d3;
        double d10 = d9 - d1;
        String s1 = "level " + depth;
        String s2 = s1 + a10;
        String s3 = s2 + d10;
        int below = viaHelper(kv, depth, max, refusedAt, s3);
        return below + (int) (a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + d1 + d2 + d3
                + d4 + d5 + d6 + d7 + d8 + d9 + d10) + s1.length() + s2.length() + s3.length();
    }

    private static int viaHelper(Kv kv, int depth, int max, AtomicInteger refusedAt,
            String label) {
        long x = depth;
        long y = x * 2;
        long z = y + x;
        return call(kv, depth, max, refusedAt, label) + (int) (x + y + z);
    }

    private static int call(Kv kv, int depth, int max, AtomicInteger refusedAt, String label) {
        Object[] kept = {label, depth};
        try {
            return kv.call("g", callee -> nest(callee, depth + 1, max, refusedAt)) + kept.length;
        } catch (IllegalStateException e) {
            if (depth != max) {
                throw e;
            }
            refusedAt.set(depth + 1);
            return 0;
        }
    }
}
