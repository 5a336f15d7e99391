package io.kv4j.sqlite;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.kv4j.spi.BackendConfig;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The connections run the statements the store asks for, and none of the driver's own. */
class StatementsTest {

    @Test
    void anInsert_isNotFollowedByALookupOfTheKeysItGenerated(@TempDir Path dir)
            throws Exception {
        SqliteProvider provider = new SqliteProvider();
        SqliteSettings settings = SqliteSettings.of(BackendConfig.of("kv:sqlite:"
                + dir.resolve("statements.db"), Map.of(), provider.options()));
        try (SqliteFile file = new SqliteFile(settings, true)) {
            file.write(w -> {
                w.execute("CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT)");
                PreparedStatement insert = w.prepare("INSERT INTO t (v) VALUES ('x')");
                insert.executeUpdate();
                // the driver answers here only when it ran SELECT last_insert_rowid() after it
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    assertFalse(keys.next(), "the driver looked up the generated keys");
                }
                return null;
            });
        }
    }
}
