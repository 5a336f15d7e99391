package io.kv4j.cli;

import io.kv4j.KvStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The store of kv's commands when none is configured: a SQLite file in the user's data directory,
 * so that one-shot commands remember between invocations wherever they are run from. The API's
 * own default, a memory store, would be gone when each command ends.
 */
final class DefaultStore {

    /** The file's name in the data directory. */
    static final String FILE = "kv.db";

    /** For help texts: where the file is, on each kind of system. */
    static final String WHERE = "the SQLite file kv4j/" + FILE + " in the user's data directory"
            + " ($XDG_DATA_HOME, else ~/.local/share; ~/Library/Application Support on macOS;"
            + " the LOCALAPPDATA directory on Windows)";

    private DefaultStore() {
    }

    /**
     * The URL of {@code kv:} system property {@value KvStore#URL_PROPERTY}, else environment
     * variable {@value KvStore#URL_ENVIRONMENT}, else the SQLite file, whose directory is created
     * and whose place is said on standard error when the file does not exist yet.
     */
    static String url(Io io) {
        if (isSet(System.getProperty(KvStore.URL_PROPERTY))
                || isSet(System.getenv(KvStore.URL_ENVIRONMENT))) {
            return KvStore.defaultUrl();
        }
        Path dir = directory(System.getenv(), System.getProperty("os.name", ""),
                System.getProperty("user.home"));
        Path file = dir.resolve(FILE);
        String url = "kv:sqlite:" + file;
        if (!Files.exists(file)) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create " + dir + " for the default store "
                        + url + "; name a store with --url or " + KvStore.URL_ENVIRONMENT, e);
            }
            io.err().println("kv: no store configured (--url, " + KvStore.URL_ENVIRONMENT
                    + " or -D" + KvStore.URL_PROPERTY + "), so kv keeps its data in " + file
                    + " (" + url + ")");
        }
        return url;
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    /** The per-user data directory of kv4j, by the conventions of each system. */
    static Path directory(Map<String, String> env, String os, String home) {
        if (os.startsWith("Windows")) {
            String local = env.get("LOCALAPPDATA");
            return (isSet(local) ? Path.of(local) : Path.of(home, "AppData", "Local"))
                    .resolve("kv4j");
        }
        if (os.startsWith("Mac")) {
            return Path.of(home, "Library", "Application Support", "kv4j");
        }
        String xdg = env.get("XDG_DATA_HOME");
        // the XDG specification ignores a relative value
        return (isSet(xdg) && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : Path.of(home, ".local", "share")).resolve("kv4j");
    }
}
