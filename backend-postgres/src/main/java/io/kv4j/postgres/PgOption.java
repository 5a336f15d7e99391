package io.kv4j.postgres;

import io.kv4j.spi.KvUrls;
import io.kv4j.spi.OptionDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.postgresql.PGProperty;

/**
 * The backend's own options: the one table the parser, the README and its test share. Every
 * property of the PostgreSQL JDBC driver is an option too ({@link #table()}), passed to the
 * driver as it is.
 */
enum PgOption {

    USER(OptionDescriptor.text("user", "",
            "The database user; empty for the driver's default (the operating system user).")),
    PASSWORD(OptionDescriptor.secret("password",
            "The user's password; never shown in messages, logs or toString.")),
    SCHEMA(OptionDescriptor.text("schema", "kv4j", "[a-z_][a-z0-9_]{0,39}",
            "a lower-case SQL identifier of at most 40 characters ([a-z_][a-z0-9_]*)",
            "The schema holding the tables; created when migrate is on.")),
    MIGRATE(OptionDescriptor.bool("migrate", true,
            "Create or upgrade the schema on open; when false, a missing or old schema is an error.")),
    PASSWORD_FILE(OptionDescriptor.text("password-file", "",
            "A file whose first line is the password, as container secrets are mounted; read on "
                    + "open. Without password and password-file, PGPASSWORD and then the "
                    + "driver's ~/.pgpass apply.")),
    DATA_SOURCE(OptionDescriptor.object("data-source", "javax.sql.DataSource",
            "An application's DataSource to take connections from instead of a pool of the "
                    + "store's own, which the store neither configures nor closes; the URL then "
                    + "only names the store, and the pool and connection options do not apply.")),
    POOL_SIZE(OptionDescriptor.integer("pool-size", 10L, 1, 1_000,
            "The most connections in the pool (HikariCP maximumPoolSize).")),
    POOL_MIN_IDLE(OptionDescriptor.integer("pool-min-idle", 0L, 0, 1_000,
            "The fewest idle connections the pool keeps open (HikariCP minimumIdle); 0 opens "
                    + "connections only as requests need them, and lets idle ones close.")),
    POOL_TIMEOUT_MS(OptionDescriptor.integer("pool-timeout-ms", 5_000L, 250, 3_600_000,
            "How long a call waits for a free pooled connection before a transient error.")),
    POOL_IDLE_TIMEOUT_MS(OptionDescriptor.integer("pool-idle-timeout-ms", 600_000L, 10_000,
            86_400_000, "How long a connection beyond pool-min-idle may sit idle before it is "
                    + "closed (HikariCP idleTimeout).")),
    POOL_MAX_LIFETIME_MS(OptionDescriptor.integer("pool-max-lifetime-ms", 1_800_000L, 30_000,
            86_400_000, "The longest a connection lives before the pool replaces it, once it is "
                    + "idle (HikariCP maxLifetime); keep it below any limit of the network or "
                    + "server.")),
    POOL_KEEPALIVE_MS(OptionDescriptor.integer("pool-keepalive-ms", 120_000L, 0, 86_400_000,
            "How often an idle connection is checked so that firewalls do not drop it (HikariCP "
                    + "keepaliveTime); 0 turns it off, else at least 30000 and below "
                    + "pool-max-lifetime-ms.")),
    POOL_LEAK_DETECTION_MS(OptionDescriptor.integer("pool-leak-detection-ms", 0L, 0, 86_400_000,
            "Log a warning when a connection is out of the pool longer than this (HikariCP "
                    + "leakDetectionThreshold); 0 turns it off, else at least 2000.")),
    POOL_REGISTER_MBEANS(OptionDescriptor.bool("pool-register-mbeans", false,
            "Register the pool's JMX MBeans (HikariCP registerMbeans), named after the pool.")),
    CONNECT_TIMEOUT_MS(OptionDescriptor.integer("connect-timeout-ms", 10_000L, 1_000, 3_600_000,
            "How long opening one connection may take, rounded up to whole seconds.")),
    CACHE(OptionDescriptor.bool("cache", true,
            "Serve point reads from a local cache kept fresh by LISTEN/NOTIFY and checked at commit.")),
    CACHE_MAX_BYTES(OptionDescriptor.integer("cache-max-bytes", 67_108_864L, 0, Integer.MAX_VALUE,
            "The cache's bound: the estimated bytes of keys and values it may hold.")),
    NOTIFY(OptionDescriptor.bool("notify", true,
            "Announce the keys of every commit that writes, after it, for other caches; turn off "
                    + "only when no store on this schema caches.")),
    OUTCOME_TIMEOUT_MS(OptionDescriptor.integer("outcome-timeout-ms", 10_000L, 0, 3_600_000,
            "How long a commit whose answer was lost is looked up, and sent again when it had "
                    + "not landed, before its outcome is reported unknown; 0 reports it unknown at once.")),
    METER_REGISTRY(OptionDescriptor.object("meter-registry",
            "io.micrometer.core.instrument.MeterRegistry", "A Micrometer MeterRegistry for the "
                    + "pool's meters (HikariCP's own, hikaricp.*) and the cache's (cache.* with "
                    + "cache=kv4j.cache, and kv4j.cache.bytes); the request engine binds its "
                    + "meters to it as well.")),
    COMMIT_ID_RETENTION_MS(OptionDescriptor.integer("commit-id-retention-ms", 600_000L, 60_000,
            86_400_000L * 30, "How long the id of a commit is kept for such lookups; at least "
                    + "twice outcome-timeout-ms."));

    /** Driver properties that the URL or our own options set; giving them again is ambiguous. */
    private static final Set<String> RESERVED = Set.of("user", "password", "PGHOST", "PGPORT",
            "PGDBNAME", "connectTimeout", "loginTimeout");

    private final OptionDescriptor descriptor;

    PgOption(OptionDescriptor descriptor) {
        this.descriptor = descriptor;
    }

    String key() {
        return descriptor.name();
    }

    OptionDescriptor descriptor() {
        return descriptor;
    }

    /**
     * Every option: this backend's own, then each property of the PostgreSQL JDBC driver but
     * those the URL and the options above set.
     */
    static List<OptionDescriptor> table() {
        List<OptionDescriptor> out = new ArrayList<>();
        for (PgOption o : values()) {
            out.add(o.descriptor);
        }
        for (PGProperty p : PGProperty.values()) {
            if (RESERVED.contains(p.getName()) || byKey(p.getName()) != null) {
                continue;
            }
            String doc = "PostgreSQL JDBC driver property: " + p.getDescription();
            String[] choices = p.getChoices();
            // a property with a fixed set of values is checked here, so that a wrong one is
            // refused before connecting, as a wrong option rather than a failed connection
            out.add(KvUrls.isSecret(p.getName()) ? OptionDescriptor.secret(p.getName(), doc)
                    : choices != null && choices.length > 0
                            ? OptionDescriptor.choice(p.getName(), null, List.of(choices), doc)
                            : OptionDescriptor.text(p.getName(), null, doc));
        }
        return List.copyOf(out);
    }

    /** Whether a name is one of the driver's properties rather than one of ours. */
    static boolean isDriverProperty(String name) {
        return byKey(name) == null && PGProperty.forName(name) != null;
    }

    static PgOption byKey(String key) {
        for (PgOption o : values()) {
            if (o.key().equals(key)) {
                return o;
            }
        }
        return null;
    }
}
