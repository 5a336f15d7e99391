package io.kv4j.sqlite;

import io.kv4j.tck.BackendTests;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's option table and {@link SqliteOption} say the same; {@code -Dkv.write-table=true}
 * rewrites the table.
 */
class OptionTableTest {

    @Test
    void readmeTable_matchesOptions() throws IOException {
        BackendTests.assertOptionTable(Path.of("README.md"), SqliteOption.table());
    }
}
