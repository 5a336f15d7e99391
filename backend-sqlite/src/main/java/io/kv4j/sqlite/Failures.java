package io.kv4j.sqlite;

import io.kv4j.spi.BackendException;
import io.kv4j.spi.KeyRange;
import io.kv4j.spi.Text;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

/**
 * Every exception the backend throws is made here, and every SQLite failure is classified here,
 * by its primary result code: {@code SQLITE_BUSY} and friends never reach users as such.
 */
final class Failures {

    /** SQLite's primary result codes that the backend tells apart. */
    static final int BUSY = 5;
    static final int LOCKED = 6;
    static final int IOERR = 10;
    static final int CORRUPT = 11;
    static final int FULL = 13;
    static final int CANTOPEN = 14;
    static final int READONLY = 8;
    static final int NOTADB = 26;
    static final int AUTH = 23;
    static final int PERM = 3;

    private Failures() {
    }

    /** The primary result code of a failure of the SQLite driver, or -1 for another. */
    static int code(SQLException e) {
        return e.getErrorCode() <= 0 ? -1 : e.getErrorCode() & 0xff;
    }

    /**
     * A failed call that wrote nothing: the file locked longer than the busy timeout or not
     * there is transient; a file that is no database, is read-only or may not be opened is the
     * configuration's; everything else is a failure that retrying will not mend.
     *
     * @param what what was being done, such as {@code reading key 'k' of function 'f'}
     */
    static BackendException of(SQLException e, String what, SqliteSettings settings) {
        String where = " (" + settings.file() + ", " + settings.url() + ")";
        switch (code(e)) {
            case BUSY:
            case LOCKED:
                return unavailable("The SQLite file was locked by another connection for "
                        + "longer than busy-timeout-ms=" + settings.busyTimeoutMs() + " while "
                        + what + where, e);
            case CANTOPEN:
                return unavailable("Cannot open the SQLite file while " + what + where
                        + ": its directory is missing or not accessible", e);
            case READONLY:
            case PERM:
            case AUTH:
                return BackendException.configuration("The SQLite file may not be written "
                        + "while " + what + where + ": " + e.getMessage(), null, e);
            case NOTADB:
                return BackendException.configuration("Not a SQLite database while " + what
                        + where + ": the file holds something else", null, e);
            default:
                return BackendException.storage("SQLite failed while " + what + where + ": "
                        + e.getMessage(), null, e);
        }
    }

    /** Storage that cannot be used for now; nothing was done. */
    static BackendException unavailable(String message, Throwable cause) {
        return BackendException.unavailable(message, cause);
    }

    /** A configuration the file cannot be used with. */
    static BackendException configuration(String message) {
        return BackendException.configuration(message, null, null);
    }

    /** A commit whose answer was lost and could not be looked up. */
    static BackendException outcomeUnknown(String message, Throwable cause) {
        return BackendException.outcomeUnknown(message, cause);
    }

    /** A point read whose key changed. */
    static BackendException changed(String namespace, String key) {
        return BackendException.readChanged(namespace, key);
    }

    /** A listed range whose keys changed. */
    static BackendException rangeChanged(String namespace, KeyRange range) {
        return BackendException.rangeChanged(namespace, range);
    }

    /** A check that found its key at another version, or MISSING for no entry. */
    static BackendException checkFailed(String namespace, String key, long required,
            long found) {
        return BackendException.checkFailed(namespace, key, required, found);
    }

    /** A mutation of a key whose value is not a whole number. */
    static BackendException notAnInteger(String namespace, String key, byte[] value) {
        return BackendException.notAnInteger(namespace, key,
                new String(value, StandardCharsets.UTF_8));
    }
}
