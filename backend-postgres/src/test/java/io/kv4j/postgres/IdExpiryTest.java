package io.kv4j.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Old commit ids go, a batch at a time, through the index on their time; recent ones stay. */
class IdExpiryTest {

    @Test
    void expiry_deletesOnlyOldIds_throughTheIndex() throws Exception {
        String schema = TestServer.freshSchema("expiry");
        Backends.backend(schema, "cache", "false").close();
        CommitStatements call = new CommitStatements(schema, Migrations.lockSeed(schema));
        try (Connection c = TestServer.get().admin(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO " + schema + ".commits (id, version, at)"
                    + " SELECT gen_random_uuid(), g, now() - interval '2 hours'"
                    + " FROM generate_series(1, 100000) g");
            st.execute("INSERT INTO " + schema + ".commits (id, version)"
                    + " SELECT gen_random_uuid(), g FROM generate_series(1, 5000) g");
            st.execute("ANALYZE " + schema + ".commits");

            c.setAutoCommit(false);
            assertEquals(IdExpiry.BATCH, call.expireIds(c, 3_600_000, IdExpiry.BATCH));
            try (ResultSet rs = st.executeQuery("SELECT coalesce(seq_scan, 0), coalesce(idx_scan, 0)"
                    + " FROM pg_stat_xact_user_tables WHERE relid = '" + schema
                    + ".commits'::regclass")) {
                rs.next();
                assertEquals(0, rs.getLong(1), "the expiry scanned the whole table");
                assertTrue(rs.getLong(2) >= 1, "the expiry used no index");
            }
            c.commit();
            c.setAutoCommit(true);

            int deleted = IdExpiry.BATCH;
            while (true) {
                int n = call.expireIds(c, 3_600_000, IdExpiry.BATCH);
                deleted += n;
                if (n < IdExpiry.BATCH) {
                    break;
                }
            }
            assertEquals(100_000, deleted);
            assertEquals("5000", MigrationsTest.one("SELECT count(*) FROM " + schema + ".commits"));
        }
    }

    @Test
    void theLongestRetentionTheOptionTakes_opens() {
        // thirty days in milliseconds is beyond an int: read as one, it turned negative
        String schema = TestServer.freshSchema("expiry");
        try (PostgresBackend b = Backends.backend(schema, "cache", "false",
                "commit-id-retention-ms", String.valueOf(86_400_000L * 30))) {
            assertEquals(null, b.read("F", "k"));
        }
    }
}
