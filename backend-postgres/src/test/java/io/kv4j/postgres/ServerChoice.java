package io.kv4j.postgres;

import java.util.function.BooleanSupplier;

/**
 * Which PostgreSQL the tests use, from checked-in defaults that the environment overrides:
 * {@code KV_TEST_POSTGRES_URL} (environment variable or system property) names an external server
 * as a store URL, such as {@code kv:postgresql://db:5432/kv?user=kv&password=secret};
 * otherwise {@code -Dkv.test.postgres=testcontainers} asks for a container, which needs Docker;
 * otherwise an embedded PostgreSQL 17 runs inside the build.
 *
 * @param kind where the server comes from
 * @param url the external server's store URL; null for the other kinds
 */
record ServerChoice(Kind kind, String url) {

    static final String URL_VARIABLE = "KV_TEST_POSTGRES_URL";
    static final String KIND_PROPERTY = "kv.test.postgres";

    enum Kind { EXTERNAL, TESTCONTAINERS, EMBEDDED }

    /**
     * Decides.
     *
     * @param env the environment variable, or null
     * @param urlProperty the system property of the same name, or null; wins over {@code env}
     * @param kindProperty {@code embedded}, {@code testcontainers}, or null
     * @param docker whether Docker is reachable; asked only when a container is wanted
     * @throws IllegalStateException when a container is asked for and Docker is not there, or the
     *     kind is unknown
     */
    static ServerChoice choose(String env, String urlProperty, String kindProperty,
            BooleanSupplier docker) {
        String url = blank(urlProperty) ? env : urlProperty;
        if (!blank(url)) {
            return new ServerChoice(Kind.EXTERNAL, url.trim());
        }
        if (blank(kindProperty) || kindProperty.trim().equals("embedded")) {
            return new ServerChoice(Kind.EMBEDDED, null);
        }
        if (kindProperty.trim().equals("testcontainers")) {
            if (!docker.getAsBoolean()) {
                throw new IllegalStateException("-D" + KIND_PROPERTY + "=testcontainers asks for "
                        + "a PostgreSQL container but Docker is not available; drop the property "
                        + "to use the embedded server, or set " + URL_VARIABLE);
            }
            return new ServerChoice(Kind.TESTCONTAINERS, null);
        }
        throw new IllegalStateException("-D" + KIND_PROPERTY + " must be embedded or "
                + "testcontainers but was: " + kindProperty);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
