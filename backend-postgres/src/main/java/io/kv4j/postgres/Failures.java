package io.kv4j.postgres;

import io.kv4j.common.ConflictReason;
import io.kv4j.spi.BackendException;
import java.io.FileNotFoundException;
import java.security.GeneralSecurityException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Turns a JDBC failure into the SPI's exceptions, by SQLSTATE and, for the driver's own failures,
 * by their cause. A configuration error is never reported as an outage: retrying cannot mend it.
 */
final class Failures {

    private Failures() {
    }

    /** Serialization failure and deadlock: a concurrent transaction won; running again may pass. */
    static boolean isConflict(SQLException e) {
        String state = e.getSQLState();
        return "40001".equals(state) || "40P01".equals(state);
    }

    /**
     * Whether the connection was lost: class 08, the server shutting down or terminating the
     * session (57P01, 57P02) or ending it as idle too long (57P05, and 25P03 inside a
     * transaction), or no SQLSTATE at all (an I/O failure inside the driver); but not a
     * connection refused as configured ({@link #isConfiguration}). What was sent may or may not
     * have been done.
     */
    static boolean isConnectionLost(SQLException e) {
        String state = e.getSQLState();
        return (state == null || state.startsWith("08") || "57P01".equals(state)
                || "57P02".equals(state) || "57P05".equals(state) || "25P03".equals(state))
                && !isConfiguration(e);
    }

    /**
     * Whether the server or the driver refuses the configuration rather than the moment: class 28
     * (invalid authorization, such as a wrong password), 3D000 (no such database), 42501
     * (insufficient privilege), 3F000 (no such schema), 25006 (a read-only server, such as a
     * standby), 08004 (the connection refused as configured: no password to give, SSL, GSS
     * encryption, an authentication method or channel binding that the server does not offer);
     * and any failure caused by a class that cannot be loaded, a file that cannot be opened
     * (such as {@code sslrootcert}), or a key or certificate that cannot be used or verified.
     */
    static boolean isConfiguration(SQLException e) {
        String state = e.getSQLState();
        if (state != null && (state.startsWith("28") || "3D000".equals(state)
                || "42501".equals(state) || "3F000".equals(state) || "25006".equals(state)
                || "08004".equals(state))) {
            return true;
        }
        return causeOf(e, ReflectiveOperationException.class) != null
                || causeOf(e, FileNotFoundException.class) != null
                || causeOf(e, GeneralSecurityException.class) != null;
    }

    /**
     * Whether the server is out of reach or refusing work for now: a lost connection, class 53
     * (resources, such as too many connections), 57P03 (starting up), 57014 (cancelled, such as
     * a statement timeout), 55P03 (a lock not granted within lock_timeout), class 58 (system
     * errors), or no free pooled connection; never a configuration error.
     */
    static boolean isUnavailable(SQLException e) {
        String state = e.getSQLState();
        return isConnectionLost(e) || !isConfiguration(e) && (state.startsWith("53")
                || "57P03".equals(state) || "57014".equals(state) || "55P03".equals(state)
                || state.startsWith("58") || e instanceof SQLTransientConnectionException);
    }

    /** A failure of a call that wrote nothing. */
    static RuntimeException of(SQLException e, String what, Pool pool) {
        return of(e, what, pool, null);
    }

    /**
     * A failure of a call that wrote nothing.
     *
     * @param lacking the rights the user lacks, for a 42501; null when not known
     */
    static RuntimeException of(SQLException e, String what, Pool pool, String lacking) {
        if (pool != null && pool.isTimeout(e)) {
            // the pool's last attempt to connect tells whether waiting longer could help
            if (e.getCause() instanceof SQLException last && isConfiguration(last)) {
                return configuration(last, what + " found no connection: PostgreSQL refuses to "
                        + "connect as configured", null);
            }
            return pool.timeout(e, what);
        }
        if (isConflict(e)) {
            return BackendException.conflict("40P01".equals(e.getSQLState())
                    ? ConflictReason.DEADLOCK : ConflictReason.SERIALIZATION_FAILURE, null, null,
                    null, what + " conflicted with a concurrent transaction (" + describe(e) + ")",
                    e);
        }
        if (isConfiguration(e)) {
            return configuration(e, what + " failed", lacking);
        }
        if (isUnavailable(e)) {
            return BackendException.unavailable(what + " failed: PostgreSQL is unreachable or "
                    + "refuses work for now (" + describe(e) + ")", e);
        }
        return BackendException.storage(what + " failed: " + describe(e), e.getSQLState(), e);
    }

    /**
     * A failure to open a connection: unless the server is out of reach or busy for now, what it
     * refuses is the configuration, such as a startup option it does not take (22023, 42704) or
     * an authentication plugin that cannot be loaded.
     */
    static RuntimeException ofConnecting(SQLException e, String what) {
        if (isUnavailable(e)) {
            return BackendException.unavailable(what + " failed: PostgreSQL is unreachable or "
                    + "refuses work for now (" + describe(e) + ")", e);
        }
        return configuration(e, what + " failed", null);
    }

    private static BackendException configuration(SQLException e, String what,
            String lacking) {
        return BackendException.configuration(what + (lacking == null ? " "
                : ": " + lacking + " ") + "(" + describe(e) + ")", e.getSQLState(), e);
    }

    /** A failure after a commit was sent: the connection's loss leaves its outcome unknown. */
    static RuntimeException ofCommit(SQLException e, String what, Pool pool) {
        if (isConnectionLost(e) && !(e instanceof SQLTransientConnectionException)) {
            return BackendException.outcomeUnknown(what + " was sent but the connection "
                    + "failed before its outcome was known; it was applied as a whole or not at "
                    + "all (" + describe(e) + ")", e);
        }
        return of(e, what, pool);
    }

    /** The first cause of {@code e} of a type, or null. */
    static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    static String describe(SQLException e) {
        return "SQLSTATE " + e.getSQLState() + ": " + e.getMessage();
    }
}
