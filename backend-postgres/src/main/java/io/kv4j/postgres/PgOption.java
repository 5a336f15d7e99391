package io.kv4j.postgres;

import io.kv4j.common.KvUrl;
import io.kv4j.common.Option;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.postgresql.PGProperty;

/**
 * The backend's own options, typed: the one table the parser, the README and its test share.
 * Every property of the PostgreSQL JDBC driver is an option too ({@link #table()}), passed to
 * the driver as it is.
 */
final class PgOption {

    static final Option<String> USER = Option.text("user", "",
            "The database user; empty for the driver's default (the operating system user).");

    static final Option<String> PASSWORD = Option.secret("password",
            "The user's password; never shown in messages, logs or toString.");

    static final Option<String> SCHEMA = Option.text("schema", "kv4j", "[a-z_][a-z0-9_]{0,39}",
            "a lower-case SQL identifier of at most 40 characters ([a-z_][a-z0-9_]*)",
            "The schema holding the tables; created when migrate is on.");

    static final Option<Boolean> MIGRATE = Option.bool("migrate", true,
            "Create or upgrade the schema on open; when false, a missing or old schema is an error.");

    static final Option<String> PASSWORD_FILE = Option.text("password-file", "",
            "A file whose first line is the password, as container secrets are mounted; read on "
                    + "open. Without password and password-file, PGPASSWORD and then the "
                    + "driver's ~/.pgpass apply.");

    static final Option<DataSource> DATA_SOURCE = Option.object("data-source", DataSource.class,
            "An application's DataSource to take connections from instead of a pool of the "
                    + "store's own, which the store neither configures nor closes; the URL then "
                    + "only names the store, and the pool and connection options do not apply.");

    static final Option<Integer> POOL_SIZE = Option.integer("pool-size", 10, 1, 1_000,
            "The most connections in the pool (HikariCP maximumPoolSize).");

    static final Option<Integer> POOL_MIN_IDLE = Option.integer("pool-min-idle", 0, 0, 1_000,
            "The fewest idle connections the pool keeps open (HikariCP minimumIdle); 0 opens "
                    + "connections only as requests need them, and lets idle ones close.");

    static final Option<Integer> POOL_TIMEOUT_MS = Option.integer(
            "pool-timeout-ms", 5_000, 250, 3_600_000,
            "How long a call waits for a free pooled connection before a transient error.");

    static final Option<Integer> POOL_IDLE_TIMEOUT_MS = Option.integer(
            "pool-idle-timeout-ms", 600_000, 10_000,
            86_400_000, "How long a connection beyond pool-min-idle may sit idle before it is "
                    + "closed (HikariCP idleTimeout).");

    static final Option<Integer> POOL_MAX_LIFETIME_MS = Option.integer(
            "pool-max-lifetime-ms", 1_800_000, 30_000,
            86_400_000, "The longest a connection lives before the pool replaces it, once it is "
                    + "idle (HikariCP maxLifetime); keep it below any limit of the network or "
                    + "server.");

    static final Option<Integer> POOL_KEEPALIVE_MS = Option.integer(
            "pool-keepalive-ms", 120_000, 0, 86_400_000,
            "How often an idle connection is checked so that firewalls do not drop it (HikariCP "
                    + "keepaliveTime); 0 turns it off, else at least 30000 and below "
                    + "pool-max-lifetime-ms.");

    static final Option<Integer> POOL_LEAK_DETECTION_MS = Option.integer(
            "pool-leak-detection-ms", 0, 0, 86_400_000,
            "Log a warning when a connection is out of the pool longer than this (HikariCP "
                    + "leakDetectionThreshold); 0 turns it off, else at least 2000.");

    static final Option<Boolean> POOL_REGISTER_MBEANS = Option.bool("pool-register-mbeans", false,
            "Register the pool's JMX MBeans (HikariCP registerMbeans), named after the pool.");

    static final Option<Integer> CONNECT_TIMEOUT_MS = Option.integer(
            "connect-timeout-ms", 10_000, 1_000, 3_600_000,
            "How long opening one connection may take, rounded up to whole seconds.");

    static final Option<Boolean> CACHE = Option.bool("cache", true,
            "Serve point reads from a local cache kept fresh by LISTEN/NOTIFY and checked at commit.");

    static final Option<Integer> CACHE_MAX_BYTES = Option.integer(
            "cache-max-bytes", 67_108_864, 0, Integer.MAX_VALUE,
            "The cache's bound: the estimated bytes of keys and values it may hold.");

    static final Option<Boolean> NOTIFY = Option.bool("notify", true,
            "Announce the keys of every commit that writes, after it, for other caches; turn off "
                    + "only when no store on this schema caches.");

    static final Option<Integer> OUTCOME_TIMEOUT_MS = Option.integer(
            "outcome-timeout-ms", 10_000, 0, 3_600_000,
            "How long a commit whose answer was lost is looked up, and sent again when it had "
                    + "not landed, before its outcome is reported unknown; 0 reports it unknown at once.");

    static final Option<Object> METER_REGISTRY = Option.METER_REGISTRY;

    static final Option<Long> COMMIT_ID_RETENTION_MS = Option.longInteger(
            "commit-id-retention-ms", 600_000L, 60_000,
            86_400_000L * 30, "How long the id of a commit is kept for such lookups; at least "
                    + "twice outcome-timeout-ms.");

    /** This backend's own options, in the order of its README. */
    static final List<Option<?>> OWN = List.of(USER, PASSWORD, SCHEMA, MIGRATE, PASSWORD_FILE,
            DATA_SOURCE, POOL_SIZE, POOL_MIN_IDLE, POOL_TIMEOUT_MS, POOL_IDLE_TIMEOUT_MS,
            POOL_MAX_LIFETIME_MS, POOL_KEEPALIVE_MS, POOL_LEAK_DETECTION_MS, POOL_REGISTER_MBEANS,
            CONNECT_TIMEOUT_MS, CACHE, CACHE_MAX_BYTES, NOTIFY, OUTCOME_TIMEOUT_MS, METER_REGISTRY,
            COMMIT_ID_RETENTION_MS);

    /** Driver properties that the URL or our own options set; giving them again is ambiguous. */
    private static final Set<String> RESERVED = Set.of("user", "password", "PGHOST", "PGPORT",
            "PGDBNAME", "connectTimeout", "loginTimeout");

    private PgOption() {
    }

    /** Every option, made once: the options of one store must be the same objects as its table. */
    private static final List<Option<?>> TABLE = build();

    /**
     * Every option: this backend's own, then each property of the PostgreSQL JDBC driver but
     * those the URL and the options above set.
     */
    static List<Option<?>> table() {
        return TABLE;
    }

    private static List<Option<?>> build() {
        List<Option<?>> out = new ArrayList<>(OWN);
        for (PGProperty p : PGProperty.values()) {
            if (RESERVED.contains(p.getName()) || byKey(p.getName()) != null) {
                continue;
            }
            String doc = "PostgreSQL JDBC driver property: " + p.getDescription();
            String[] choices = p.getChoices();
            // a property with a fixed set of values is checked here, so that a wrong one is
            // refused before connecting, as a wrong option rather than a failed connection
            out.add(KvUrl.isSecret(p.getName()) ? Option.secret(p.getName(), doc)
                    : choices != null && choices.length > 0
                            ? Option.choice(p.getName(), null, List.of(choices), doc)
                            : Option.text(p.getName(), null, doc));
        }
        return List.copyOf(out);
    }

    /** Whether a name is one of the driver's properties rather than one of ours. */
    static boolean isDriverProperty(String name) {
        return byKey(name) == null && PGProperty.forName(name) != null;
    }

    static Option<?> byKey(String key) {
        for (Option<?> o : OWN) {
            if (o.name().equals(key)) {
                return o;
            }
        }
        return null;
    }
}
