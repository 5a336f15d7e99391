package io.kv4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kv4j.spi.KvProvider;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every adapter does the same work: after the same operations each leaves the same values, so
 * the benchmarks compare like with like. The PostgreSQL adapters run against an embedded server,
 * the SQLite ones on a temporary file.
 */
class AdaptersTest {

    private static final List<String> KEYS = List.of(Keys.first(10));

    @TempDir
    Path dir;

    private TrialDatabase database;
    private Adapter adapter;

    @AfterEach
    void close() throws Exception {
        if (adapter != null) {
            adapter.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @AfterAll
    static void stopServer() throws Exception {
        Servers.stopStarted();
    }

    private Adapter open(String which) throws Exception {
        String[] parts = which.split(":");
        if (parts[0].equals("memory")) {
            adapter = Adapters.memory(parts[1]);
        } else if (parts[0].equals("sqlite")) {
            adapter = Adapters.sqlite(parts[1], dir.resolve("bench.db"));
        } else {
            if (parts[1].equals(Adapters.KV4J)) {
                assumeTrue(hasPostgresProvider(), "kv4j's PostgreSQL backend is not on the class path");
            }
            database = TrialDatabase.create(Servers.FSYNC_OFF);
            adapter = Adapters.postgres(parts[1], database);
        }
        adapter.load(KEYS);
        return adapter;
    }

    private static boolean hasPostgresProvider() {
        return ServiceLoader.load(KvProvider.class).stream()
                .anyMatch(p -> p.get().scheme().equals("postgresql"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory:kv4j", "memory:map", "postgres:kv4j", "postgres:jdbc",
            "postgres:jdbc-autocommit", "sqlite:kv4j", "sqlite:jdbc"})
    void readModifyWrite_twice_leavesCountTwo(String which) throws Exception {
        Adapter a = open(which);
        a.readModifyWrite("user/0000003");
        a.readModifyWrite("user/0000003");
        assertEquals(new Item("user/0000003", 2, List.of("blue", "large")), a.read("user/0000003"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory:kv4j", "memory:map", "postgres:kv4j", "postgres:jdbc",
            "postgres:jdbc-autocommit", "sqlite:kv4j", "sqlite:jdbc"})
    void readModifyWrite_counted_twice_leavesCountTwo(String which) throws Exception {
        Adapter a = open(which);
        AttemptCounter counter = new AttemptCounter();
        a.readModifyWrite("user/0000003", counter);
        a.readModifyWrite("user/0000003", counter);
        assertEquals(new Item("user/0000003", 2, List.of("blue", "large")), a.read("user/0000003"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory:kv4j", "postgres:kv4j", "sqlite:kv4j"})
    void readModifyWrite_kv4jAlone_countsOneAttemptPerRequest(String which) throws Exception {
        Adapter a = open(which);
        AttemptCounter counter = new AttemptCounter();
        a.readModifyWrite("user/0000003", counter);
        a.readModifyWrite("user/0000004", counter);
        a.readModifyWrite("user/0000003", counter);
        assertEquals(List.of(3L, 3L), List.of(counter.attempts, counter.requests), "attempts, requests");
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory:map", "postgres:jdbc", "postgres:jdbc-autocommit",
            "sqlite:jdbc"})
    void readModifyWrite_baseline_countsNothing(String which) throws Exception {
        Adapter a = open(which);
        AttemptCounter counter = new AttemptCounter();
        a.readModifyWrite("user/0000003", counter);
        assertEquals(List.of(0L, 0L), List.of(counter.attempts, counter.requests), "attempts, requests");
    }

    @Test
    void readModifyWrite_kv4j_countsEveryRunOfTheBody() {
        try (Kv4jAdapter a = new Kv4jAdapter(ConflictingProvider.URL)) {
            a.load(KEYS);
            AttemptCounter counter = new AttemptCounter();
            a.readModifyWrite("user/0000003", counter);
            a.readModifyWrite("user/0000003", counter);
            assertEquals(List.of(4L, 2L), List.of(counter.attempts, counter.requests),
                    "attempts, requests");
            assertEquals(List.of(2L, 0L, 0L), List.of(counter.changed, counter.serialization,
                    counter.deadlock), "refused commits by cause");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory:kv4j", "memory:map", "postgres:kv4j", "postgres:jdbc",
            "postgres:jdbc-autocommit", "sqlite:kv4j", "sqlite:jdbc"})
    void readModifyWrite_leavesOtherKeysAlone(String which) throws Exception {
        Adapter a = open(which);
        a.readModifyWrite("user/0000003");
        assertEquals(Item.initial("user/0000004"), a.read("user/0000004"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory:kv4j", "memory:map", "postgres:kv4j", "postgres:jdbc",
            "postgres:jdbc-autocommit", "sqlite:kv4j", "sqlite:jdbc"})
    void writeAll_storesTheValueUnderEveryKey(String which) throws Exception {
        Adapter a = open(which);
        Item value = new Item("written", 7, List.of("x"));
        a.writeAll(KEYS.subList(2, 8), value);
        for (int i = 0; i < KEYS.size(); i++) {
            Item expected = i >= 2 && i < 8 ? value : Item.initial(KEYS.get(i));
            assertEquals(expected, a.read(KEYS.get(i)), KEYS.get(i));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory:kv4j", "memory:map", "postgres:kv4j", "postgres:jdbc",
            "postgres:jdbc-autocommit", "sqlite:kv4j", "sqlite:jdbc"})
    void read_missingKey_returnsNull(String which) throws Exception {
        assertNull(open(which).read("user/9999999"));
    }
}
