package io.kv4j;

import java.util.BitSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Lines for contended keys, shared by every store of the JVM, so that requests that conflict on
 * a key run one after another instead of invalidating each other over and over.
 *
 * <p>Keys map to a fixed set of fair locks (stripes); a namespace's listings have a stripe of
 * their own. A request takes a stripe only when it is contended: when a commit of the request
 * conflicted on it (then the next attempt starts by taking it), or when the request reads a key
 * whose stripe another request holds (then it waits its turn). It keeps what it took until it
 * ends, committed or not. Uncontended keys are never locked, so they cost one volatile read.
 *
 * <p>The lines only order requests; correctness never depends on them, as every commit is
 * validated by the backend. So every wait is bounded and a request that waited too long goes on
 * optimistically. Waits cannot form a cycle: a request waits unboundedly only while it holds no
 * stripe, or while it takes stripes in ascending order at the start of an attempt; holding a
 * stripe, it only tries another without waiting.
 */
final class Contention {

    private static final int STRIPES = 4096;
    /** The longest one wait for a turn; past it the request goes on without one. */
    private static final long MAX_WAIT_NANOS = TimeUnit.SECONDS.toNanos(1);

    static final Contention JVM = new Contention();

    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];
    /** How many stripes the current thread holds, over all its requests (nested ones too). */
    private final ThreadLocal<int[]> heldByThread = ThreadLocal.withInitial(() -> new int[1]);

    private Contention() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock(true);
        }
    }

    /** The stripe of a key, or of a namespace's listings when {@code key} is null. */
    static int stripe(String namespace, String key) {
        int h = namespace.hashCode() * 31 + (key == null ? 0x5bd1e995 : key.hashCode());
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        return h & (STRIPES - 1);
    }

    /** What one request holds. Used by the request's thread only. */
    final class Turn implements AutoCloseable {

        /** Stripes taken; allocated on first use, as most requests take none. */
        private BitSet held;
        /** Stripes to take at the start of the next attempt; allocated on first use. */
        private BitSet wanted;
        private final long deadline;

        private Turn(long deadline) {
            this.deadline = deadline;
        }

        /** Before a read: waits for the key's turn if another request holds its stripe. */
        void beforeRead(String namespace, String key) {
            int s = stripe(namespace, key);
            ReentrantLock lock = stripes[s];
            // between one holder and the next the stripe is briefly free but has waiters: a
            // request that came meanwhile joins the line too rather than race the next in it
            if (!lock.isLocked() && !lock.hasQueuedThreads() || lock.isHeldByCurrentThread()) {
                return;
            }
            if (heldByThread.get()[0] == 0 ? acquire(lock) : lock.tryLock()) {
                took(s);
            }
        }

        /** Remembers where an attempt conflicted, to take its stripe before the next attempt. */
        void conflictedOn(String namespace, String key) {
            if (wanted == null) {
                wanted = new BitSet();
            }
            wanted.set(stripe(namespace, key));
        }

        /** Whether this request held the stripe of a place when it conflicted there again. */
        boolean holds(String namespace, String key) {
            return held != null && held.get(stripe(namespace, key));
        }

        /**
         * Before an attempt: takes, in ascending order, every stripe wanted so far, after letting
         * go of those held (which are among them), so that waits never form a cycle.
         */
        void beforeAttempt() {
            if (wanted == null || held != null && isSubset(wanted, held)) {
                return;
            }
            if (held != null) {
                wanted.or(held);
            }
            releaseAll();
            for (int s = wanted.nextSetBit(0); s >= 0; s = wanted.nextSetBit(s + 1)) {
                if (acquire(stripes[s])) {
                    took(s);
                }
            }
        }

        private boolean acquire(ReentrantLock lock) {
            long wait = Math.min(MAX_WAIT_NANOS, deadline - System.nanoTime());
            try {
                return wait > 0 && lock.tryLock(wait, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        private void took(int s) {
            if (held == null) {
                held = new BitSet();
            }
            held.set(s);
            heldByThread.get()[0]++;
        }

        private void releaseAll() {
            if (held == null) {
                return;
            }
            int[] count = heldByThread.get();
            for (int s = held.nextSetBit(0); s >= 0; s = held.nextSetBit(s + 1)) {
                stripes[s].unlock();
                count[0]--;
            }
            held.clear();
        }

        /** Lets go of every stripe: the request is over. */
        @Override
        public void close() {
            releaseAll();
        }
    }

    /**
     * Starts the turn of one request.
     *
     * @param deadline the {@link System#nanoTime} after which the request waits no more
     */
    Turn turn(long deadline) {
        return new Turn(deadline);
    }

    private static boolean isSubset(BitSet a, BitSet b) {
        BitSet rest = (BitSet) a.clone();
        rest.andNot(b);
        return rest.isEmpty();
    }
}
