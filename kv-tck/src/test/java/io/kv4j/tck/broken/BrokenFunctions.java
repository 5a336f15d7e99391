package io.kv4j.tck.broken;

import io.kv4j.spi.Commit;
import io.kv4j.spi.Entry;
import io.kv4j.spi.KeyOrder;
import io.kv4j.spi.KeyRange;
import io.kv4j.spi.KvBackend;
import io.kv4j.tck.ForwardingBackend;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * Backends that break the listing of functions (KV-4.4) or {@code deleteAll} (KV-4.5), each in
 * one way, by forwarding to the memory backend and changing what one call does.
 */
public final class BrokenFunctions {

    private BrokenFunctions() {
    }

    /** How many entries or names the backends below handle in one internal batch. */
    static final int BATCH = 100;

    /** Pages function names from the bound itself, so the last name of a page comes again. */
    public static final class RepeatsTheBound extends BrokenBackends.Broken {
        @Override
        String name() {
            return "function-page-repeat";
        }

        @Override
        KvBackend wrap(KvBackend memory) {
            return new ForwardingBackend(memory) {
                @Override
                public List<String> namespaces(String after, int limit) {
                    List<String> out = new ArrayList<>();
                    if (after != null) {
                        out.add(after); // ">=" where ">" was meant
                    }
                    out.addAll(inner.namespaces(after, limit - out.size()));
                    return out;
                }
            };
        }
    }

    /** Pages function names from one name past the bound, so one name per page is lost. */
    public static final class SkipsPastTheBound extends BrokenBackends.Broken {
        @Override
        String name() {
            return "function-page-skip";
        }

        @Override
        KvBackend wrap(KvBackend memory) {
            return new ForwardingBackend(memory) {
                @Override
                public List<String> namespaces(String after, int limit) {
                    if (after == null) {
                        return inner.namespaces(null, limit);
                    }
                    List<String> next = inner.namespaces(after, limit + 1);
                    return next.isEmpty() ? next : next.subList(1, next.size());
                }
            };
        }
    }

    /**
     * Lists one name for names that are equal once case, Unicode form and trailing spaces are
     * ignored, as a {@code DISTINCT} over a case-insensitive, PAD SPACE collation does.
     */
    public static final class FoldsFunctionNames extends BrokenBackends.Broken {
        static String fold(String name) {
            return Normalizer.normalize(name, Normalizer.Form.NFC).toLowerCase(Locale.ROOT)
                    .stripTrailing();
        }

        @Override
        String name() {
            return "function-fold";
        }

        @Override
        KvBackend wrap(KvBackend memory) {
            return new ForwardingBackend(memory) {
                @Override
                public List<String> namespaces(String after, int limit) {
                    Set<String> seen = new java.util.HashSet<>();
                    List<String> first = new ArrayList<>(); // the first name of each fold
                    for (String n : inner.namespaces(null, Integer.MAX_VALUE)) {
                        if (seen.add(fold(n))) {
                            first.add(n);
                        }
                    }
                    return BrokenBackends.page(first, KeyOrder.COMPARATOR, after, limit);
                }
            };
        }
    }

    /**
     * Keeps a catalog of function names that deleting a key maintains but {@code deleteAll}
     * forgets, so a function emptied by {@code deleteAll} is still listed.
     */
    public static final class ListsFunctionsEmptiedByDeleteAll extends BrokenBackends.Broken {
        /** Names deleteAll emptied, per storage of this kind; shared as the storage is. */
        private static final Set<String> EMPTIED = new ConcurrentSkipListSet<>(
                KeyOrder.COMPARATOR);

        @Override
        String name() {
            return "function-catalog";
        }

        @Override
        KvBackend wrap(KvBackend memory) {
            return new ForwardingBackend(memory) {
                @Override
                public List<String> namespaces(String after, int limit) {
                    Set<String> all = new java.util.HashSet<>(inner.namespaces(after, limit));
                    all.addAll(EMPTIED);
                    return BrokenBackends.page(all, KeyOrder.COMPARATOR, after, limit);
                }

                @Override
                public long deleteNamespace(String namespace) {
                    long n = inner.deleteNamespace(namespace);
                    if (n > 0) {
                        EMPTIED.add(namespace);
                    }
                    return n;
                }
            };
        }
    }

    /** Deletes one batch of a function's entries and reports that as all of them. */
    public static final class DeletesOneBatch extends BrokenBackends.Broken {
        @Override
        String name() {
            return "delete-one-batch";
        }

        @Override
        KvBackend wrap(KvBackend memory) {
            return new ForwardingBackend(memory) {
                @Override
                public long deleteNamespace(String namespace) {
                    return deleteBatch(inner, namespace);
                }
            };
        }
    }

    /** One millisecond, the time of a round trip to a server on another host. */
    static void pause() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Deletes the first batch of a function's entries, in key order, as one commit. */
    static long deleteBatch(KvBackend inner, String namespace) {
        List<Entry> batch = inner.scan(namespace, KeyRange.all(), false, BATCH);
        if (!batch.isEmpty()) {
            inner.commit(Commit.of(List.of(), List.of(), batch.stream()
                    .map(e -> Commit.Write.delete(namespace, e.key())).toList()));
        }
        return batch.size();
    }

    /**
     * Deletes a function's entries one batch at a time, each batch a commit of its own, so a
     * concurrent request can see some deleted and others not.
     */
    public static final class DeletesInBatches extends BrokenBackends.Broken {
        @Override
        String name() {
            return "delete-in-batches";
        }

        @Override
        KvBackend wrap(KvBackend memory) {
            return new ForwardingBackend(memory) {
                @Override
                public long deleteNamespace(String namespace) {
                    long total = 0;
                    for (long n = deleteBatch(inner, namespace); n > 0;
                            n = deleteBatch(inner, namespace)) {
                        total += n;
                        // a batch of a store on a server is a round trip: without the pause
                        // that stands for it, the gap between two batches is a few microseconds
                        // of memory, which a loaded machine's readers missed in 1 run of 10
                        pause();
                    }
                    return total;
                }
            };
        }
    }

    /**
     * Deletes every function whose name equals the one given once case and Unicode form are
     * ignored, as a {@code WHERE} over a case-insensitive collation would.
     */
    public static final class DeletesCaseNeighbours extends BrokenBackends.Broken {
        @Override
        String name() {
            return "delete-fold";
        }

        @Override
        KvBackend wrap(KvBackend memory) {
            return new ForwardingBackend(memory) {
                @Override
                public long deleteNamespace(String namespace) {
                    String folded = Normalizer.normalize(namespace, Normalizer.Form.NFC)
                            .toLowerCase(Locale.ROOT);
                    long n = 0;
                    for (String name : inner.namespaces(null, Integer.MAX_VALUE)) {
                        if (Normalizer.normalize(name, Normalizer.Form.NFC)
                                .toLowerCase(Locale.ROOT).equals(folded)) {
                            n += inner.deleteNamespace(name);
                        }
                    }
                    return n;
                }
            };
        }
    }
}
