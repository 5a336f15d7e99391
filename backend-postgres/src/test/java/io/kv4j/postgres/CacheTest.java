package io.kv4j.postgres;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kv4j.KvStore;
import io.kv4j.spi.BackendConfig;
import io.kv4j.spi.Commit;
import io.kv4j.spi.Entry;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class CacheTest {

    @Test
    void twoStoresInOneJvm_commitIsSeenAtOnce_evenWithoutNotifications() {
        String schema = TestServer.freshSchema("cache");
        try (PostgresBackend writer = Backends.backend(schema, "notify", "false");
                PostgresBackend reader = Backends.listening(Backends.backend(schema))) {
            writer.commit(set("k", "1"));
            reader.read("F", "k"); // now cached

            writer.commit(set("k", "2"));

            assertArrayEquals(bytes("2"), reader.read("F", "k").value());
        }
    }

    @Test
    void commitOfAnotherProcess_reachesTheCacheByNotification() {
        String schema = TestServer.freshSchema("cache");
        // another host name for the same server: not a peer in this JVM, like another process
        String otherName = TestServer.get().url().replace("localhost", "127.0.0.1");
        try (PostgresBackend reader = Backends.listening(Backends.backend(schema));
                PostgresBackend other = (PostgresBackend) new PostgresProvider().open(BackendConfig.of(
                        otherName, Backends.options(schema, "cache", "false"), PgOption.table()))) {
            other.commit(set("k", "1"));
            reader.read("F", "k");

            other.commit(set("k", "2"));

            long deadline = System.nanoTime() + 5_000_000_000L;
            while (!new String(reader.read("F", "k").value(), StandardCharsets.UTF_8).equals("2")
                    && System.nanoTime() < deadline) {
                Backends.sleep(5);
            }
            assertArrayEquals(bytes("2"), reader.read("F", "k").value());
        }
    }

    /** SPEC KV-7.11: a read-only request sees another process's commit at once, cache or not. */
    @Test
    void singleCachedRead_afterAnotherProcessCommitted_isCurrentWithoutWaitingForNotification() {
        String schema = TestServer.freshSchema("cache");
        // another host name: not a peer in this JVM; and no notification, like a slow one
        String otherName = TestServer.get().url().replace("localhost", "127.0.0.1");
        try (KvStore reader = Backends.store(schema);
                KvStore other = KvStore.open(otherName,
                        Backends.options(schema, "cache", "false", "notify", "false"))) {
            other.run("F", kv -> {
                kv.set("k", 1);
                return null;
            });
            assertEquals(1L, reader.reader("F").get("k")); // now cached

            other.run("F", kv -> {
                kv.set("k", 2);
                return null;
            });

            assertEquals(2L, reader.reader("F").get("k"));
        }
    }

    @Test
    void staleCachedRead_neverCommits_theRequestRunsAgainOnFreshData() throws SQLException {
        String schema = TestServer.freshSchema("cache");
        try (KvStore store = Backends.store(schema)) {
            store.run("F", kv -> {
                kv.set("n", 1);
                return null;
            });
            store.run("F", kv -> kv.get("n")); // cached
            // a change the cache cannot hear of: no notification
            MigrationsTest.exec("UPDATE " + schema + ".entries SET value = '5', "
                    + "version = nextval('" + schema + ".versions') WHERE key = 'n'");

            Long result = store.run("F", kv -> {
                long n = kv.get("n", Long.class);
                kv.set("n", n + 1);
                kv.set("other", 0); // two reads or writes: validated at commit
                return n + 1;
            });

            assertEquals(Long.valueOf(6), result);
        }
    }

    @Test
    void cacheOff_readsTheDatabaseEveryTime() throws SQLException {
        String schema = TestServer.freshSchema("cache");
        try (PostgresBackend b = Backends.backend(schema, "cache", "false")) {
            b.commit(set("k", "1"));
            b.read("F", "k");
            MigrationsTest.exec("UPDATE " + schema + ".entries SET value = '7' WHERE key = 'k'");

            assertArrayEquals(bytes("7"), b.read("F", "k").value());
        }
    }

    @Test
    void listenerConnectionLost_cacheStopsServingUntilItListensAgain() throws SQLException {
        String schema = TestServer.freshSchema("cache");
        String app = "kv4j_" + schema;
        List<LogRecord> logged = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                logged.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger.getLogger("io.kv4j.postgres").addHandler(handler);
        try (PostgresBackend b = Backends.listening(Backends.backend(schema,
                "ApplicationName", app))) {
            b.commit(set("k", "1"));
            b.read("F", "k");
            MigrationsTest.exec("SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity"
                    + " WHERE application_name = '" + app + "' AND query LIKE 'LISTEN%'");
            // the listener may be back before this loop looks: it waits a second at most
            long deadline = System.nanoTime() + 1_000_000_000L;
            while (b.cache().isOn() && System.nanoTime() < deadline) {
                Backends.sleep(5);
            }
            // changes while nobody listens are not heard of: the cache must not serve them
            MigrationsTest.exec("UPDATE " + schema + ".entries SET value = '3' WHERE key = 'k'");

            Backends.listening(b);

            assertArrayEquals(bytes("3"), b.read("F", "k").value());
            // operators hear of both: the cache went off, and came back
            assertTrue(logged.stream().anyMatch(r -> r.getLevel() == Level.WARNING
                    && r.getMessage().contains("Lost the connection listening on " + schema)),
                    "no warning logged");
            assertTrue(logged.stream().anyMatch(r -> r.getLevel() == Level.INFO
                    && r.getMessage().contains("Listening on {0} again")), "no recovery logged");
        } finally {
            Logger.getLogger("io.kv4j.postgres").removeHandler(handler);
        }
    }

    @Test
    void deleteCommittedLocally_isCachedAsMissing() {
        String schema = TestServer.freshSchema("cache");
        try (PostgresBackend b = Backends.listening(Backends.backend(schema))) {
            b.commit(set("k", "1"));
            Entry before = b.read("F", "k");

            b.commit(Commit.of(List.of(Commit.PointRead.of("F", "k", before.version())),
                    List.of(), List.of(Commit.Write.delete("F", "k"))));

            assertNull(b.read("F", "k"));
        }
    }

    private static Commit set(String key, String json) {
        return Commit.of(List.of(), List.of(), List.of(Commit.Write.put("F", key, bytes(json))));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
