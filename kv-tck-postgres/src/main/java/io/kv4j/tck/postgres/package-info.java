/**
 * The compatibility kit's fixtures for PostgreSQL: {@link io.kv4j.tck.postgres.EmbeddedPostgresFixture}
 * starts a server of its own with every durability hook,
 * {@link io.kv4j.tck.postgres.TestcontainersPostgresFixture} does the same in a container that
 * Testcontainers starts, and {@link io.kv4j.tck.postgres.PostgresFixture} adds the hooks it can to
 * a server that runs already. Chosen with {@code kv.tck.fixture} or {@code kv tck --fixture}, by
 * name or class name (the Testcontainers one by class name only); none registers itself for
 * {@code ServiceLoader}, so having this jar on the class path changes no other run.
 */
package io.kv4j.tck.postgres;
