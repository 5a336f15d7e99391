package io.kv4j.sqlite;

import io.kv4j.spi.BackendConfig;
import io.kv4j.spi.Commit;
import io.kv4j.spi.Entry;
import io.kv4j.spi.KvBackend;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The backend of a file opened as the request engine opens it, and commits written briefly. */
final class Spi {

    private Spi() {
    }

    static KvBackend open(Path file) {
        SqliteProvider provider = new SqliteProvider();
        return provider.open(BackendConfig.of("kv:sqlite:" + file, Map.of(),
                provider.options()));
    }

    static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String text(Entry e) {
        return e == null ? null : new String(e.value(), StandardCharsets.UTF_8);
    }

    /** Commits writes alone, returning their version. */
    static long write(KvBackend backend, Commit.Write... writes) {
        return backend.commit(Commit.of(UUID.randomUUID(), List.of(), List.of(),
                List.of(writes)));
    }

    /** Puts each key of a namespace with its own key, as a JSON string, for its value. */
    static long put(KvBackend backend, String namespace, String... keys) {
        Commit.Write[] writes = new Commit.Write[keys.length];
        for (int i = 0; i < keys.length; i++) {
            writes[i] = Commit.Write.put(namespace, keys[i], json("\"v\""));
        }
        return write(backend, writes);
    }
}
