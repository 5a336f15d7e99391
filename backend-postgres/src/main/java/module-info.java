/**
 * The PostgreSQL backend, for URLs {@code kv:postgresql://host[:port]/database}.
 *
 * <p>The PostgreSQL JDBC driver is an automatic module (it has no module-info of its own).
 */
@SuppressWarnings("requires-automatic")
module io.kv4j.postgres {
    requires io.kv4j.spi;
    requires java.sql;
    requires com.zaxxer.hikari;
    requires org.postgresql.jdbc;
    requires com.github.benmanes.caffeine;
    // meters, only when an application hands in a MeterRegistry
    requires static micrometer.core;

    provides io.kv4j.spi.KvProvider with io.kv4j.postgres.PostgresProvider;
}
