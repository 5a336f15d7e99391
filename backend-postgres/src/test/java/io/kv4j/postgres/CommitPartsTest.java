package io.kv4j.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kv4j.spi.BackendException;
import io.kv4j.spi.Commit;
import io.kv4j.spi.Entry;
import io.kv4j.spi.KeyRange;
import io.kv4j.spi.KvBackend;
import io.kv4j.spi.Mutation;
import io.kv4j.spi.Text;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Checks, mutations and range deletions of a commit, through the SPI. */
class CommitPartsTest {

    private static final String NS = "F";

    @Test
    void check_passesAtTheVersionItNames() {
        try (PostgresBackend b = backend()) {
            long v = put(b, "k", "1");

            b.commit(commit(List.of(), List.of(Commit.Check.of(NS, "k", v),
                    Commit.Check.of(NS, "absent", KvBackend.MISSING)), List.of(),
                    put("out", "2")));

            assertEquals("2", value(b, "out"));
        }
    }

    @Test
    void failedCheck_reportsTheVersionFoundAndWritesNothing() {
        try (PostgresBackend b = backend()) {
            long old = put(b, "k", "1");
            long now = put(b, "k", "2");
            long gone = put(b, "gone", "1");
            b.commit(commit(List.of(), List.of(), List.of(), Commit.Write.delete(NS, "gone")));

            BackendException changed = refused(b, Commit.Check.of(NS, "k", old));
            BackendException exists = refused(b, Commit.Check.of(NS, "k", KvBackend.MISSING));
            BackendException deleted = refused(b, Commit.Check.of(NS, "gone", gone));

            assertEquals(List.of(old, now), List.of(changed.requiredVersion(), changed.foundVersion()));
            assertEquals(List.of(KvBackend.MISSING, now),
                    List.of(exists.requiredVersion(), exists.foundVersion()));
            assertEquals(List.of(gone, KvBackend.MISSING),
                    List.of(deleted.requiredVersion(), deleted.foundVersion()));
            assertEquals("k", changed.key());
            assertNull(b.read(NS, "out"), "a commit whose check failed wrote");
        }
    }

    /** A commit that checks one key and writes nothing is still checked. */
    @Test
    void failedCheck_ofACommitWithoutWrites_isReported() {
        try (PostgresBackend b = backend()) {
            long old = put(b, "k", "1");
            put(b, "k", "2");

            BackendException e = assertThrows(BackendException.class, () -> b.commit(
                    commit(List.of(), List.of(Commit.Check.of(NS, "k", old)), List.of())));

            assertEquals(BackendException.Kind.CHECK_FAILED, e.kind());
        }
    }

    /** Running the transaction again cannot make a check pass, so its failure wins. */
    @Test
    void failedCheck_winsOverAConflict() {
        try (PostgresBackend b = backend()) {
            long readV = put(b, "read", "1");
            put(b, "read", "2");
            put(b, "k", "1");

            BackendException e = assertThrows(BackendException.class, () -> b.commit(commit(
                    List.of(Commit.PointRead.of(NS, "read", readV)),
                    List.of(Commit.Check.of(NS, "k", KvBackend.MISSING)), List.of(),
                    put("out", "1"))));

            assertEquals(BackendException.Kind.CHECK_FAILED, e.kind());
        }
    }

    /**
     * A commit that reads one key and writes it back is one compare-and-set statement, unless
     * it says more: a mutation, a check or a range deletion each take the full commit.
     */
    @Test
    void readAndWriteOfOneKey_keepsTheOtherPartsOfItsCommit() {
        try (PostgresBackend b = backend()) {
            long v = put(b, "n", "5");
            put(b, "p/1", "1");
            put(b, "taken", "1");

            v = b.commit(commit(List.of(Commit.PointRead.of(NS, "n", v)), List.of(), List.of(),
                    Commit.Write.mutate(NS, "n", Mutation.sum(BigInteger.TWO))));
            long read = v;
            BackendException e = assertThrows(BackendException.class, () -> b.commit(commit(
                    List.of(Commit.PointRead.of(NS, "n", read)),
                    List.of(Commit.Check.of(NS, "taken", KvBackend.MISSING)), List.of(),
                    put("n", "0"))));
            b.commit(commit(List.of(Commit.PointRead.of(NS, "n", read)), List.of(),
                    List.of(Commit.RangeDelete.of(NS, KeyRange.prefix("p/"))), put("n", "8")));

            assertEquals(BackendException.Kind.CHECK_FAILED, e.kind());
            assertEquals("8", value(b, "n"));
            assertNull(b.read(NS, "p/1"), "the range deletion was dropped");
        }
    }

    /** One mutation made of several: the floor, the ceiling and the sum each show. */
    @Test
    void mutations_composeAsMutationApplies() {
        try (PostgresBackend b = backend()) {
            put(b, "low", "50");
            put(b, "mid", "150");
            put(b, "high", "300");
            BigInteger big = BigInteger.TWO.pow(70);
            Mutation m = Mutation.sum(BigInteger.valueOf(5)).then(Mutation.max(BigInteger.valueOf(100)))
                    .then(Mutation.min(BigInteger.valueOf(200))).then(Mutation.sum(BigInteger.ONE.negate()));
            List<Commit.Write> writes = new ArrayList<>();
            for (String k : List.of("low", "mid", "high", "new")) {
                writes.add(Commit.Write.mutate(NS, k, m));
            }
            writes.add(Commit.Write.mutate(NS, "big", Mutation.sum(big).then(Mutation.sum(big))));

            b.commit(commit(List.of(), List.of(), List.of(), writes.toArray(Commit.Write[]::new)));

            assertEquals(List.of("99", "154", "199", "99"), List.of(value(b, "low"),
                    value(b, "mid"), value(b, "high"), value(b, "new")));
            assertEquals(m.apply(null).toString(), value(b, "new"));
            assertEquals(big.shiftLeft(1).toString(), value(b, "big"));
        }
    }

    /**
     * Whatever a key holds, the commit's SQL and {@link Mutation#wholeNumber} agree on whether it
     * is a whole number, and on its value: values jsonb keeps as written (read from it as
     * numeric) and values kept in exact (read from their digits) alike.
     */
    @Test
    void wholeNumberTest_agreesWithMutation() {
        List<String> values = new ArrayList<>(List.of("1", "-7", "0", "-0", "-0.0", "2.0",
                "1e3", "1E+2", "100e-2", "10.5", "1e-5", "0.5", "\"5\"", "{}", "[1]", "null",
                "true", "0e999", "0e1000", "0.0e1000", "0.0001e1001", "1e999", "1e1000",
                "0e-2147483647", "0e-2147483648", "1e2147483648", "-12.3400e2", " 42 ", "0.000",
                "-0e2147483647", "0e2147483648", "0.00e99999999999", "-0.0e-99999999999",
                "0E+1001", "1e2147483647", "10e2147483647", "10e999", "-7.50", "123.000"));
        values.add("9".repeat(1_000));
        values.add("-" + "9".repeat(1_000));
        values.add("-" + "9".repeat(1_000) + ".000");
        values.add("1" + "0".repeat(1_000));
        values.add("-1" + "0".repeat(999) + ".0");
        values.add("-0." + "0".repeat(2_000) + "e5000");
        values.add("1." + "0".repeat(20_000));
        values.add("1." + "0".repeat(20_000) + "1");
        try (PostgresBackend b = backend()) {
            for (String json : values) {
                put(b, "v", json);
                BigInteger whole = Mutation.wholeNumber(json.getBytes(StandardCharsets.UTF_8));
                Commit sum = commit(List.of(), List.of(), List.of(),
                        Commit.Write.mutate(NS, "v", Mutation.sum(BigInteger.ONE)));
                String shown = json.length() > 40 ? json.substring(0, 40) + "..." : json;
                if (whole == null) {
                    BackendException e = assertThrows(BackendException.class, () -> b.commit(sum),
                            shown + " is no whole number");
                    assertEquals(BackendException.Kind.NOT_AN_INTEGER, e.kind(), shown);
                    // the message quotes the value as found, its size that of the whole value
                    assertTrue(e.getMessage().contains(Text.quote(json)), e.getMessage());
                } else {
                    b.commit(sum);
                    assertEquals(whole.add(BigInteger.ONE).toString(), value(b, "v"), shown);
                }
            }
        }
    }

    @Test
    void mutationOfANonInteger_failsTheWholeCommit() {
        try (PostgresBackend b = backend()) {
            put(b, "p/1", "1");
            put(b, "n", "1");
            put(b, "s", "\"five\"");

            BackendException e = assertThrows(BackendException.class, () -> b.commit(commit(
                    List.of(), List.of(), List.of(Commit.RangeDelete.of(NS, KeyRange.prefix("p/"))),
                    Commit.Write.mutate(NS, "n", Mutation.sum(BigInteger.ONE)),
                    Commit.Write.mutate(NS, "s", Mutation.sum(BigInteger.ONE)),
                    put("out", "1"), Commit.Write.delete(NS, "n"))));

            assertEquals(BackendException.Kind.NOT_AN_INTEGER, e.kind());
            assertEquals("s", e.key());
            assertTrue(e.getMessage().contains("\"five\""), e.getMessage());
            assertEquals("1", value(b, "p/1"));
            assertEquals("1", value(b, "n"));
            assertEquals("\"five\"", value(b, "s"));
            assertNull(b.read(NS, "out"));
        }
    }

    /** The range goes first: the commit's own writes inside it stand, as if written after. */
    @Test
    void rangeDelete_isAppliedBeforeTheWritesOfItsCommit() {
        try (PostgresBackend b = backend()) {
            for (String k : List.of("p", "p/1", "p/2", "p/3", "p/4", "q/1")) {
                put(b, k, "10");
            }
            put(b, "p/x", "\"text\"");

            long v = b.commit(commit(List.of(), List.of(),
                    List.of(Commit.RangeDelete.of(NS, KeyRange.prefix("p/")),
                            Commit.RangeDelete.of(NS, KeyRange.between("q/", "q/1"))),
                    put("p/2", "20"), Commit.Write.mutate(NS, "p/3", Mutation.sum(BigInteger.ONE)),
                    Commit.Write.mutate(NS, "p/x", Mutation.max(BigInteger.TWO))));

            assertEquals(List.of("p/2", "p/3", "p/x"), keys(b.scan(NS, KeyRange.prefix("p/"), false, 10)));
            assertEquals(List.of("20", "1", "2"), List.of(value(b, "p/2"), value(b, "p/3"),
                    value(b, "p/x")));
            assertEquals(v, b.read(NS, "p/3").version());
            assertEquals("10", value(b, "p"));
            assertEquals("10", value(b, "q/1"));
        }
    }

    /** A transaction that read a key a range deletion removed conflicts. */
    @Test
    void rangeDelete_conflictsWithAReadOfADeletedKey() {
        try (PostgresBackend b = backend()) {
            long v = put(b, "p/1", "1");
            b.commit(commit(List.of(), List.of(),
                    List.of(Commit.RangeDelete.of(NS, KeyRange.prefix("p/"))), put("other", "1")));

            BackendException e = assertThrows(BackendException.class, () -> b.commit(commit(
                    List.of(Commit.PointRead.of(NS, "p/1", v)), List.of(), List.of(),
                    put("out", "1"))));

            assertEquals(BackendException.Kind.CONFLICT, e.kind());
        }
    }

    /**
     * An insert into the range by a commit under way when the deletion starts is deleted once
     * that commit ends: the deletion waits for the namespace's exclusive lock, as a listing's
     * commit does. The insert is held open on a connection of its own, with the locks a commit
     * of the key takes.
     */
    @Test
    void rangeDelete_deletesAnInsertThatWentFirst() throws Exception {
        String schema = TestServer.freshSchema("parts");
        try (PostgresBackend b = Backends.backend(schema, "cache", "false");
                Connection insert = TestServer.get().admin()) {
            put(b, "p/old", "1");
            long seed = Migrations.lockSeed(schema);
            insert.setAutoCommit(false);
            try (PreparedStatement ps = insert.prepareStatement("SELECT pg_advisory_xact_lock_shared(?),"
                    + " pg_advisory_xact_lock(?); INSERT INTO " + schema + ".entries"
                    + " (namespace, key, value, version) VALUES ('F', 'p/new', '1',"
                    + " nextval('" + schema + ".versions'))")) {
                ps.setLong(1, CommitLocks.namespaceId(seed, NS));
                ps.setLong(2, CommitLocks.keyId(seed, NS, "p/new"));
                ps.execute();
            }
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                Future<Long> delete = pool.submit(() -> b.commit(commit(List.of(), List.of(),
                        List.of(Commit.RangeDelete.of(NS, KeyRange.prefix("p/"))))));
                awaitWaitingForALock(schema, insert);
                insert.commit();

                delete.get(30, TimeUnit.SECONDS);
            } finally {
                pool.shutdownNow();
            }

            assertEquals(List.of(), b.scan(NS, KeyRange.prefix("p/"), false, 10));
        }
    }

    /** Many commits summing one key from many threads count exactly, and none conflicts. */
    @Test
    void concurrentSums_countExactlyWithoutConflicts() throws Exception {
        int threads = 16;
        int each = 40;
        try (PostgresBackend b = Backends.backend(TestServer.freshSchema("parts"), "cache", "false",
                "pool-size", "8")) {
            AtomicInteger failures = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < each; i++) {
                            try {
                                b.commit(commit(List.of(), List.of(), List.of(),
                                        Commit.Write.mutate(NS, "n", Mutation.sum(BigInteger.ONE)),
                                        Commit.Write.mutate(NS, "top", Mutation.max(
                                                BigInteger.valueOf(i)))));
                            } catch (BackendException e) {
                                failures.incrementAndGet();
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get(120, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }

            assertEquals(0, failures.get(), "commits that failed");
            assertEquals(String.valueOf(threads * each), value(b, "n"));
            assertEquals(String.valueOf(each - 1), value(b, "top"));
        }
    }

    /** Waits until a backend's connection waits for an advisory lock that {@code holder} holds. */
    private static void awaitWaitingForALock(String schema, Connection holder) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        try (Connection c = TestServer.get().admin(); Statement st = c.createStatement()) {
            while (true) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_locks"
                        + " WHERE locktype = 'advisory' AND NOT granted")) {
                    rs.next();
                    if (rs.getInt(1) > 0) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the range deletion never waited for the insert of "
                            + schema + ", held by " + holder);
                }
                Backends.sleep(10);
            }
        }
    }

    private static BackendException refused(PostgresBackend b, Commit.Check check) {
        BackendException e = assertThrows(BackendException.class, () -> b.commit(commit(List.of(),
                List.of(check), List.of(), put("out", "1"))));
        assertEquals(BackendException.Kind.CHECK_FAILED, e.kind());
        return e;
    }

    private static PostgresBackend backend() {
        return Backends.backend(TestServer.freshSchema("parts"), "cache", "false");
    }

    private static Commit commit(List<Commit.PointRead> reads, List<Commit.Check> checks,
            List<Commit.RangeDelete> rangeDeletes, Commit.Write... writes) {
        return Commit.of(UUID.randomUUID(), reads, List.of(), checks, rangeDeletes,
                List.of(writes));
    }

    private static Commit.Write put(String key, String json) {
        return Commit.Write.put(NS, key, json.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes a value and returns its version. */
    private static long put(PostgresBackend b, String key, String json) {
        return b.commit(Commit.of(List.of(), List.of(), List.of(put(key, json))));
    }

    private static String value(PostgresBackend b, String key) {
        Entry e = b.read(NS, key);
        return e == null ? null : new String(e.value(), StandardCharsets.UTF_8);
    }

    private static List<String> keys(List<Entry> entries) {
        return entries.stream().map(Entry::key).toList();
    }
}
