package io.kv4j.postgres;

import io.kv4j.common.KvUrl;
import io.kv4j.common.Option;
import io.kv4j.spi.BackendConfig;
import io.kv4j.spi.Text;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A store URL and its options, parsed and validated once, then frozen.
 *
 * <p>Grammar: {@code kv:postgresql://host[:port][,host[:port]...]/database}, or
 * {@code kv:postgres://...}; an IPv6 host is written in brackets.
 * The request engine has checked the options against {@link PgOption#table()}: this backend's own
 * and the PostgreSQL JDBC driver's properties.
 */
final class PgSettings {

    static final String SCHEME = "kv:postgresql:";
    static final String PREFIX = SCHEME + "//";
    /** {@code kv:postgres:}, as libpq and most tools also accept {@code postgres://}. */
    static final String ALIAS = "kv:postgres:";

    /** Options of the store's own pool and connections, which an application's DataSource makes
     * meaningless. */
    private static final Set<Option<?>> OWN_POOL_ONLY = Set.of(PgOption.USER,
            PgOption.PASSWORD, PgOption.PASSWORD_FILE, PgOption.POOL_SIZE,
            PgOption.POOL_MIN_IDLE, PgOption.POOL_TIMEOUT_MS, PgOption.POOL_IDLE_TIMEOUT_MS,
            PgOption.POOL_MAX_LIFETIME_MS, PgOption.POOL_KEEPALIVE_MS,
            PgOption.POOL_LEAK_DETECTION_MS, PgOption.POOL_REGISTER_MBEANS,
            PgOption.CONNECT_TIMEOUT_MS);
    private static final int DEFAULT_PORT = 5432;
    /** The largest password file read: far above any password, far below any heap. */
    static final int MAX_PASSWORD_FILE_BYTES = 65_536;

    private final BackendConfig config;
    private final List<String> hosts;
    private final List<Integer> ports;
    private final String database;
    private final Map<String, String> driverProperties;

    private PgSettings(BackendConfig config, List<String> hosts, List<Integer> ports,
            String database, Map<String, String> driverProperties) {
        this.config = config;
        this.hosts = hosts;
        this.ports = ports;
        this.database = database;
        this.driverProperties = driverProperties;
    }

    /** Parses a URL and options as the engine would hand them over; for tests and tools. */
    static PgSettings parse(String url, Map<String, String> options) {
        return of(BackendConfig.of(KvUrl.withoutQuery(url), options, PgOption.table()));
    }

    /**
     * Parses the URL of a configuration the engine has checked.
     *
     * @throws IllegalArgumentException naming the URL (redacted) and what is wrong with it
     */
    static PgSettings of(BackendConfig config) {
        String url = config.url();
        String scheme = url != null && url.startsWith(ALIAS) ? ALIAS : SCHEME;
        if (url == null || !url.startsWith(scheme + "//")) {
            String after = url == null || !url.startsWith(scheme) ? null
                    : url.substring(scheme.length());
            throw new IllegalArgumentException("A PostgreSQL store URL must look like "
                    + PREFIX + "host[:port]/database"
                    + (after != null && !after.startsWith("//")
                            ? " (two slashes after '" + scheme + "')" : "")
                    + " but was: " + KvUrl.redact(url));
        }
        String rest = url.substring(scheme.length() + 2);
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String database = slash < 0 ? "" : decode(rest.substring(slash + 1), url);
        if (authority.contains("@")) {
            throw new IllegalArgumentException("Put the user and password in the options "
                    + "'user' and 'password', not in the URL: " + KvUrl.redact(url));
        }
        if (database.isEmpty() || database.contains("/")) {
            throw new IllegalArgumentException("The URL names no database; it must look like "
                    + PREFIX + "host[:port]/database but was: " + KvUrl.redact(url));
        }
        List<String> hosts = new ArrayList<>();
        List<Integer> ports = new ArrayList<>();
        for (String server : authority.split(",", -1)) {
            parseServer(server, url, hosts, ports);
        }
        checkCombination(config);
        Map<String, String> driver = new LinkedHashMap<>();
        config.given().forEach((option, value) -> {
            if (PgOption.isDriverProperty(option.name())) {
                driver.put(option.name(), value.toString());
            }
        });
        return new PgSettings(config, List.copyOf(hosts), List.copyOf(ports), database, driver);
    }

    /** One {@code host[:port]} of the URL's comma-separated list; an IPv6 host in brackets. */
    private static void parseServer(String server, String url, List<String> hosts,
            List<Integer> ports) {
        String host;
        String portText = null;
        if (server.startsWith("[")) {
            int close = server.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("Unclosed '[' in the host of: "
                        + KvUrl.redact(url));
            }
            host = server.substring(1, close);
            String after = server.substring(close + 1);
            if (after.startsWith(":")) {
                portText = after.substring(1);
            } else if (!after.isEmpty()) {
                throw new IllegalArgumentException("Unexpected '" + after + "' after the host of: "
                        + KvUrl.redact(url));
            }
        } else {
            int colon = server.indexOf(':');
            host = colon < 0 ? server : server.substring(0, colon);
            portText = colon < 0 ? null : server.substring(colon + 1);
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("The URL names no host"
                    + (hosts.isEmpty() ? "" : " after its " + hosts.size() + ". ','") + ": "
                    + KvUrl.redact(url));
        }
        int port = DEFAULT_PORT;
        if (portText != null) {
            // ASCII digits only: Integer.parseInt would take '+' and digits of any script
            port = portText.matches("[0-9]{1,5}") ? Integer.parseInt(portText) : -1;
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException("The port of host '" + host + "' must be an "
                        + "integer from 1 to 65535 but was: '" + portText + "' in "
                        + KvUrl.redact(url) + " (several hosts are separated by ',': "
                        + PREFIX + "h1:5432,h2:5432/database)");
            }
        }
        hosts.add(host);
        ports.add(port);
    }

    /** Options that are valid one by one but not together. */
    private static void checkCombination(BackendConfig config) {
        long outcome = config.get(PgOption.OUTCOME_TIMEOUT_MS);
        long retention = config.get(PgOption.COMMIT_ID_RETENTION_MS);
        if (retention < 2 * outcome) {
            throw new IllegalArgumentException(PgOption.COMMIT_ID_RETENTION_MS.name() + " ("
                    + retention + ") must be at least twice " + PgOption.OUTCOME_TIMEOUT_MS.name()
                    + " (" + outcome + ")");
        }
        if (config.isGiven(PgOption.DATA_SOURCE)) {
            List<String> ignored = new ArrayList<>();
            for (Option<?> option : config.given().keySet()) {
                if (OWN_POOL_ONLY.contains(option) || PgOption.isDriverProperty(option.name())) {
                    ignored.add(option.name());
                }
            }
            if (!ignored.isEmpty()) {
                throw new IllegalArgumentException("With " + PgOption.DATA_SOURCE.name()
                        + " the connections come from the application's DataSource, which the "
                        + "store does not configure: " + ignored + " would be ignored; set them "
                        + "on that DataSource");
            }
        }
        if (config.isGiven(PgOption.PASSWORD)
                && !config.get(PgOption.PASSWORD_FILE).isEmpty()) {
            throw new IllegalArgumentException("Give either " + PgOption.PASSWORD.name() + " or "
                    + PgOption.PASSWORD_FILE.name() + ", not both");
        }
        long size = config.get(PgOption.POOL_SIZE);
        long minIdle = config.get(PgOption.POOL_MIN_IDLE);
        if (minIdle > size) {
            throw new IllegalArgumentException(PgOption.POOL_MIN_IDLE.name() + " (" + minIdle
                    + ") must not exceed " + PgOption.POOL_SIZE.name() + " (" + size + ")");
        }
        long lifetime = config.get(PgOption.POOL_MAX_LIFETIME_MS);
        long keepalive = config.get(PgOption.POOL_KEEPALIVE_MS);
        if (keepalive != 0 && (keepalive < 30_000 || keepalive >= lifetime)) {
            throw new IllegalArgumentException(PgOption.POOL_KEEPALIVE_MS.name() + " (" + keepalive
                    + ") must be 0 (off), or from 30000 to below "
                    + PgOption.POOL_MAX_LIFETIME_MS.name() + " (" + lifetime + ")");
        }
        long leak = config.get(PgOption.POOL_LEAK_DETECTION_MS);
        if (leak != 0 && (leak < 2_000 || leak > lifetime)) {
            throw new IllegalArgumentException(PgOption.POOL_LEAK_DETECTION_MS.name() + " (" + leak
                    + ") must be 0 (off), or from 2000 to " + PgOption.POOL_MAX_LIFETIME_MS.name()
                    + " (" + lifetime + ")");
        }
    }

    private static String decode(String s, String url) {
        String decoded = KvUrl.decode(s);
        if (decoded == null) {
            throw new IllegalArgumentException("Bad percent-encoding in the database name of: "
                    + KvUrl.redact(url) + " (a bad escape, or escaped bytes that are not UTF-8)");
        }
        return decoded;
    }

    String url() {
        return KvUrl.redact(config.url());
    }

    /** The first host of the URL. */
    String host() {
        return hosts.get(0);
    }

    /** The port of the first host. */
    int port() {
        return ports.get(0);
    }

    /** The servers as {@code host:port,host:port}, for messages. */
    String servers() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < hosts.size(); i++) {
            String host = hosts.get(i).contains(":") ? "[" + hosts.get(i) + "]" : hosts.get(i);
            out.append(i == 0 ? "" : ",").append(host).append(':').append(ports.get(i));
        }
        return out.toString();
    }

    /** Every host of the URL, in order; pgjdbc tries them as targetServerType says. */
    List<String> hosts() {
        return hosts;
    }

    /** The port of each host. */
    List<Integer> ports() {
        return ports;
    }

    /**
     * The password: the option, else the first line of {@code password-file}, else the
     * environment's {@code PGPASSWORD}; null when none is set, for the driver's
     * {@code ~/.pgpass} to apply.
     *
     * @throws IllegalArgumentException when the password file cannot be read or holds no
     *     password (the message names the option and the file, never its content)
     */
    String password() {
        String given = config.get(PgOption.PASSWORD);
        if (given != null && !given.isEmpty()) {
            return given;
        }
        String file = config.get(PgOption.PASSWORD_FILE);
        if (!file.isEmpty()) {
            return firstLine(file);
        }
        String environment = System.getenv("PGPASSWORD");
        return environment == null || environment.isEmpty() ? null : environment;
    }

    /**
     * The first line of a password file, read whole but at most {@value #MAX_PASSWORD_FILE_BYTES}
     * bytes: a device such as {@code /dev/zero}, a pipe or a huge file would otherwise fill the
     * heap or block the open.
     */
    private static String firstLine(String file) {
        String shown = PgOption.PASSWORD_FILE.name() + " " + Text.quote(file);
        byte[] bytes;
        try {
            Path path = Path.of(file);
            if (Files.exists(path) && !Files.isRegularFile(path)) {
                throw new IllegalArgumentException(shown + " is not a regular file");
            }
            try (InputStream in = Files.newInputStream(path)) {
                bytes = in.readNBytes(MAX_PASSWORD_FILE_BYTES + 1);
            }
        } catch (IOException | InvalidPathException e) {
            throw new IllegalArgumentException("Cannot read " + shown + ": " + e, e);
        }
        if (bytes.length > MAX_PASSWORD_FILE_BYTES) {
            throw new IllegalArgumentException(shown + " is larger than " + MAX_PASSWORD_FILE_BYTES
                    + " bytes; it holds the password on its first line");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(shown + " is not UTF-8 text");
        }
        int end = text.indexOf('\n');
        String line = end < 0 ? text : text.substring(0, end);
        line = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        if (line.isEmpty()) {
            throw new IllegalArgumentException(shown + (text.isEmpty() ? " is empty"
                    : " has an empty first line"));
        }
        if (line.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(shown + " holds a NUL character");
        }
        return line;
    }

    String database() {
        return database;
    }

    <T> T get(Option<T> option) {
        return config.get(option);
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
        return String.join(",", hosts) + ":" + ports + "/" + database + "/" + schema();
    }

    /** Everything but secrets, for messages and logs. */
    @Override
    public String toString() {
        return config.toString();
    }
}
