package io.kv4j.cli;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** The embedded PostgreSQL 17 of this test JVM, started on first use. */
final class Postgres {

    private static EmbeddedPostgres server;

    private Postgres() {
    }

    /** The URL of a store on a schema of its own, so that tests do not see each other. */
    static String url(String schema) {
        return "kv:postgresql://localhost:" + server().getPort() + "/postgres?user=postgres"
                + "&schema=" + schema;
    }

    /** The URL of a store of a user, with no password in it. */
    static String url(String schema, String user) {
        return "kv:postgresql://localhost:" + server().getPort() + "/postgres?user=" + user
                + "&schema=" + schema;
    }

    /** A new schema name. */
    static String newSchema() {
        return "cli_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** The first column of the first row of a query, as text. */
    static String one(String sql) throws SQLException {
        try (Connection c = server().getPostgresDatabase().getConnection();
                Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /**
     * A role that must give its password (SCRAM) over TCP, and may create its schema. The
     * server's pg_hba.conf gets a line for it before its trust lines.
     */
    static synchronized void passwordRole(String role, String password) throws Exception {
        try (Connection c = server().getPostgresDatabase().getConnection();
                Statement st = c.createStatement()) {
            st.execute("DO $$ BEGIN CREATE ROLE " + role + " LOGIN SUPERUSER;"
                    + " EXCEPTION WHEN duplicate_object THEN NULL; END $$");
            st.execute("ALTER ROLE " + role + " PASSWORD '" + password + "'");
            Path hba = Path.of(one("SHOW hba_file"));
            String rules = Files.readString(hba, StandardCharsets.UTF_8);
            String mine = "host all " + role + " 127.0.0.1/32 scram-sha-256\n"
                    + "host all " + role + " ::1/128 scram-sha-256\n";
            if (!rules.contains(mine)) {
                Files.writeString(hba, mine + rules, StandardCharsets.UTF_8);
                st.execute("SELECT pg_reload_conf()");
            }
        }
        // the postmaster rereads the file on its own time: wait until it asks for a password
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            try {
                server().getDatabase(role, "postgres").getConnection().close();
            } catch (SQLException e) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the server does not ask " + role + " for a password");
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().setRegisterShutdownHook(true).start();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
            }
        }
        return server;
    }
}
