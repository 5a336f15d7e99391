package io.kv4j.postgres;

import io.kv4j.spi.KvUrls;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.postgresql.PGProperty;

/**
 * A store URL and its options, parsed and validated once, then frozen.
 *
 * <p>Grammar: {@code kv:postgresql://host[:port]/database}; an IPv6 host is written in brackets.
 * Options come from the URL's query and from the caller's map (the map wins, see
 * {@code KvStore.open}); a name that is neither a {@link PgOption} nor a property of the PostgreSQL
 * JDBC driver is an error.
 */
final class PgSettings {

    static final String PREFIX = "kv:postgresql://";
    private static final int DEFAULT_PORT = 5432;
    /** Driver properties that the URL or our own options set; giving them again is ambiguous. */
    private static final Set<String> RESERVED = Set.of("user", "password", "PGHOST", "PGPORT",
            "PGDBNAME", "connectTimeout", "loginTimeout");

    private final String url;
    private final String host;
    private final int port;
    private final String database;
    private final Map<PgOption, String> values;
    private final Map<String, String> driverProperties;

    private PgSettings(String url, String host, int port, String database,
            Map<PgOption, String> values, Map<String, String> driverProperties) {
        this.url = url;
        this.host = host;
        this.port = port;
        this.database = database;
        this.values = values;
        this.driverProperties = driverProperties;
    }

    /**
     * Parses and validates.
     *
     * @throws IllegalArgumentException naming the URL (redacted) or the option
     */
    static PgSettings parse(String url, Map<String, String> options) {
        if (url == null || !url.startsWith(PREFIX)) {
            throw new IllegalArgumentException("A PostgreSQL store URL must look like "
                    + PREFIX + "host[:port]/database but was: " + KvUrls.redact(url));
        }
        String rest = KvUrls.withoutQuery(url).substring(PREFIX.length());
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
        Map<PgOption, String> values = new EnumMap<>(PgOption.class);
        Map<String, String> driver = new LinkedHashMap<>();
        for (Map.Entry<String, String> o : options.entrySet()) {
            String name = o.getKey();
            String value = o.getValue() == null ? "" : o.getValue();
            PgOption own = PgOption.byKey(name);
            if (own != null) {
                values.put(own, own.check(value));
            } else if (RESERVED.contains(name)) {
                throw new IllegalArgumentException("Option '" + name + "' is set by the URL or by "
                        + "this backend's own options (user, password, connect-timeout-ms); "
                        + "use those instead, in " + KvUrls.redact(url));
            } else if (PGProperty.forName(name) != null) {
                driver.put(name, value);
            } else {
                throw new IllegalArgumentException("Unknown option '" + name + "' for "
                        + KvUrls.redact(url) + ": not one of " + ownNames()
                        + " nor a property of the PostgreSQL JDBC driver (names are "
                        + "case-sensitive, such as sslmode or ApplicationName)");
            }
        }
        for (PgOption o : PgOption.values()) {
            values.putIfAbsent(o, o.defaultValue());
        }
        return new PgSettings(KvUrls.withoutQuery(url), host, port, database, values,
                driver);
    }

    private static String ownNames() {
        StringBuilder out = new StringBuilder("[");
        for (PgOption o : PgOption.values()) {
            out.append(out.length() > 1 ? ", " : "").append(o.key());
        }
        return out.append(']').toString();
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
        return url;
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
        return values.get(option);
    }

    int integer(PgOption option) {
        return Integer.parseInt(values.get(option));
    }

    boolean flag(PgOption option) {
        return Boolean.parseBoolean(values.get(option));
    }

    String schema() {
        return values.get(PgOption.SCHEMA);
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
        Map<String, String> shown = new LinkedHashMap<>();
        values.forEach((k, v) -> shown.put(k.key(), v));
        shown.putAll(driverProperties);
        return url + " " + KvUrls.redact(shown);
    }
}
