package io.kv4j.sqlite;

import io.kv4j.spi.BackendConfig;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The file and the option values a store is opened with, read from the configuration once: the
 * only place that reads options, so that the rest of the backend sees typed values.
 *
 * @param file the database file, absolute
 * @param url the store URL, for messages (a file path holds no secret)
 * @param fullSync whether every commit syncs the file ({@code synchronous=full})
 * @param busyTimeoutMs how long a call waits for a lock held elsewhere
 * @param readConnections how many connections read at once
 * @param migrate whether to create or upgrade the schema on open
 */
record SqliteSettings(Path file, String url, boolean fullSync, int busyTimeoutMs,
        int readConnections, boolean migrate) {

    static final String PREFIX = "kv:sqlite:";

    static SqliteSettings of(BackendConfig config) {
        String url = config.url();
        return new SqliteSettings(file(url), url,
                "full".equals(config.get(SqliteOption.SYNCHRONOUS)),
                config.get(SqliteOption.BUSY_TIMEOUT_MS),
                config.get(SqliteOption.READ_CONNECTIONS),
                config.get(SqliteOption.MIGRATE));
    }

    /**
     * The file a URL names: relative to the working directory, {@code ~/} for the user's home
     * directory; on Windows a drive letter with either slash ({@code C:/data/kv.db}).
     *
     * @throws IllegalArgumentException when the URL names no file, or no valid path
     */
    static Path file(String url) {
        if (!url.startsWith(PREFIX)) {
            throw new IllegalArgumentException("Not a SQLite URL: " + url);
        }
        String path = url.substring(PREFIX.length());
        if (path.isEmpty() || path.isBlank()) {
            throw new IllegalArgumentException(url + " names no file: write kv:sqlite:"
                    + "path/to/file.db (relative to the working directory), kv:sqlite:/abs/"
                    + "path.db or kv:sqlite:~/path.db");
        }
        if (path.equals(":memory:") || path.startsWith("file:")) {
            throw new IllegalArgumentException(url + ": kv:sqlite: takes a file path, not a "
                    + "SQLite special name or URI; for a store in memory use kv:memory:");
        }
        if (path.equals("~") || path.startsWith("~/") || path.startsWith("~\\")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        try {
            return Path.of(path).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(url + " names no valid file path: "
                    + e.getMessage(), e);
        }
    }
}
