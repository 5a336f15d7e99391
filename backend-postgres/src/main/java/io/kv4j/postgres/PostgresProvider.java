package io.kv4j.postgres;

import io.kv4j.common.Option;
import io.kv4j.spi.BackendConfig;
import io.kv4j.spi.BackendException;
import io.kv4j.spi.KvBackend;
import io.kv4j.spi.KvProvider;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * Opens PostgreSQL storage for {@code kv:postgresql://host[:port]/database}, or
 * {@code kv:postgres://...}.
 *
 * <p>Options: {@code user}, {@code password}, {@code schema} (default {@code kv4j}),
 * {@code migrate} (default true), {@code pool-size} (10), {@code pool-timeout-ms} (5000),
 * {@code connect-timeout-ms} (10000), {@code cache} (true), {@code cache-max-bytes} (64 MiB),
 * {@code notify} (true), and any property of the PostgreSQL JDBC driver by its name, such as
 * {@code sslmode}. Any other name is refused. The module's README describes each option, the
 * schema and the cache.
 */
public final class PostgresProvider implements KvProvider {

    /** The largest value this backend stores, whatever its shape: see {@link #maxValueBytes}. */
    static final int MAX_VALUE_BYTES = 32 * 1024 * 1024;

    /** Creates the provider; it does no I/O until {@link #open}. */
    public PostgresProvider() {
    }

    @Override
    public int apiVersion() {
        return API_VERSION;
    }

    @Override
    public List<Option<?>> options() {
        return PgOption.table();
    }

    @Override
    public String scheme() {
        return "postgresql";
    }

    /**
     * {@inheritDoc}
     *
     * <p>32 MiB. A value is stored as {@code jsonb}, which PostgreSQL builds in memory with one
     * 32-byte slot per element of an array, in one allocation of at most 1 GiB: an array of more
     * than 2^24 elements is refused, and {@code [0,0,...]} reaches that at 33,554,435 bytes of
     * JSON. A {@code jsonb} value is also limited to 268,435,455 bytes, and it can be six times
     * larger than its JSON text (12 bytes for each element {@code 0,}), which 32 MiB of JSON stays
     * below too. The module's README says how this was measured.
     */
    @Override
    public int maxValueBytes() {
        return MAX_VALUE_BYTES;
    }

    @Override
    public boolean accepts(String url) {
        return url != null && (url.startsWith(PgSettings.SCHEME)
                || url.startsWith(PgSettings.ALIAS));
    }

    /**
     * {@inheritDoc}
     *
     * <p>Connects, then creates or upgrades the schema unless {@code migrate=false}.
     *
     * @throws BackendException {@link BackendException.Kind#CONFIGURATION} when the schema is missing or old and
     *     {@code migrate=false}, newer than this library, or the database is not UTF8
     */
    @Override
    public KvBackend open(BackendConfig config) {
        PgSettings settings = PgSettings.of(config);
        DataSource application = config.get(PgOption.DATA_SOURCE);
        DataSource direct = application != null ? application : Connections.source(settings);
        // the first connection is made by hand, once: a wrong address or password is reported at
        // once and as what it is, instead of as a pool that found no connection in time. A pool
        // that keeps idle connections (pool-min-idle) takes it as its first, instead of making
        // another; else it is closed, and the pool starts empty
        boolean adopt = application == null && settings.get(PgOption.POOL_MIN_IDLE) > 0;
        String as = application != null ? "through the application's data source"
                : "to database '" + settings.database() + "' at " + settings.servers() + " as "
                        + (settings.get(PgOption.USER).isEmpty() ? "the default user"
                                : "user '" + settings.get(PgOption.USER) + "'");
        Connection first;
        try {
            first = direct.getConnection();
        } catch (SQLException e) {
            // the engine's message names the store's URL; this one says what was tried
            UnknownHostException unknown = Failures.causeOf(e, UnknownHostException.class);
            if (unknown != null) {
                throw BackendException.configuration("Connecting " + as
                        + " failed: unknown host '" + unknown.getMessage() + "'", null, e);
            }
            throw Failures.ofConnecting(e, "Connecting " + as);
        }
        try {
            Migrations.apply(first, settings, settings.get(PgOption.MIGRATE));
        } catch (SQLException e) {
            // connected: what failed is the schema, and a missing right is named
            RuntimeException failure = Failures.of(e, "Opening schema " + settings.schema()
                    + " after connecting " + as, null, "42501".equals(e.getSQLState())
                            ? Privileges.lacking(first, settings.schema()) : null);
            close(first, failure);
            throw failure;
        } catch (RuntimeException e) {
            close(first, e);
            throw e;
        }
        if (!adopt) {
            Pool.close(first);
            first = null;
        }
        RecoveringDataSource recovering = null;
        Pool pool;
        if (application != null) {
            pool = Pool.of(application, settings.get(PgOption.CONNECT_TIMEOUT_MS),
                    settings.schema());
        } else {
            recovering = new RecoveringDataSource(direct, settings.servers(),
                    settings.get(PgOption.CONNECT_TIMEOUT_MS), first);
            pool = Pool.own(Connections.pool(settings, recovering,
                    config.get(PgOption.METER_REGISTRY)),
                    settings.get(PgOption.CONNECT_TIMEOUT_MS), settings.schema());
        }
        try {
            if (first != null) {
                // borrowed and given back at once: the pool now holds the first connection
                Pool.close(pool.connection("Opening " + settings.url()));
            }
            boolean caching = settings.get(PgOption.CACHE);
            boolean announcing = settings.get(PgOption.NOTIFY);
            // the listener's connection stays open as long as the store: with an application's
            // data source it is one of that pool's
            ChangeTransport transport = caching || announcing
                    ? new NotifyTransport(pool.dataSource(), direct, settings.channel(), announcing)
                    : ChangeTransport.NONE;
            Object registry = config.get(PgOption.METER_REGISTRY);
            ReadCache cache = caching ? new CaffeineReadCache(
                    settings.get(PgOption.CACHE_MAX_BYTES), registry, settings.schema())
                    : ReadCache.OFF;
            CachedReads reads = new CachedReads(settings.identity(), cache, transport);
            PostgresBackend backend = new PostgresBackend(settings, pool, reads);
            if (caching) {
                transport.receive(reads);
            }
            if (recovering != null) {
                recovering.opened();
            }
            return backend;
        } catch (RuntimeException e) {
            pool.close();
            if (recovering != null) {
                close(recovering.unclaimed(), e);
            }
            throw e;
        }
    }

    private static void close(Connection c, Exception failure) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException suppressed) {
                failure.addSuppressed(suppressed);
            }
        }
    }

    @Override
    public String toString() {
        return "PostgresProvider[kv:postgresql://host[:port]/database]";
    }
}
