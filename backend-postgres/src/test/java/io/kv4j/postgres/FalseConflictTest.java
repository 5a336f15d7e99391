package io.kv4j.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kv4j.spi.BackendException;
import io.kv4j.spi.Commit;
import io.kv4j.spi.Entry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A commit fails only when something it read really changed: threads read one key and write it
 * back, with no retry, and every refused commit is checked by reading the key again. Versions are
 * never reused, so a key whose version is still the one read never changed: refusing that commit
 * was a false conflict.
 */
class FalseConflictTest {

    private static final int THREADS = 8;
    private static final long MILLIS = 1_500;

    @ParameterizedTest(name = "{0} keys in {1} function(s)")
    @CsvSource({"20, 1", "1000, 1", "1000, 50"})
    void readModifyWrite_conflictsOnlyWhenTheKeyChanged(int keys, int functions) throws Exception {
        String schema = TestServer.freshSchema("fc");
        try (PostgresBackend b = Backends.backend(schema, "cache", "false",
                "pool-size", String.valueOf(THREADS))) {
            List<Commit.Write> load = new ArrayList<>();
            for (int i = 0; i < keys; i++) {
                load.add(write(i, functions, 0));
            }
            b.commit(Commit.of(List.of(), List.of(), load));
            AtomicLong commits = new AtomicLong();
            AtomicLong conflicts = new AtomicLong();
            AtomicLong falseConflicts = new AtomicLong();
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MILLIS);
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    done.add(pool.submit(() -> {
                        ThreadLocalRandom random = ThreadLocalRandom.current();
                        while (System.nanoTime() < end) {
                            int i = random.nextInt(keys);
                            Commit.Write w = write(i, functions, random.nextInt(1000));
                            Entry read = b.read(w.namespace(), w.key());
                            try {
                                b.commit(Commit.of(List.of(Commit.PointRead.of(w.namespace(),
                                        w.key(), read.version())), List.of(), List.of(w)));
                                commits.incrementAndGet();
                            } catch (BackendException e) {
                                if (e.kind() != BackendException.Kind.CONFLICT) {
                                    throw e;
                                }
                                conflicts.incrementAndGet();
                                if (b.read(w.namespace(), w.key()).version() == read.version()) {
                                    falseConflicts.incrementAndGet();
                                }
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            assertTrue(commits.get() > 100, "too few commits to judge: " + commits);
            assertEquals(0, falseConflicts.get(), "commits refused although the key they read "
                    + "had not changed, of " + conflicts + " conflicts and " + commits + " commits");
        }
    }

    private static Commit.Write write(int i, int functions, int value) {
        return Commit.Write.put("F" + (i % functions), "key/" + i,
                ("{\"n\":" + value + "}").getBytes(StandardCharsets.UTF_8));
    }
}
