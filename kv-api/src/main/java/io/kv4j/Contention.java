package io.kv4j;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The lines of one store's contended keys, so that its requests that conflicted on a key run
 * again one after another instead of invalidating each other over and over.
 *
 * <p>A request takes a place in the line of a key (or of a namespace's listings) when an attempt
 * conflicted there, and keeps its places until it ends; the first in a line has the key's turn.
 * Lines are the store's own and keyed by the key itself, so unrelated keys and stores never meet.
 * No call of a Kv ever waits for a turn: a request waits only between attempts, and a request
 * that never conflicted looks at the lines once, when its body returned with writes, at the keys
 * it read. If others wait at one of them, committing now would most likely make the one whose
 * turn it is conflict; the request joins that line instead, and its body runs again in its turn.
 * Read-only requests never join a line that way, so a reader never waits.
 *
 * <p>Before an attempt, a request whose thread has no turn waits until it has one, but only while
 * the line moves: once the line has stood still for as long as the request's longest pause
 * between attempts ({@code retry-max-backoff-ms}), or its retry deadline has come, it runs the
 * attempt without its turn, as it would have without the lines. A request whose body blocks
 * while it has the turn (a slow remote call, say) so holds the others up no longer than retrying
 * would.
 *
 * <p>The lines only order requests; correctness never depends on them, as the backend validates
 * every commit. Waits form no cycle: a thread waits only while it has no turn in any store, so no
 * one ever waits for a thread that waits.
 */
final class Contention {

    /** The turns the current thread has, over all its requests and stores. */
    private static final ThreadLocal<AtomicInteger> TURNS_OF_THREAD =
            ThreadLocal.withInitial(AtomicInteger::new);

    /** The lines with anyone in them; a line leaves the map when its last request leaves it. */
    private final ConcurrentHashMap<Place, Line> lines = new ConcurrentHashMap<>();

    /**
     * A key of a namespace, or the namespace's listings when {@code key} is null.
     *
     * @param namespace the function
     * @param key the key, or null for listings
     */
    record Place(String namespace, String key) {
    }

    /** The requests in line for one place, in the order they came; changed only in the map. */
    private static final class Line {
        final Place place;
        final ArrayDeque<Turn> queue = new ArrayDeque<>(4);
        /** The request whose turn it is. */
        volatile Turn first;
        /** When {@link #first} last changed, in {@link System#nanoTime}. */
        volatile long movedAt;

        Line(Place place) {
            this.place = place;
        }
    }

    /**
     * Where an attempt about to commit writes would cut in line: a key (or a listing) it read
     * whose line has requests in it, while this request is not in that line and its thread has no
     * turn. Its commit would most likely make the one whose turn it is conflict; it should join
     * the line instead. Null when there is none; costs one read while no key of the store is
     * contended.
     *
     * @param turn the request's turn, or null when it never conflicted
     */
    Place ahead(Transaction txn, Turn turn) {
        if (lines.isEmpty() || !txn.writes()) {
            return null;
        }
        AtomicInteger turns = turn != null ? turn.turnsOfThread : TURNS_OF_THREAD.get();
        if (turns.get() > 0) {
            return null;
        }
        return txn.firstRead((namespace, key) -> {
            Place place = new Place(namespace, key);
            return lines.containsKey(place) && (turn == null || turn.in(place) == null)
                    ? place : null;
        });
    }

    /**
     * Starts the contended part of one request, at its first conflict.
     *
     * @param deadline the {@link System#nanoTime} after which the request waits no more
     * @param patienceMs how long the request waits for a line that does not move
     */
    Turn turn(long deadline, long patienceMs) {
        return new Turn(deadline, TimeUnit.MILLISECONDS.toNanos(patienceMs));
    }

    /** What one request has of the lines. Used by the request's thread, and by the lines. */
    final class Turn implements AutoCloseable {

        private final Thread thread = Thread.currentThread();
        private final AtomicInteger turnsOfThread = TURNS_OF_THREAD.get();
        private final long deadline;
        private final long patienceNanos;
        /** The lines this request stands in, in the order it joined them. */
        private final List<Line> joined = new ArrayList<>(2);

        private Turn(long deadline, long patienceNanos) {
            this.deadline = deadline;
            this.patienceNanos = patienceNanos;
        }

        /** Takes a place in the line of where an attempt conflicted, unless it has one. */
        void join(String namespace, String key) {
            join(new Place(namespace, key));
        }

        /** Takes a place in a line, unless it has one. */
        void join(Place place) {
            if (in(place) != null) {
                return;
            }
            joined.add(lines.compute(place, (p, l) -> {
                Line in = l == null ? new Line(p) : l;
                in.queue.addLast(this);
                if (in.first == null) {
                    in.first = this;
                    in.movedAt = System.nanoTime();
                    turnsOfThread.incrementAndGet();
                }
                return in;
            }));
        }

        /** Whether it was this request's turn at a place when it conflicted there again. */
        boolean holds(String namespace, String key) {
            Line line = in(new Place(namespace, key));
            return line != null && line.first == this;
        }

        /** The line of a place that this request stands in, or null. */
        private Line in(Place place) {
            for (Line line : joined) {
                if (line.place.equals(place)) {
                    return line;
                }
            }
            return null;
        }

        /**
         * Before an attempt: waits until this request has a turn, while its thread has none and
         * the line it waits in keeps moving, up to its deadline.
         */
        void beforeAttempt() {
            if (joined.isEmpty()) {
                return;
            }
            Line line = joined.get(joined.size() - 1); // where the last attempt ended
            long start = System.nanoTime();
            while (turnsOfThread.get() == 0 && !thread.isInterrupted()) {
                long now = System.nanoTime();
                long moved = line.movedAt;
                long until = (moved - start > 0 ? moved : start) + patienceNanos;
                if (until - deadline > 0) {
                    until = deadline;
                }
                if (now - until >= 0) {
                    return; // the line stood still as long as a pause would have lasted
                }
                LockSupport.parkNanos(this, until - now);
            }
        }

        /** Leaves every line: the request is over. The next in each line gets its turn. */
        @Override
        public void close() {
            for (Line joinedLine : joined) {
                lines.computeIfPresent(joinedLine.place, (p, line) -> {
                    if (line.first != this) {
                        line.queue.remove(this);
                        return line;
                    }
                    line.queue.removeFirst();
                    turnsOfThread.decrementAndGet();
                    Turn next = line.queue.peekFirst();
                    line.first = next;
                    line.movedAt = System.nanoTime();
                    if (next != null) {
                        next.turnsOfThread.incrementAndGet();
                        LockSupport.unpark(next.thread);
                        return line;
                    }
                    return null;
                });
            }
            joined.clear();
        }
    }
}
