package io.kv4j.postgres;

import io.kv4j.spi.BackendConfigurationException;
import io.kv4j.spi.BackendConflictException;
import io.kv4j.spi.BackendFailureException;
import io.kv4j.spi.BackendOutcomeUnknownException;
import io.kv4j.spi.BackendUnavailableException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Turns a JDBC failure into the SPI's exceptions, by SQLSTATE.
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
     * session (57P01, 57P02), or no SQLSTATE at all (an I/O failure inside the driver). What was
     * sent may or may not have been done.
     */
    static boolean isConnectionLost(SQLException e) {
        String state = e.getSQLState();
        return state == null || state.startsWith("08") || "57P01".equals(state)
                || "57P02".equals(state);
    }

    /**
     * Whether the server refuses the configuration rather than the moment: class 28 (invalid
     * authorization, such as a wrong password), 3D000 (no such database), 42501 (insufficient
     * privilege), 3F000 (no such schema).
     */
    static boolean isConfiguration(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("28") || "3D000".equals(state)
                || "42501".equals(state) || "3F000".equals(state));
    }

    /**
     * Whether the server is out of reach or refusing work for now: a lost connection, class 53
     * (resources, such as too many connections), 57P03 (starting up), 57014 (cancelled, such as
     * a statement timeout), class 58 (system errors), or no free pooled connection.
     */
    static boolean isUnavailable(SQLException e) {
        String state = e.getSQLState();
        return isConnectionLost(e) || state.startsWith("53") || "57P03".equals(state)
                || "57014".equals(state) || state.startsWith("58")
                || e instanceof SQLTransientConnectionException;
    }

    /** A failure of a call that wrote nothing. */
    static RuntimeException of(SQLException e, String what, Pool pool) {
        if (pool != null && pool.isTimeout(e)) {
            return pool.timeout(e, what);
        }
        if (isConflict(e)) {
            return new BackendConflictException(what + " conflicted with a concurrent transaction ("
                    + describe(e) + ")", "40P01".equals(e.getSQLState())
                            ? BackendConflictException.Reason.DEADLOCK
                            : BackendConflictException.Reason.SERIALIZATION_FAILURE, null, null, e);
        }
        if (isConfiguration(e)) {
            return new BackendConfigurationException(what + " failed: PostgreSQL refused ("
                    + describe(e) + ")", e);
        }
        if (isUnavailable(e)) {
            return new BackendUnavailableException(what + " failed: PostgreSQL is unreachable ("
                    + describe(e) + ")", e);
        }
        return new BackendFailureException(what + " failed: " + describe(e), e);
    }

    /** A failure after a commit was sent: the connection's loss leaves its outcome unknown. */
    static RuntimeException ofCommit(SQLException e, String what, Pool pool) {
        if (isConnectionLost(e) && !(e instanceof SQLTransientConnectionException)) {
            return new BackendOutcomeUnknownException(what + " was sent but the connection "
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
