package io.kv4j.postgres;

import io.kv4j.tck.BackendTests;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole compatibility kit against PostgreSQL, as {@code kv tck} runs it, on the server of
 * {@link PostgresTckFixture}, which the kit finds through {@code META-INF/services}: every MUST
 * clause passes, the durability clauses and the cross-process part of KV-7.11 included.
 */
class CompatibilityKitTest {

    @Test
    void everyMustClausePassesOnPostgres(@TempDir Path reports) throws IOException {
        // the clauses that only the fixture's hooks and child JVMs make testable
        BackendTests.assertKitPasses(reports, PostgresTckFixture.class,
                List.of("KV-7.11", "KV-9.2", "KV-9.3", "KV-9.4"));
    }
}
