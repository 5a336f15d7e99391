/**
 * The PostgreSQL backend: entries in one table keyed by (namespace, key), a commit validated and
 * applied by one server-side function in one round trip, a HikariCP pool, and a Caffeine read cache
 * kept fresh by LISTEN/NOTIFY. Open it with {@code kv:postgresql://host[:port]/database}; see
 * {@link io.kv4j.postgres.PostgresProvider} for the options.
 */
package io.kv4j.postgres;
