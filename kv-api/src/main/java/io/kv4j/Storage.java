package io.kv4j;

import io.kv4j.common.Capability;
import io.kv4j.common.ConflictReason;
import io.kv4j.spi.BackendException;
import io.kv4j.spi.Commit;
import io.kv4j.spi.Entry;
import io.kv4j.spi.KeyRange;
import io.kv4j.spi.KvBackend;
import io.kv4j.spi.Text;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The backend as the engine uses it: every call goes through here, so that the backend's
 * exceptions become the API's in this one place, and commits reach the observer.
 */
final class Storage implements AutoCloseable {

    private final KvBackend backend;
    /** The store's URL with secrets masked, for messages. */
    private final String url;
    private final KvObserver observer;
    private final Set<Capability> capabilities;
    private volatile boolean closed;

    Storage(KvBackend backend, String url, KvObserver observer) {
        this.backend = backend;
        this.url = url;
        this.observer = observer;
        this.capabilities = Set.copyOf(backend.capabilities());
    }

    String url() {
        return url;
    }

    Set<Capability> capabilities() {
        return capabilities;
    }

    boolean isClosed() {
        return closed;
    }

    void requireOpen() {
        if (closed) {
            throw new IllegalStateException("The store " + url + " is closed");
        }
    }

    Entry read(String namespace, String key) {
        try {
            return backend.read(namespace, key);
        } catch (RuntimeException e) {
            throw failure(e, "Reading key " + Names.show(key), namespace);
        }
    }

    List<Entry> readMany(String namespace, List<String> keys) {
        try {
            List<Entry> entries = backend.readMany(namespace, keys);
            if (entries.size() != keys.size()) {
                throw new KvStorageException("The backend of " + url + " returned "
                        + Text.count(entries.size(), "entry") + " for "
                        + Text.count(keys.size(), "key"), null);
            }
            return entries;
        } catch (KvStorageException e) {
            throw e;
        } catch (RuntimeException e) {
            throw failure(e, "Reading " + Text.count(keys.size(), "key"), namespace);
        }
    }

    List<Entry> scan(String namespace, KeyRange range, boolean reverse, int limit) {
        try {
            return backend.scan(namespace, range, reverse, limit);
        } catch (RuntimeException e) {
            throw failure(e, "Listing the keys " + range, namespace);
        }
    }

    /**
     * Commits for a request of {@code function}; tells the observer how it went.
     *
     * @return the version of the commit, or {@link KvBackend#MISSING} when it wrote nothing
     */
    long commit(Commit commit, String function) {
        long start = System.nanoTime();
        try {
            long version = backend.commit(commit);
            observe(function, KvObserver.Outcome.COMMITTED, null, commit, start);
            return commit.isReadOnly() ? KvBackend.MISSING : version;
        } catch (RuntimeException e) {
            RuntimeException failure = failure(e, "The commit of "
                    + Text.count(commit.writes().size(), "write"), function);
            observe(function, outcome(failure), failure instanceof KvConflictException c
                    ? c.reason() : null, commit, start);
            throw failure;
        }
    }

    List<String> namespaces(String startAfter, int limit) {
        try {
            return backend.namespaces(startAfter, limit);
        } catch (RuntimeException e) {
            throw failure(e, "Listing the functions", null);
        }
    }

    Map<String, Object> check() {
        try {
            return Collections.unmodifiableMap(new LinkedHashMap<>(backend.check()));
        } catch (RuntimeException e) {
            throw failure(e, "Checking the storage", null);
        }
    }

    long deleteNamespace(String namespace) {
        try {
            return backend.deleteNamespace(namespace);
        } catch (RuntimeException e) {
            throw failure(e, "Deleting every key", namespace);
        }
    }

    private void observe(String function, KvObserver.Outcome outcome, ConflictReason reason,
            Commit commit, long start) {
        try {
            observer.commitEnded(function, outcome, reason, commit.writes().size(),
                    System.nanoTime() - start);
        } catch (RuntimeException ignored) {
            // an observer must not break a request
        }
    }

    static KvObserver.Outcome outcome(Throwable e) {
        if (e instanceof KvConflictException) {
            return KvObserver.Outcome.CONFLICT;
        } else if (e instanceof KvUnavailableException) {
            return KvObserver.Outcome.UNAVAILABLE;
        } else if (e instanceof KvOutcomeUnknownException) {
            return KvObserver.Outcome.OUTCOME_UNKNOWN;
        }
        return KvObserver.Outcome.FAILED;
    }

    /**
     * Checks reads without writing: the conflict that a commit of them would meet, or null when
     * they are all still current.
     *
     * @throws KvException when the storage fails otherwise
     */
    KvConflictException stale(Commit readsOnly) {
        try {
            backend.commit(readsOnly);
            return null;
        } catch (RuntimeException e) {
            RuntimeException failure = failure(e, "Checking the reads", null);
            if (failure instanceof KvConflictException c) {
                return c;
            }
            throw failure;
        }
    }

    private RuntimeException failure(RuntimeException e, String what, String function) {
        return failure(e, what + (function == null ? "" : " of function "
                + Names.show(function)) + " on " + url);
    }

    /**
     * What to throw for what a backend threw: a {@link BackendException} becomes the API's
     * exception of its kind, {@link IllegalArgumentException} and {@link IllegalStateException}
     * (a caller's mistake, a closed backend) stay as they are, and anything else, which a backend
     * should not have thrown, becomes a {@link KvStorageException}.
     *
     * @param where what was being done, and where, for the message
     */
    static RuntimeException failure(RuntimeException e, String where) {
        if (e instanceof BackendException b) {
            return translate(b, where);
        } else if (e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
            return e;
        }
        return new KvStorageException(where + " failed in the backend: " + e, e);
    }

    /** The API's exception of the backend exception's kind, with its facts. */
    private static KvException translate(BackendException e, String where) {
        return switch (e.kind()) {
            case CONFLICT -> new KvConflictException("Conflict: " + e.getMessage() + " (" + where
                    + ")", e.namespace(), e.key(), e.target(), e.reason(), e);
            case UNAVAILABLE -> new KvUnavailableException(where + " failed: the storage is "
                    + "unavailable: " + e.getMessage(), e);
            case OUTCOME_UNKNOWN -> new KvOutcomeUnknownException(where + " was sent but its "
                    + "outcome is unknown (applied as a whole or not at all): " + e.getMessage(),
                    e);
            case CONFIGURATION -> new KvConfigurationException(where + " failed: the storage "
                    + "refuses the configuration: " + e.getMessage(), e.sqlState(), e);
            case STORAGE -> new KvStorageException(where + " failed: " + e.getMessage(),
                    e.sqlState(), e);
            case CHECK_FAILED -> checkFailed(e, where);
            case NOT_AN_INTEGER -> new KvMutationException(where + " failed: " + e.getMessage(),
                    e.namespace(), e.key(), e);
        };
    }

    private static KvCheckException checkFailed(BackendException e, String where) {
        String expected = Versionstamps.of(e.requiredVersion());
        boolean known = e.foundVersion() >= 0;
        String current = known ? Versionstamps.of(e.foundVersion()) : null;
        return new KvCheckException(where + " failed: the check of key " + Names.show(e.key())
                + " of function " + Names.show(e.namespace()) + " required "
                + (expected == null ? "that it be missing" : "versionstamp " + expected)
                + " but it " + (!known ? "had changed" : current == null ? "was missing"
                        : "was at versionstamp " + current),
                e.namespace(), e.key(), expected, current, known, e);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            backend.close();
        }
    }
}
