package io.kv4j.cli;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
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

    /** A new schema name. */
    static String newSchema() {
        return "cli_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
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
