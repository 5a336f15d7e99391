package io.kv4j.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kv4j.spi.BackendException;
import io.kv4j.spi.Commit;
import io.kv4j.spi.Entry;
import io.kv4j.spi.Mutation;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Blind commits that travel together ({@link CommitQueue}): each keeps its own version, id and
 * outcome, and the transaction that carries them is applied once, as their commits one after the
 * other would be.
 */
class GroupCommitTest {

    private static final String NS = "G";
    private static final Commit.Write SUM = Commit.Write.mutate(NS, "hot",
            Mutation.sum(BigInteger.ONE));

    @Test
    void manyThreadsSummingAndSetting_eachCountedOnceWithAVersionOfItsOwnInCommitOrder()
            throws Exception {
        int threads = 16;
        int each = 60;
        String schema = TestServer.freshSchema("group");
        try (PostgresBackend b = Backends.backend(schema, "pool-size", "4", "cache", "false")) {
            Map<Long, String> setBy = new ConcurrentHashMap<>(); // version -> "key=value"
            List<Long> versions = run(threads, t -> {
                List<Long> mine = new ArrayList<>();
                for (int i = 0; i < each; i++) {
                    if (i % 2 == 0) {
                        mine.add(b.commit(blind(SUM)));
                    } else {
                        String key = "k" + ThreadLocalRandom.current().nextInt(20);
                        String value = "\"" + t + "/" + i + "\"";
                        long v = b.commit(blind(put(key, value)));
                        setBy.put(v, key + "=" + value);
                        mine.add(v);
                    }
                }
                return mine;
            });

            assertEquals(threads * each, versions.size());
            assertEquals(versions.size(), new HashSet<>(versions).size(), "versions shared");
            assertTrue(b.queue().together() > 0, "no transaction carried more than one commit");
            Entry hot = b.read(NS, "hot");
            assertEquals(String.valueOf(threads * each / 2), text(hot), "sums counted");
            // each key holds the value of the commit with its highest version, and that version
            Map<String, Long> last = new HashMap<>();
            setBy.forEach((v, kv) -> last.merge(kv.substring(0, kv.indexOf('=')), v, Math::max));
            for (Map.Entry<String, Long> e : last.entrySet()) {
                Entry stored = b.read(NS, e.getKey());
                assertEquals(e.getValue(), stored.version(), e.getKey());
                assertEquals(setBy.get(e.getValue()), e.getKey() + "=" + text(stored));
            }
            long lastSum = versions.stream().filter(v -> !setBy.containsKey(v))
                    .mapToLong(Long::longValue).max().orElseThrow();
            assertEquals(lastSum, hot.version(), "the hot key's version is its last sum's");
            assertEquals(String.valueOf(threads * each), MigrationsTest.one(
                    "SELECT count(*) FROM " + schema + ".commits"), "commit ids recorded");
        }
    }

    @Test
    void groupWithAMutationOfANonNumber_failsOnlyThatCommit() throws Exception {
        String schema = TestServer.freshSchema("group");
        try (PostgresBackend b = Backends.backend(schema, "cache", "false");
                Connection blocker = TestServer.get().admin();
                Connection rest = TestServer.get().admin()) {
            b.commit(blind(put("s", "\"five\"")));
            ExecutorService pool = Executors.newCachedThreadPool();
            try {
                List<Future<Long>> lanes = fillLanes(b, pool, schema, blocker, rest);
                List<Commit> group = List.of(blind(SUM), blind(Commit.Write.mutate(NS, "s",
                        Mutation.sum(BigInteger.ONE))), blind(put("x", "1")), blind(SUM));
                List<Future<Long>> outcomes = new ArrayList<>();
                for (Commit c : group) {
                    outcomes.add(pool.submit(() -> b.commit(c)));
                    awaitQueued(b, outcomes.size(), schema);
                }
                long together = b.queue().together();
                freeOneLane(b, lanes, blocker, rest);
                BackendException e = assertInstanceOf(BackendException.class,
                        assertThrows(outcomes.get(1)));
                assertEquals(BackendException.Kind.NOT_AN_INTEGER, e.kind());
                assertEquals("s", e.key());
                long a = outcomes.get(0).get();
                long x = outcomes.get(2).get();
                long c = outcomes.get(3).get();
                assertTrue(a < x && x < c, a + ", " + x + ", " + c);
                assertEquals("2", text(b.read(NS, "hot")));
                assertEquals(c, b.read(NS, "hot").version());
                assertEquals("1", text(b.read(NS, "x")));
                assertEquals("\"five\"", text(b.read(NS, "s")));
                assertEquals(together + 1, b.queue().together(), "the four did not go together");
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /**
     * A refused group's commits sent again alone each keep their own outcome, a failure too: one
     * that committed before another failed is reported committed, so it is never run twice.
     */
    @Test
    void refusedGroupSentAgainAlone_aLaterFailureIsOnlyItsOwn() throws Exception {
        String schema = TestServer.freshSchema("group");
        try (PostgresBackend b = Backends.backend(schema, "cache", "false");
                Connection blocker = TestServer.get().admin();
                Connection rest = TestServer.get().admin()) {
            UUID taken = UUID.randomUUID();
            b.commit(Commit.of(taken, List.of(), List.of(), List.of(put("s", "\"five\""))));
            ExecutorService pool = Executors.newCachedThreadPool();
            try {
                List<Future<Long>> lanes = fillLanes(b, pool, schema, blocker, rest);
                // the third reuses an id already recorded: alone, its commit fails on it
                List<Commit> group = List.of(blind(SUM), blind(Commit.Write.mutate(NS, "s",
                        Mutation.sum(BigInteger.ONE))), Commit.of(taken, List.of(), List.of(),
                        List.of(put("x", "1"))));
                List<Future<Long>> outcomes = new ArrayList<>();
                for (Commit c : group) {
                    outcomes.add(pool.submit(() -> b.commit(c)));
                    awaitQueued(b, outcomes.size(), schema);
                }
                freeOneLane(b, lanes, blocker, rest);

                long sum = outcomes.get(0).get(30, TimeUnit.SECONDS);
                assertEquals(BackendException.Kind.NOT_AN_INTEGER, assertInstanceOf(
                        BackendException.class, assertThrows(outcomes.get(1))).kind());
                assertEquals(BackendException.Kind.STORAGE, assertInstanceOf(
                        BackendException.class, assertThrows(outcomes.get(2))).kind());
                assertEquals(sum, b.read(NS, "hot").version());
                assertEquals("1", text(b.read(NS, "hot")));
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void groupWhoseConnectionIsKilledWhileItWaits_isSentAgainAndAppliedOnce() throws Exception {
        String schema = TestServer.freshSchema("group");
        String app = "kv4j_" + schema;
        try (PostgresBackend b = Backends.backend(schema, "ApplicationName", app, "cache", "false");
                Connection first = TestServer.get().admin();
                Connection rest = TestServer.get().admin();
                Connection second = TestServer.get().admin()) {
            b.commit(blind(put("b", "0")));
            lockRow(second, schema, "b");
            ExecutorService pool = Executors.newCachedThreadPool();
            try {
                List<Future<Long>> lanes = fillLanes(b, pool, schema, first, rest);
                List<Future<Long>> group = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    Commit c = blind(SUM, put("b", String.valueOf(i)), put("own" + i, "1"));
                    group.add(pool.submit(() -> b.commit(c)));
                    awaitQueued(b, group.size(), schema);
                }
                freeOneLane(b, lanes, first, rest);
                awaitWaiting(app);

                assertEquals("1", MigrationsTest.one("SELECT count(*) FILTER (WHERE"
                        + " pg_terminate_backend(pid, 5000)) FROM pg_stat_activity WHERE"
                        + " application_name = '" + app + "' AND wait_event_type = 'Lock'"));
                awaitWaiting(app); // sent again, under new ids, and waiting again
                second.rollback();

                Set<Long> versions = new HashSet<>();
                for (Future<Long> f : group) {
                    versions.add(f.get(30, TimeUnit.SECONDS));
                }
                assertEquals(5, versions.size());
                assertEquals("5", text(b.read(NS, "hot")), "sums applied once each");
                assertEquals("4", text(b.read(NS, "b")));
                assertEquals(versions.stream().max(Long::compare).orElseThrow(),
                        b.read(NS, "b").version());
                for (int i = 0; i < 5; i++) {
                    assertEquals("1", text(b.read(NS, "own" + i)));
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void loneCommit_goesAtOnceInOneRoundTrip() {
        try (PostgresBackend b = Backends.backend(TestServer.freshSchema("group"), "socketFactory",
                CountingSocketFactory.class.getName(), "pool-size", "1", "cache", "false")) {
            b.commit(blind(SUM)); // connects, so that the counts below are the commits' alone
            for (int i = 0; i < 20; i++) {
                long trips = CountingSocketFactory.count(() -> b.commit(blind(SUM)));
                assertEquals(1, trips, "round trips of commit " + i);
            }
            assertEquals(0, b.queue().together());
            assertEquals("21", text(b.read(NS, "hot")));
        }
    }

    /** A commit that writes and reads nothing. */
    private static Commit blind(Commit.Write... writes) {
        return Commit.of(List.of(), List.of(), Arrays.asList(writes));
    }

    private static Commit.Write put(String key, String json) {
        return Commit.Write.put(NS, key, json.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(Entry e) {
        return e == null ? null : new String(e.value(), StandardCharsets.UTF_8);
    }

    /** The failure of a future that must fail. */
    private static Throwable assertThrows(Future<?> f) throws InterruptedException {
        try {
            Object result = f.get(30, TimeUnit.SECONDS);
            throw new AssertionError("expected a failure, but it returned " + result);
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("it did not end within 30 s", e);
        }
    }

    private interface Body {
        List<Long> run(int thread) throws Exception;
    }

    /** Runs {@code body} on each of {@code threads} threads at once, and joins what they return. */
    private static List<Long> run(int threads, Body body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Long>>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> body.run(thread)));
            }
            List<Long> out = new ArrayList<>();
            for (Future<List<Long>> f : done) {
                out.addAll(f.get(120, TimeUnit.SECONDS));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Takes every lane of the queue with a lone commit that waits for the lock of a row, the first
     * one's held by {@code first}, the others' by {@code rest}; the commits sent next queue.
     */
    private static List<Future<Long>> fillLanes(PostgresBackend b, ExecutorService pool,
            String schema, Connection first, Connection rest) throws SQLException {
        List<Future<Long>> out = new ArrayList<>();
        for (int i = 0; i < CommitQueue.LANES; i++) {
            b.commit(blind(put("held" + i, "0")));
            lockRow(i == 0 ? first : rest, schema, "held" + i);
        }
        for (int i = 0; i < CommitQueue.LANES; i++) {
            Commit c = blind(put("held" + i, "1"));
            out.add(pool.submit(() -> b.commit(c)));
        }
        awaitQueued(b, 0, schema);
        return out;
    }

    /**
     * Frees the first lane only, so that all the queued commits go in it as one transaction,
     * then the others once that transaction has taken them.
     */
    private static void freeOneLane(PostgresBackend b, List<Future<Long>> lanes,
            Connection first, Connection rest) throws Exception {
        first.rollback();
        lanes.get(0).get(30, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (b.queue().waiting() > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the queued commits were not taken within 10 s");
            }
            Backends.sleep(5);
        }
        rest.rollback();
        for (Future<Long> f : lanes) {
            f.get(30, TimeUnit.SECONDS);
        }
    }

    /** Holds the row of a key locked in an open transaction, so that commits writing it wait. */
    private static void lockRow(Connection c, String schema, String key) throws SQLException {
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            st.execute("SELECT 1 FROM " + schema + ".entries WHERE key = '" + key
                    + "' FOR UPDATE");
        }
    }

    /** Waits until every lane has a transaction in flight and {@code n} commits wait. */
    private static void awaitQueued(PostgresBackend b, int n, String schema) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (b.queue().waiting() != n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(b.queue().waiting() + " commits wait in " + schema
                        + ", not " + n);
            }
            Backends.sleep(5);
        }
        if (n == 0) {
            Backends.sleep(100); // the lone ones are on their way to their locks
        }
    }

    /** Waits until a connection of {@code app} waits for a lock. */
    private static void awaitWaiting(String app) throws SQLException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!MigrationsTest.one("SELECT count(*) FROM pg_stat_activity WHERE application_name"
                + " = '" + app + "' AND wait_event_type = 'Lock'").equals("1")) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no commit of " + app + " waits for a lock");
            }
            Backends.sleep(10);
        }
    }
}
