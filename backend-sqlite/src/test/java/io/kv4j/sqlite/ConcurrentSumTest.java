package io.kv4j.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kv4j.spi.Commit.Write;
import io.kv4j.spi.KvBackend;
import io.kv4j.spi.Mutation;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sums of one key from many threads, on two stores of one file (two connections that take turns
 * at SQLite's lock, as two processes do): each applies to the value current at its commit, so
 * none conflicts and the total is exact.
 */
class ConcurrentSumTest {

    @Test
    void sumsOfOneKeyFromEightThreads_countExactlyWithoutAConflict(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("sums.db");
        int threads = 8;
        int times = 100;
        try (KvBackend one = Spi.open(file); KvBackend two = Spi.open(file)) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    KvBackend backend = t % 2 == 0 ? one : two;
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < times; i++) {
                            // a conflict, or any failure, is thrown and fails the test
                            Spi.write(backend,
                                    Write.mutate("F", "n", Mutation.sum(BigInteger.ONE)));
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(Integer.toString(threads * times), Spi.text(one.read("F", "n")));
        }
    }
}
