package io.kv4j.postgres;

import io.kv4j.spi.BackendConfig;
import io.kv4j.spi.KvUrls;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A store URL and its options, parsed and validated once, then frozen.
 *
 * <p>Grammar: {@code kv:postgresql://host[:port]/database}; an IPv6 host is written in brackets.
 * The request engine has checked the options against {@link PgOption#table()}: this backend's own
 * and the PostgreSQL JDBC driver's properties.
 */
final class PgSettings {

    static final String PREFIX = "kv:postgresql://";
    private static final int DEFAULT_PORT = 5432;

    private final BackendConfig config;
    private final String host;
    private final int port;
    private final String database;
    private final Map<String, String> driverProperties;

    private PgSettings(BackendConfig config, String host, int port, String database,
            Map<String, String> driverProperties) {
        this.config = config;
        this.host = host;
        this.port = port;
        this.database = database;
        this.driverProperties = driverProperties;
    }

    /** Parses a URL and options as the engine would hand them over; for tests and tools. */
    static PgSettings parse(String url, Map<String, String> options) {
        return of(BackendConfig.of(KvUrls.withoutQuery(url), options, PgOption.table()));
    }

    /**
     * Parses the URL of a configuration the engine has checked.
     *
     * @throws IllegalArgumentException naming the URL (redacted) and what is wrong with it
     */
    static PgSettings of(BackendConfig config) {
        String url = config.url();
        if (url == null || !url.startsWith(PREFIX)) {
            throw new IllegalArgumentException("A PostgreSQL store URL must look like "
                    + PREFIX + "host[:port]/database but was: " + KvUrls.redact(url));
        }
        String rest = url.substring(PREFIX.length());
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String database = slash < 0 ? "" : decode(rest.substring(slash + 1), url);
        if (authority.contains("@")) {
            throw new IllegalArgumentException("Put the user and password in the options "
                    + "'user' and 'password', not in the URL: " + KvUrls.redact(url));
        }
        if (database.isEmpty() || database.contains("/")) {
            throw new IllegalArgumentException("The URL names no database; it must look like "
                    + PREFIX + "host[:port]/database but was: " + KvUrls.redact(url));
        }
        String host;
        String portText = null;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("Unclosed '[' in the host of: "
                        + KvUrls.redact(url));
            }
            host = authority.substring(1, close);
            String after = authority.substring(close + 1);
            if (after.startsWith(":")) {
                portText = after.substring(1);
            } else if (!after.isEmpty()) {
                throw new IllegalArgumentException("Unexpected '" + after + "' after the host of: "
                        + KvUrls.redact(url));
            }
        } else {
            int colon = authority.indexOf(':');
            host = colon < 0 ? authority : authority.substring(0, colon);
            portText = colon < 0 ? null : authority.substring(colon + 1);
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("The URL names no host: " + KvUrls.redact(url));
        }
        int port = DEFAULT_PORT;
        if (portText != null) {
            try {
                port = Integer.parseInt(portText);
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException("The port must be an integer from 1 to 65535 "
                        + "but was: '" + portText + "' in " + KvUrls.redact(url));
            }
        }
        long outcome = config.integer(PgOption.OUTCOME_TIMEOUT_MS.key());
        long retention = config.integer(PgOption.COMMIT_ID_RETENTION_MS.key());
        if (retention < 2 * outcome) {
            throw new IllegalArgumentException(PgOption.COMMIT_ID_RETENTION_MS.key() + " ("
                    + retention + ") must be at least twice " + PgOption.OUTCOME_TIMEOUT_MS.key()
                    + " (" + outcome + ")");
        }
        Map<String, String> driver = new LinkedHashMap<>();
        config.given().forEach((name, value) -> {
            if (PgOption.isDriverProperty(name)) {
                driver.put(name, value.toString());
            }
        });
        return new PgSettings(config, host, port, database, driver);
    }

    private static String decode(String s, String url) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Bad percent-encoding in the database name of: "
                    + KvUrls.redact(url));
        }
    }

    String url() {
        return KvUrls.redact(config.url());
    }

    String host() {
        return host;
    }

    int port() {
        return port;
    }

    String database() {
        return database;
    }

    String get(PgOption option) {
        return config.text(option.key());
    }

    int integer(PgOption option) {
        return (int) config.integer(option.key());
    }

    boolean flag(PgOption option) {
        return config.bool(option.key());
    }

    String schema() {
        return get(PgOption.SCHEMA);
    }

    /** The LISTEN/NOTIFY channel of this schema's commits. */
    String channel() {
        return schema() + "_changes";
    }

    /** The driver properties given as options, to pass through. */
    Map<String, String> driverProperties() {
        return driverProperties;
    }

    /** Which stores share data: the same server, database and schema. */
    String identity() {
        return host + ":" + port + "/" + database + "/" + schema();
    }

    /** Everything but secrets, for messages and logs. */
    @Override
    public String toString() {
        return config.toString();
    }
}
