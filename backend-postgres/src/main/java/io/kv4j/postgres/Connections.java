package io.kv4j.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.postgresql.PGProperty;

/**
 * Builds the driver's data source and the pool from the settings.
 */
final class Connections {

    private static final AtomicInteger POOLS = new AtomicInteger();

    private Connections() {
    }

    /**
     * Unpooled connections: the pool's source, and the change listener's. Every setting, the
     * password among them, goes to the driver as a connection property, never into a URL.
     */
    static DriverSource source(PgSettings s) {
        Properties p = new Properties();
        String user = s.get(PgOption.USER);
        if (user != null && !user.isEmpty()) {
            p.setProperty(PGProperty.USER.getName(), user);
        }
        String password = s.password();
        if (password != null) {
            p.setProperty(PGProperty.PASSWORD.getName(), password);
        }
        String connectSeconds = Integer.toString((s.get(PgOption.CONNECT_TIMEOUT_MS) + 999)
                / 1000);
        p.setProperty(PGProperty.CONNECT_TIMEOUT.getName(), connectSeconds);
        p.setProperty(PGProperty.LOGIN_TIMEOUT.getName(), connectSeconds);
        p.setProperty(PGProperty.APPLICATION_NAME.getName(), "kv4j");
        p.setProperty(PGProperty.TCP_KEEP_ALIVE.getName(), "true");
        p.putAll(s.driverProperties());
        return new DriverSource(s.servers(), s.database(), p);
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
        config.setMaximumPoolSize(s.get(PgOption.POOL_SIZE));
        config.setMinimumIdle(s.get(PgOption.POOL_MIN_IDLE));
        long timeout = s.get(PgOption.POOL_TIMEOUT_MS);
        config.setConnectionTimeout(timeout);
        config.setValidationTimeout(Math.max(250, Math.min(5_000, timeout / 2)));
        config.setIdleTimeout(s.get(PgOption.POOL_IDLE_TIMEOUT_MS));
        config.setMaxLifetime(s.get(PgOption.POOL_MAX_LIFETIME_MS));
        config.setKeepaliveTime(s.get(PgOption.POOL_KEEPALIVE_MS));
        config.setLeakDetectionThreshold(s.get(PgOption.POOL_LEAK_DETECTION_MS));
        config.setRegisterMbeans(s.get(PgOption.POOL_REGISTER_MBEANS));
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
