package io.kv4j.tck.broken;

import io.kv4j.spi.Commit;
import io.kv4j.spi.KeyOrder;
import io.kv4j.spi.KvBackend;
import io.kv4j.tck.ForwardingBackend;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.TreeMap;

/**
 * Backends that apply one commit as several (KV-7.10), each part validated and applied by the
 * memory backend on its own: by function, by batch of writes, or after one check of every read.
 */
public final class BrokenCommits {

    private BrokenCommits() {
    }

    /** Orders writes by function name, then key, both in UTF-8 byte order. */
    private static final Comparator<Commit.Write> WRITE_ORDER = Comparator
            .comparing(Commit.Write::namespace, KeyOrder.COMPARATOR)
            .thenComparing(Commit.Write::key, KeyOrder.COMPARATOR);

    /**
     * Applies a commit function by function, in name order, each function's writes with the
     * reads and listings of that function as a commit of its own: when a later function's check
     * fails, the earlier functions' writes are already applied.
     */
    public static final class CommitsFunctionByFunction extends BrokenBackends.Broken {
        @Override
        String name() {
            return "commit-per-function";
        }

        @Override
        KvBackend wrap(KvBackend memory) {
            return new ForwardingBackend(memory) {
                @Override
                public long commit(Commit c) {
                    Map<String, List<Commit.Write>> byFunction = new TreeMap<>(
                            KeyOrder.COMPARATOR);
                    for (Commit.Write w : c.writes()) {
                        byFunction.computeIfAbsent(w.namespace(), n -> new ArrayList<>()).add(w);
                    }
                    for (Commit.PointRead r : c.reads()) {
                        byFunction.computeIfAbsent(r.namespace(), n -> new ArrayList<>());
                    }
                    for (Commit.RangeRead r : c.ranges()) {
                        byFunction.computeIfAbsent(r.namespace(), n -> new ArrayList<>());
                    }
                    for (Commit.Check k : c.checks()) {
                        byFunction.computeIfAbsent(k.namespace(), n -> new ArrayList<>());
                    }
                    for (Commit.RangeDelete d : c.rangeDeletes()) {
                        byFunction.computeIfAbsent(d.namespace(), n -> new ArrayList<>());
                    }
                    long version = 0;
                    for (Map.Entry<String, List<Commit.Write>> part : byFunction.entrySet()) {
                        String f = part.getKey();
                        version = Math.max(version, inner.commit(Commit.of(UUID.randomUUID(),
                                c.reads().stream().filter(r -> r.namespace().equals(f)).toList(),
                                c.ranges().stream().filter(r -> r.namespace().equals(f)).toList(),
                                c.checks().stream().filter(k -> k.namespace().equals(f)).toList(),
                                c.rangeDeletes().stream().filter(d -> d.namespace().equals(f))
                                        .toList(),
                                part.getValue())));
                    }
                    return version;
                }
            };
        }
    }

    /**
     * Applies a large commit in batches of {@value BrokenFunctions#BATCH} writes in key order, each
     * with the reads of the keys up to its last as a commit of its own, as a backend that splits
     * a statement too large for its driver would: when a later batch's check fails, the earlier
     * batches are already applied.
     */
    public static final class CommitsInBatches extends BrokenBackends.Broken {
        @Override
        String name() {
            return "commit-in-batches";
        }

        @Override
        KvBackend wrap(KvBackend memory) {
            return new ForwardingBackend(memory) {
                @Override
                public long commit(Commit c) {
                    if (c.writes().size() <= BrokenFunctions.BATCH) {
                        return inner.commit(c);
                    }
                    List<Commit.Write> writes = new ArrayList<>(c.writes());
                    writes.sort(WRITE_ORDER);
                    List<Commit.PointRead> reads = new ArrayList<>(c.reads());
                    long version = 0;
                    for (int from = 0; from < writes.size(); from += BrokenFunctions.BATCH) {
                        int to = Math.min(writes.size(), from + BrokenFunctions.BATCH);
                        boolean last = to == writes.size();
                        Commit.Write end = writes.get(to - 1);
                        List<Commit.PointRead> mine = new ArrayList<>();
                        for (var it = reads.iterator(); it.hasNext();) {
                            Commit.PointRead r = it.next();
                            if (last || WRITE_ORDER.compare(
                                    Commit.Write.delete(r.namespace(), r.key()), end) <= 0) {
                                mine.add(r);
                                it.remove();
                            }
                        }
                        // checks and range deletions go first, before any write
                        version = Math.max(version, inner.commit(Commit.of(UUID.randomUUID(),
                                mine, last ? c.ranges() : List.of(),
                                from == 0 ? c.checks() : List.of(),
                                from == 0 ? c.rangeDeletes() : List.of(),
                                writes.subList(from, to))));
                    }
                    return version;
                }
            };
        }
    }

    /**
     * Checks every read of a commit at once, with the writes of its first function, then applies
     * the other functions' writes each as a commit of its own: a commit that conflicts applies
     * nothing, but a concurrent request can see some functions' writes and not the others'.
     * Each part after the first waits a millisecond first, as a statement of its own waits for
     * the round trip to a database server.
     */
    public static final class AppliesFunctionByFunctionAfterOneCheck
            extends BrokenBackends.Broken {
        @Override
        String name() {
            return "apply-per-function";
        }

        @Override
        KvBackend wrap(KvBackend memory) {
            return new ForwardingBackend(memory) {
                @Override
                public long commit(Commit c) {
                    Map<String, List<Commit.Write>> byFunction = new LinkedHashMap<>();
                    for (Commit.Write w : c.writes()) {
                        byFunction.computeIfAbsent(w.namespace(), n -> new ArrayList<>()).add(w);
                    }
                    if (byFunction.size() <= 1) {
                        return inner.commit(c);
                    }
                    long version = 0;
                    boolean first = true;
                    for (List<Commit.Write> part : byFunction.values()) {
                        if (!first) {
                            roundTrip();
                        }
                        // every check goes with the first function's writes
                        version = Math.max(version, inner.commit(first
                                ? Commit.of(UUID.randomUUID(), c.reads(), c.ranges(), c.checks(),
                                        c.rangeDeletes(), part)
                                : Commit.of(List.of(), List.of(), part)));
                        first = false;
                    }
                    return version;
                }
            };
        }
    }

    /** Waits about as long as one round trip to a database server on another machine. */
    static void roundTrip() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
