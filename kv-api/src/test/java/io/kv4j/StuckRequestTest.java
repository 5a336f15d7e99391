package io.kv4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * SPEC KV-5.6 and KV-7.12: a request whose attempt conflicted on a key, and whose next attempt
 * then blocks for seconds (a slow remote call in its body) while it is first in the key's line,
 * slows no one down more than retrying would: readers of the key never wait, nor does another
 * store, and a writer behind it waits at most its longest pause between attempts.
 */
class StuckRequestTest {

    /** How long the stuck request blocks at most; the tests release it sooner. */
    private static final long STUCK_SECONDS = 10;

    @Test
    void readersOfTheKey_doNotWaitForTheStuckRequest() throws Exception {
        try (KvStore store = KvStore.open("kv:checked:"); Stuck stuck = new Stuck(store)) {
            long start = System.nanoTime();
            for (int i = 0; i < 5; i++) {
                int k = store.run("f", kv -> kv.get("k", Integer.class));
                assertEquals(100, k);
            }
            long ms = millisSince(start);

            assertTrue(ms < 1000, "five requests that only read the key took " + ms + " ms");
            stuck.release();
            assertEquals(101, stuck.result(), "the stuck request, which only readers met");
        }
    }

    @Test
    void anotherStore_isNotSlowedByTheStuckRequest() throws Exception {
        try (KvStore store = KvStore.open("kv:checked:"); Stuck stuck = new Stuck(store);
                KvStore other = KvStore.open("kv:checked:")) {
            other.run("f", kv -> {
                kv.set("k", 0);
                return null;
            });
            long start = System.nanoTime();
            // the same function and key in another store: requests that read and write it, and
            // one whose first attempt conflicts there
            for (int i = 0; i < 5; i++) {
                increment(other, false);
            }
            increment(other, true);
            long ms = millisSince(start);

            assertTrue(ms < 1000, "six requests of another store took " + ms + " ms");
            assertEquals(Integer.valueOf(106), other.reader("f").get("k", Integer.class));
            stuck.release();
            assertEquals(101, stuck.result(), "the stuck request, alone in its store");
        }
    }

    @Test
    void aWriterBehindTheStuckRequest_waitsAtMostItsLongestPause() throws Exception {
        try (KvStore store = KvStore.open("kv:checked:?retry-max-backoff-ms=200");
                Stuck stuck = new Stuck(store)) {
            long start = System.nanoTime();
            increment(store, true);
            long ms = millisSince(start);

            // 200 ms without the line moving, then an attempt that commits; the rest is slack
            assertTrue(ms < 800, "a writer whose first attempt conflicted took " + ms + " ms");
            assertEquals(Integer.valueOf(201), store.reader("f").get("k", Integer.class));
            stuck.release();
            assertEquals(202, stuck.result(), "the stuck request, run again after the writer");
        }
    }

    /**
     * Adds 1 to {@code k} of {@code f}; when {@code conflicting}, the first attempt meets a
     * conflict, as a concurrent request would cause it, so that the request joins the key's line.
     */
    private static void increment(KvStore store, boolean conflicting) {
        int[] attempts = {0};
        store.run("f", kv -> {
            int k = kv.get("k", Integer.class);
            if (conflicting && ++attempts[0] == 1) {
                store.run("f", other -> {
                    other.set("k", other.get("k", Integer.class) + 100);
                    return null;
                });
            }
            kv.set("k", k + 1);
            return null;
        });
    }

    private static long millisSince(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    /**
     * A request of {@code f} whose first attempt conflicted on {@code k}, so that it is first in
     * the line of {@code k}, and whose second attempt has read {@code k} and blocks until released.
     */
    private static final class Stuck implements AutoCloseable {

        private final CountDownLatch blocked = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);
        private final CompletableFuture<Integer> request;

        Stuck(KvStore store) throws InterruptedException {
            store.run("f", kv -> {
                kv.set("k", 0);
                return null;
            });
            int[] attempts = {0};
            request = CompletableFuture.supplyAsync(() -> store.run("f", kv -> {
                int k = kv.get("k", Integer.class);
                if (++attempts[0] == 1) {
                    store.run("f", other -> {
                        other.set("k", 100);
                        return null;
                    });
                } else if (attempts[0] == 2) {
                    blocked.countDown();
                    released.await(STUCK_SECONDS, TimeUnit.SECONDS);
                }
                kv.set("k", k + 1);
                return k + 1;
            }));
            assertTrue(blocked.await(STUCK_SECONDS, TimeUnit.SECONDS),
                    "the request did not reach its second attempt");
        }

        void release() {
            released.countDown();
        }

        int result() {
            return request.orTimeout(STUCK_SECONDS, TimeUnit.SECONDS).join();
        }

        @Override
        public void close() {
            release();
            result();
        }
    }
}
