package io.kv4j.postgres;

import io.kv4j.spi.KvUrls;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The backend's own options: the one table the parser, the README and its test share. Options not
 * listed here are passed to the PostgreSQL JDBC driver when they are among its properties.
 */
enum PgOption {

    USER("user", Type.STRING, "",
            "The database user; empty for the driver's default (the operating system user)."),
    PASSWORD("password", Type.SECRET, "",
            "The user's password; never shown in messages, logs or toString."),
    SCHEMA("schema", Type.IDENTIFIER, "kv4j",
            "The schema holding the tables and the commit function; created when migrate is on."),
    MIGRATE("migrate", Type.BOOLEAN, "true",
            "Create or upgrade the schema on open; when false, a missing or old schema is an error."),
    POOL_SIZE("pool-size", Type.integer(1, 1_000), "10",
            "The most connections in the pool (HikariCP maximumPoolSize)."),
    POOL_TIMEOUT_MS("pool-timeout-ms", Type.integer(250, 3_600_000), "5000",
            "How long a call waits for a free pooled connection before a transient error."),
    CONNECT_TIMEOUT_MS("connect-timeout-ms", Type.integer(1_000, 3_600_000), "10000",
            "How long opening one connection may take, rounded up to whole seconds."),
    CACHE("cache", Type.BOOLEAN, "true",
            "Serve point reads from a local cache kept fresh by LISTEN/NOTIFY and checked at commit."),
    CACHE_MAX_BYTES("cache-max-bytes", Type.integer(0, Integer.MAX_VALUE), "67108864",
            "The cache's bound: the estimated bytes of keys and values it may hold."),
    NOTIFY("notify", Type.BOOLEAN, "true",
            "Announce the keys of every commit that writes, after it, for other caches; turn off "
                    + "only when no store on this schema caches.");

    private final String key;
    private final Type type;
    private final String defaultValue;
    private final String description;

    PgOption(String key, Type type, String defaultValue, String description) {
        this.key = key;
        this.type = type;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    String key() {
        return key;
    }

    /** The type as the README shows it. */
    String typeName() {
        return type.name;
    }

    String defaultValue() {
        return defaultValue;
    }

    String description() {
        return description;
    }

    static PgOption byKey(String key) {
        for (PgOption o : values()) {
            if (o.key.equals(key)) {
                return o;
            }
        }
        return null;
    }

    /**
     * Checks a value and returns it normalised.
     *
     * @throws IllegalArgumentException naming the option; never showing a secret value
     */
    String check(String value) {
        String problem = type.problem(value);
        if (problem != null) {
            String shown = KvUrls.isSecret(key) || type == Type.SECRET ? "<masked>" : value;
            throw new IllegalArgumentException("Option '" + key + "' must be " + problem
                    + " but was: " + shown);
        }
        return type == Type.BOOLEAN ? value.toLowerCase(Locale.ROOT) : value;
    }

    /** How an option's value is checked. */
    static final class Type {
        static final Type STRING = new Type("string", null, 0, 0);
        static final Type SECRET = new Type("secret", null, 0, 0);
        static final Type BOOLEAN = new Type("boolean", null, 0, 0);
        static final Type IDENTIFIER = new Type("identifier", null, 0, 0);

        private static final Pattern IDENT = Pattern.compile("[a-z_][a-z0-9_]{0,39}");

        final String name;
        private final Pattern pattern;
        private final long min;
        private final long max;

        private Type(String name, Pattern pattern, long min, long max) {
            this.name = name;
            this.pattern = pattern;
            this.min = min;
            this.max = max;
        }

        static Type integer(long min, long max) {
            return new Type("integer", Pattern.compile("-?[0-9]{1,18}"), min, max);
        }

        private String problem(String value) {
            switch (name) {
                case "boolean":
                    String v = value.toLowerCase(Locale.ROOT);
                    return v.equals("true") || v.equals("false") ? null : "true or false";
                case "identifier":
                    return IDENT.matcher(value).matches() ? null
                            : "a lower-case SQL identifier of at most 40 characters "
                                    + "([a-z_][a-z0-9_]*)";
                case "integer":
                    String range = "an integer from " + min + " to " + max;
                    if (!pattern.matcher(value).matches()) {
                        return range;
                    }
                    long n = Long.parseLong(value);
                    return n < min || n > max ? range : null;
                default:
                    return null;
            }
        }
    }
}
