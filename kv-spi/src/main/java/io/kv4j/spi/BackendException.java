package io.kv4j.spi;

import io.kv4j.common.ConflictReason;
import io.kv4j.common.ConflictTarget;
import java.util.Objects;

/**
 * The one exception a backend throws to the request engine for a failure of its storage. A
 * factory states its {@linkplain Kind kind} and takes the facts of that kind; the engine turns it
 * into the API's exception of the same meaning, passing the facts on. Bad arguments stay
 * {@link IllegalArgumentException}, use after close {@link IllegalStateException}.
 */
public final class BackendException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What failed, which decides what the engine and the application may do next. */
    public enum Kind {
        /**
         * A concurrent commit changed what the transaction read (or wrote), or the storage could
         * not order the transaction with concurrent ones. Nothing of the commit was written; the
         * same transaction run again may succeed.
         */
        CONFLICT,
        /**
         * The storage could not be reached, or refused work for now, and the call had no effect
         * (for a commit: it is known not to have been applied).
         */
        UNAVAILABLE,
        /**
         * A commit was sent but its outcome could not be learnt: it was applied as a whole or not
         * at all. Running it again could apply it twice.
         */
        OUTCOME_UNKNOWN,
        /**
         * The storage refuses this configuration: wrong credentials, a database that does not
         * exist, missing privileges, a schema this library cannot use.
         */
        CONFIGURATION,
        /**
         * The storage failed in a way that running the call again will not mend: an error the
         * backend does not recognise, data it cannot read, a limit of the storage. The call had
         * no effect.
         */
        STORAGE,
        /**
         * A check of the commit found its key at another version than the one required. Nothing
         * was written; running the transaction again cannot help, since the check is the
         * caller's own.
         */
        CHECK_FAILED,
        /**
         * A mutation of the commit found a value that is not a whole number. Nothing was
         * written; running the transaction again will fail the same way while the value stays.
         */
        NOT_AN_INTEGER
    }

    private final Kind kind;
    private final ConflictReason reason;
    private final ConflictTarget target;
    private final String namespace;
    private final String key;
    private final String sqlState;
    private long required = -1;
    private long found = -1;

    private BackendException(Kind kind, String message, Throwable cause, ConflictReason reason,
            ConflictTarget target, String namespace, String key, String sqlState) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.kind = kind;
        this.reason = reason;
        this.target = target;
        this.namespace = namespace;
        this.key = key;
        this.sqlState = sqlState;
    }

    /**
     * A key the transaction read has changed since: its version is no longer the one read.
     *
     * @param namespace the namespace of the key
     * @param key the key
     * @return a {@link Kind#CONFLICT} for {@link ConflictTarget#POINT_READ}, reason
     *     {@link ConflictReason#CHANGED}
     */
    public static BackendException readChanged(String namespace, String key) {
        return new BackendException(Kind.CONFLICT, "key " + Text.quote(key) + " of function "
                + Text.quote(namespace) + " changed since it was read", null,
                ConflictReason.CHANGED, ConflictTarget.POINT_READ,
                Objects.requireNonNull(namespace, "namespace"), Objects.requireNonNull(key, "key"),
                null);
    }

    /**
     * A range the transaction listed has changed since: a key of it changed, appeared or
     * disappeared.
     *
     * @param namespace the namespace of the range
     * @param range the keys listed
     * @return a {@link Kind#CONFLICT} for {@link ConflictTarget#RANGE}, reason
     *     {@link ConflictReason#CHANGED}, without a key
     */
    public static BackendException rangeChanged(String namespace, KeyRange range) {
        return new BackendException(Kind.CONFLICT, "the keys " + range + " of function "
                + Text.quote(namespace) + " changed since they were listed", null,
                ConflictReason.CHANGED, ConflictTarget.RANGE,
                Objects.requireNonNull(namespace, "namespace"), null, null);
    }

    /**
     * A check of the commit failed.
     *
     * @param namespace the namespace of the key
     * @param key the key
     * @param required the version the check required, {@link KvBackend#MISSING} for none
     * @param found the version the key has, {@link KvBackend#MISSING} for none, or -1 when the
     *     backend cannot tell
     * @return a {@link Kind#CHECK_FAILED}
     */
    public static BackendException checkFailed(String namespace, String key, long required,
            long found) {
        BackendException e = new BackendException(Kind.CHECK_FAILED, "key " + Text.quote(key)
                + " of function " + Text.quote(namespace) + " is not at the version the request"
                + " checked", null, null, null, Objects.requireNonNull(namespace, "namespace"),
                Objects.requireNonNull(key, "key"), null);
        e.required = required;
        e.found = found;
        return e;
    }

    /**
     * A mutation found a value that is not a whole number.
     *
     * @param namespace the namespace of the key
     * @param key the key
     * @param found the value found, as JSON text; the message quotes it as {@link Text#quote}
     *     does, shortened when long
     * @return a {@link Kind#NOT_AN_INTEGER}
     */
    public static BackendException notAnInteger(String namespace, String key, String found) {
        return new BackendException(Kind.NOT_AN_INTEGER, "key " + Text.quote(key)
                + " of function " + Text.quote(namespace) + " holds " + Text.quote(found)
                + ", not a whole number, so it cannot be summed, or kept at a minimum or maximum",
                null, null, null, Objects.requireNonNull(namespace, "namespace"),
                Objects.requireNonNull(key, "key"), null);
    }

    /**
     * A conflict the storage reported, such as a serialization failure or a deadlock.
     *
     * @param reason why
     * @param target what conflicted, or null when the storage does not say
     * @param namespace where, or null when unknown
     * @param key the key, or null for a range or when unknown
     * @param message what conflicted; without secrets
     * @param cause the storage's report, or null
     * @return a {@link Kind#CONFLICT}
     */
    public static BackendException conflict(ConflictReason reason, ConflictTarget target,
            String namespace, String key, String message, Throwable cause) {
        return new BackendException(Kind.CONFLICT, message, cause,
                Objects.requireNonNull(reason, "reason"), target, namespace, key, null);
    }

    /**
     * The storage cannot be reached or refuses work for now; the call had no effect.
     *
     * @param message what failed, naming the host where known; without secrets
     * @param cause the underlying failure, or null
     * @return a {@link Kind#UNAVAILABLE}
     */
    public static BackendException unavailable(String message, Throwable cause) {
        return new BackendException(Kind.UNAVAILABLE, message, cause, null, null, null, null,
                null);
    }

    /**
     * A commit was sent and its outcome could not be learnt.
     *
     * @param message what was being committed and what failed; without secrets
     * @param cause the underlying failure, or null
     * @return a {@link Kind#OUTCOME_UNKNOWN}
     */
    public static BackendException outcomeUnknown(String message, Throwable cause) {
        return new BackendException(Kind.OUTCOME_UNKNOWN, message, cause, null, null, null, null,
                null);
    }

    /**
     * The storage refuses the configuration.
     *
     * @param message what is wrong and how to mend it; without secrets
     * @param sqlState the five-character SQLSTATE the storage reported, or null when none
     * @param cause the underlying failure, or null
     * @return a {@link Kind#CONFIGURATION}
     */
    public static BackendException configuration(String message, String sqlState,
            Throwable cause) {
        return new BackendException(Kind.CONFIGURATION, message, cause, null, null, null, null,
                sqlState);
    }

    /**
     * The storage failed, and running the call again will not mend it.
     *
     * @param message what failed; without secrets
     * @param sqlState the five-character SQLSTATE the storage reported, or null when none
     * @param cause the underlying failure, or null
     * @return a {@link Kind#STORAGE}
     */
    public static BackendException storage(String message, String sqlState, Throwable cause) {
        return new BackendException(Kind.STORAGE, message, cause, null, null, null, null,
                sqlState);
    }

    /**
     * What failed.
     *
     * @return the kind
     */
    public Kind kind() {
        return kind;
    }

    /**
     * Why a conflict happened.
     *
     * @return the reason of a {@link Kind#CONFLICT}; null for the other kinds
     */
    public ConflictReason reason() {
        return reason;
    }

    /**
     * What of the transaction conflicted.
     *
     * @return the target of a {@link Kind#CONFLICT}; null when the storage did not say, and for
     *     the other kinds
     */
    public ConflictTarget target() {
        return target;
    }

    /**
     * The namespace in which a conflict, a failed check or a failed mutation happened.
     *
     * @return the namespace; null when unknown, and for the other kinds
     */
    public String namespace() {
        return namespace;
    }

    /**
     * The key that conflicted, failed its check or held no whole number.
     *
     * @return the key; null for a range, when unknown, and for the other kinds
     */
    public String key() {
        return key;
    }

    /**
     * The version a failed check required.
     *
     * @return the version of a {@link Kind#CHECK_FAILED}, {@link KvBackend#MISSING} for "no
     *     entry"; -1 for the other kinds
     */
    public long requiredVersion() {
        return required;
    }

    /**
     * The version a failed check found.
     *
     * @return the version of a {@link Kind#CHECK_FAILED}, {@link KvBackend#MISSING} for "no
     *     entry"; -1 when the backend could not tell, and for the other kinds
     */
    public long foundVersion() {
        return found;
    }

    /**
     * The SQLSTATE of a {@link Kind#CONFIGURATION} or {@link Kind#STORAGE} failure, for code that
     * handles SQL errors by their class (R2DBC's and JDBC's {@code getSQLState()}).
     *
     * @return the five-character code, such as {@code 42501}; null when the storage reported none
     */
    public String sqlState() {
        return sqlState;
    }
}
