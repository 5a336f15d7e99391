package io.kv4j;

import io.kv4j.spi.BackendConfigurationException;
import io.kv4j.spi.BackendConflictException;
import io.kv4j.spi.BackendException;
import io.kv4j.spi.BackendFailureException;
import io.kv4j.spi.BackendOutcomeUnknownException;
import io.kv4j.spi.BackendUnavailableException;
import io.kv4j.spi.Capability;
import io.kv4j.spi.Commit;
import io.kv4j.spi.Entry;
import io.kv4j.spi.KvBackend;
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
            throw translate(e, "Reading key " + Names.show(key), namespace);
        }
    }

    List<Entry> scan(String namespace, String prefix, String startAfter, int limit) {
        try {
            return backend.scan(namespace, prefix, startAfter, limit);
        } catch (RuntimeException e) {
            throw translate(e, "Listing prefix " + Names.show(prefix), namespace);
        }
    }

    /** Commits for a request of {@code function}; tells the observer how it went. */
    void commit(Commit commit, String function) {
        long start = System.nanoTime();
        try {
            backend.commit(commit);
            observe(function, KvObserver.Outcome.COMMITTED, null, commit, start);
        } catch (RuntimeException e) {
            int writes = commit.writes().size();
            KvException translated = translate(e, "The commit of " + writes
                    + (writes == 1 ? " write" : " writes"), function);
            observe(function, outcome(translated), translated instanceof KvConflictException c
                    ? c.reason() : null, commit, start);
            throw translated;
        }
    }

    List<String> namespaces(String startAfter, int limit) {
        try {
            return backend.namespaces(startAfter, limit);
        } catch (RuntimeException e) {
            throw translate(e, "Listing the functions", null);
        }
    }

    Map<String, Object> check() {
        try {
            return Collections.unmodifiableMap(new LinkedHashMap<>(backend.check()));
        } catch (RuntimeException e) {
            throw translate(e, "Checking the storage", null);
        }
    }

    long deleteNamespace(String namespace) {
        try {
            return backend.deleteNamespace(namespace);
        } catch (RuntimeException e) {
            throw translate(e, "Deleting every key", namespace);
        }
    }

    private void observe(String function, KvObserver.Outcome outcome,
            KvConflictException.Reason reason, Commit commit, long start) {
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
     */
    KvConflictException stale(Commit readsOnly) {
        try {
            backend.commit(readsOnly);
            return null;
        } catch (BackendConflictException e) {
            return (KvConflictException) translate(e, "Checking the reads", null);
        }
    }

    private KvException translate(RuntimeException e, String what, String function) {
        return translate(e, what + (function == null ? "" : " of function "
                + Names.show(function)) + " on " + url);
    }

    /**
     * The API's exception for what a backend threw: each SPI exception to the one of the same
     * meaning, and anything else a backend should not have thrown to {@link KvStorageException}.
     * {@link IllegalArgumentException} and {@link IllegalStateException} are thrown unchanged.
     *
     * @param where what was being done, and where, for the message
     */
    static KvException translate(RuntimeException e, String where) {
        if (e instanceof BackendConflictException c) {
            return new KvConflictException("Conflict: " + c.getMessage() + " (" + where + ")",
                    reason(c.reason()), c);
        } else if (e instanceof BackendUnavailableException) {
            return new KvUnavailableException(where + " failed: the storage is unavailable: "
                    + e.getMessage(), e);
        } else if (e instanceof BackendOutcomeUnknownException) {
            return new KvOutcomeUnknownException(where + " was sent but its outcome is unknown "
                    + "(applied as a whole or not at all): " + e.getMessage(), e);
        } else if (e instanceof BackendConfigurationException c) {
            return new KvConfigurationException(where + " failed: the storage refuses the "
                    + "configuration: " + e.getMessage(), c.sqlState(), e);
        } else if (e instanceof BackendFailureException f) {
            return new KvStorageException(where + " failed: " + e.getMessage(), f.sqlState(), e);
        } else if (e instanceof BackendException) {
            return new KvStorageException(where + " failed: " + e.getMessage(), e);
        } else if (e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
            throw e;
        }
        return new KvStorageException(where + " failed in the backend: " + e, e);
    }

    private static KvConflictException.Reason reason(BackendConflictException.Reason r) {
        switch (r) {
            case SERIALIZATION_FAILURE:
                return KvConflictException.Reason.SERIALIZATION_FAILURE;
            case DEADLOCK:
                return KvConflictException.Reason.DEADLOCK;
            default:
                return KvConflictException.Reason.CHANGED;
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            backend.close();
        }
    }
}
