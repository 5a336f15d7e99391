package io.kv4j.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kv4j.KvStore;
import io.kv4j.KvUnavailableException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.JDBC;

/**
 * Another connection holding SQLite's write lock, as another process does: commits wait for it
 * up to busy-timeout-ms and then fail as unavailable, and reads never wait.
 */
class BusyTest {

    @Test
    void writeLockHeldElsewhere_commitFailsUnavailableAfterTheBusyTimeoutAndReadsGoOn(
            @TempDir Path dir) throws Exception {
        Path file = dir.resolve("busy.db");
        String url = "kv:sqlite:" + file + "?busy-timeout-ms=300&retry-timeout-ms=0";
        try (KvStore store = KvStore.open(url)) {
            store.run("f", kv -> {
                kv.set("k", 1);
                return null;
            });
            try (Connection other = JDBC.createConnection(JDBC.PREFIX + file, new Properties());
                    Statement st = other.createStatement()) {
                st.execute("BEGIN IMMEDIATE"); // SQLite's write lock, until ROLLBACK

                long start = System.nanoTime();
                KvUnavailableException e = assertThrows(KvUnavailableException.class,
                        () -> store.run("f", kv -> {
                            kv.set("k", 2);
                            return null;
                        }));
                long waitedMs = (System.nanoTime() - start) / 1_000_000;
                assertTrue(e.getMessage().contains("busy-timeout-ms=300"), e.getMessage());
                assertTrue(waitedMs >= 250 && waitedMs < 10_000, "waited " + waitedMs + " ms");

                assertEquals(1L, store.reader("f").get("k"), "a read while the lock is held");
                st.execute("ROLLBACK");
            }
            store.run("f", kv -> {
                kv.set("k", 3);
                return null;
            });
            assertEquals(3L, store.reader("f").get("k"));
        }
    }
}
