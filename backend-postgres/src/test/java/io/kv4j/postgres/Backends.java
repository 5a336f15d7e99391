package io.kv4j.postgres;

import io.kv4j.KvStore;
import io.kv4j.spi.BackendConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/** Opening stores and backends on the test server, each test on a schema of its own. */
final class Backends {

    private Backends() {
    }

    /** Options for {@code schema} plus {@code extra} as name, value, name, value... */
    static Map<String, String> options(String schema, String... extra) {
        Map<String, String> out = new LinkedHashMap<>(TestServer.get().options(schema));
        for (int i = 0; i < extra.length; i += 2) {
            out.put(extra[i], extra[i + 1]);
        }
        return out;
    }

    static PostgresBackend backend(String schema, String... extra) {
        return (PostgresBackend) new PostgresProvider().open(BackendConfig.of(TestServer.get().url(),
                options(schema, extra), PgOption.table()));
    }

    static KvStore store(String schema, String... extra) {
        return KvStore.open(TestServer.get().url(), options(schema, extra));
    }

    /** Waits until the backend's cache serves, that is its listener listens. */
    static PostgresBackend listening(PostgresBackend backend) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!backend.cache().isOn()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the change listener did not start within 10 s");
            }
            sleep(10);
        }
        return backend;
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
