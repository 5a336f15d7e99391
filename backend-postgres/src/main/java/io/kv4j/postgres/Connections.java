package io.kv4j.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Builds the driver's data source and the pool from the settings.
 */
final class Connections {

    private static final AtomicInteger POOLS = new AtomicInteger();

    private Connections() {
    }

    /** Unpooled connections: the pool's source, and the change listener's. */
    static PGSimpleDataSource source(PgSettings s) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(s.hosts().toArray(new String[0]));
        ds.setPortNumbers(s.ports().stream().mapToInt(Integer::intValue).toArray());
        ds.setDatabaseName(s.database());
        String user = s.get(PgOption.USER);
        if (user != null && !user.isEmpty()) {
            ds.setUser(user);
        }
        String password = s.password();
        if (password != null) {
            ds.setPassword(password);
        }
        int connectSeconds = (s.integer(PgOption.CONNECT_TIMEOUT_MS) + 999) / 1000;
        ds.setConnectTimeout(connectSeconds);
        ds.setLoginTimeout(connectSeconds);
        ds.setApplicationName("kv4j");
        ds.setTcpKeepAlive(true);
        for (Map.Entry<String, String> p : s.driverProperties().entrySet()) {
            try {
                ds.setProperty(p.getKey(), p.getValue());
            } catch (SQLException e) {
                throw new IllegalArgumentException("Option '" + p.getKey() + "' was refused by the "
                        + "PostgreSQL JDBC driver: " + e.getMessage(), e);
            }
        }
        return ds;
    }

    /**
     * The store's own pool over {@code source}.
     *
     * @param registry a Micrometer registry for the pool's meters, or null
     */
    static HikariDataSource pool(PgSettings s, DataSource source, Object registry) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("kv4j-postgres-" + POOLS.incrementAndGet());
        config.setDataSource(source);
        config.setMaximumPoolSize(s.integer(PgOption.POOL_SIZE));
        config.setMinimumIdle(s.integer(PgOption.POOL_MIN_IDLE));
        long timeout = s.integer(PgOption.POOL_TIMEOUT_MS);
        config.setConnectionTimeout(timeout);
        config.setValidationTimeout(Math.max(250, Math.min(5_000, timeout / 2)));
        config.setIdleTimeout(s.integer(PgOption.POOL_IDLE_TIMEOUT_MS));
        config.setMaxLifetime(s.integer(PgOption.POOL_MAX_LIFETIME_MS));
        config.setKeepaliveTime(s.integer(PgOption.POOL_KEEPALIVE_MS));
        config.setLeakDetectionThreshold(s.integer(PgOption.POOL_LEAK_DETECTION_MS));
        config.setRegisterMbeans(s.flag(PgOption.POOL_REGISTER_MBEANS));
        config.setAutoCommit(true);
        if (registry != null) {
            PgMeters.bindPool(registry, config);
        }
        // the store's first connection was made before the pool (PostgresProvider.open), which
        // therefore starts without one
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }
}
