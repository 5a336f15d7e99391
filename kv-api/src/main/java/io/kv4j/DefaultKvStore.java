package io.kv4j;

import io.kv4j.spi.BackendConflictException;
import io.kv4j.spi.BackendUnavailableException;
import io.kv4j.spi.Commit;
import io.kv4j.spi.Entry;
import io.kv4j.spi.KvBackend;
import io.kv4j.spi.KvProvider;
import io.kv4j.spi.KvUrls;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The store: a backend plus the request rules shared by every backend.
 */
final class DefaultKvStore implements KvStore {

    private final String url;
    private final KvBackend backend;
    private final Config config;
    private final Json json;
    private volatile boolean closed;

    private DefaultKvStore(String url, KvBackend backend, Config config) {
        this.url = url;
        this.backend = backend;
        this.config = config;
        this.json = new Json(config.maxValueBytes());
    }

    static KvStore open(String url, Map<String, String> options) {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(options, "options");
        String redacted = KvUrls.redact(url);
        Map<String, String> merged = new LinkedHashMap<>(KvUrls.queryOptions(url));
        merged.putAll(options);
        Config config = Config.take(merged);
        // providers see the scheme in lower case: schemes are compared without regard to case
        String scheme = KvUrls.scheme(url);
        String base = "kv:" + scheme + KvUrls.withoutQuery(url).substring(3 + scheme.length());
        KvProvider provider = Providers.find(base);
        KvBackend backend;
        try {
            backend = provider.open(base, merged);
        } catch (BackendUnavailableException e) {
            throw new KvUnavailableException("Cannot open " + redacted + ": " + e.getMessage(), e);
        }
        if (backend == null) {
            throw new IllegalStateException("Provider " + provider.getClass().getName()
                    + " returned no backend for " + redacted);
        }
        return new DefaultKvStore(redacted, backend, config);
    }

    Config config() {
        return config;
    }

    Json json() {
        return json;
    }

    void requireOpen() {
        if (closed) {
            throw new IllegalStateException("The store " + url + " is closed");
        }
    }

    @Override
    public <T> T run(String function, KvRequest<T> request) {
        requireOpen();
        Names.requireFunction(function);
        Objects.requireNonNull(request, "request");
        RetryPolicy retry = config.retry();
        long deadline = retry.deadline(System.nanoTime());
        int pauses = 0;
        try (Contention.Turn turn = Contention.JVM.turn(deadline)) {
            for (int attempt = 0; ; attempt++) {
                turn.beforeAttempt();
                KvConflictException conflict;
                try {
                    return attempt(function, request, turn);
                } catch (KvConflictException e) {
                    conflict = e;
                }
                if (!retry.mayRetry(attempt, deadline)) {
                    throw new KvConflictException("The request of function " + Names.show(function)
                            + " " + retry.exhausted(attempt) + ": " + conflict.getMessage(),
                            conflict);
                }
                BackendConflictException where = location(conflict);
                boolean inLine = where != null && where.namespace() != null;
                // a conflict where the request already had its turn came from outside the line
                // (another process, or a request on its first attempt): pause before the next
                if (!inLine || turn.holds(where.namespace(), where.key())) {
                    pause(retry, pauses++, deadline, function);
                }
                if (inLine) {
                    turn.conflictedOn(where.namespace(), where.key());
                }
            }
        }
    }

    /** One attempt: the body, then the commit; a conflict in either is thrown. */
    private <T> T attempt(String function, KvRequest<T> request, Contention.Turn turn) {
        Transaction txn = new Transaction(this, function, turn);
        View kv = txn.open(new View(txn, function));
        T result;
        try {
            result = request.apply(kv);
        } catch (KvConflictException e) {
            throw e;
        } catch (Error e) {
            throw e;
        } catch (Exception e) {
            txn.abandon();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                throw new KvException("The request of function " + Names.show(function)
                        + " was interrupted", e);
            }
            BackendConflictException stale = txn.staleRead();
            if (stale != null) {
                // the body may have failed because it saw an inconsistent view: run it again
                KvConflictException retry = new KvConflictException("The request of function "
                        + Names.show(function) + " failed after reading data that a concurrent "
                        + "commit changed: " + stale.getMessage(), stale);
                retry.addSuppressed(e);
                throw retry;
            }
            if (e instanceof RuntimeException) {
                throw (RuntimeException) e;
            }
            throw new KvException("The request of function " + Names.show(function)
                    + " failed: " + e, e);
        } finally {
            kv.finish();
        }
        txn.commit();
        return result;
    }

    /** What the backend said changed, if anything. */
    private static BackendConflictException location(KvConflictException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof BackendConflictException) {
                return (BackendConflictException) t;
            }
        }
        return null;
    }

    private static void pause(RetryPolicy retry, int pauses, long deadline, String function) {
        try {
            retry.pause(pauses, deadline);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new KvException("Interrupted while waiting to retry the request of function "
                    + Names.show(function), ie);
        }
    }

    @Override
    public KvTransaction begin(String function) {
        requireOpen();
        Transaction txn = new Transaction(this, Names.requireFunction(function), null);
        return new ExplicitTransaction(txn, txn.open(new View(txn, function)));
    }

    @Override
    public KvReader reader(String function) {
        requireOpen();
        return new Reader(this, function);
    }

    @Override
    public boolean isDurable() {
        return backend.durable();
    }

    @Override
    public String url() {
        return url;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            backend.close();
        }
    }

    @Override
    public String toString() {
        return "KvStore[" + url + (closed ? ", closed]" : "]");
    }

    // The backend's primitives, its exceptions translated into the API's.

    Entry read(String namespace, String key) {
        try {
            return backend.read(namespace, key);
        } catch (BackendUnavailableException e) {
            throw unavailable(e, namespace);
        } catch (BackendConflictException e) {
            throw conflict(e, namespace);
        }
    }

    List<Entry> scan(String namespace, String prefix, String startAfter, int limit) {
        try {
            return backend.scan(namespace, prefix, startAfter, limit);
        } catch (BackendUnavailableException e) {
            throw unavailable(e, namespace);
        } catch (BackendConflictException e) {
            throw conflict(e, namespace);
        }
    }

    void commit(Commit commit, String function) {
        try {
            backend.commit(commit);
        } catch (BackendUnavailableException e) {
            if (e.outcomeUnknown()) {
                throw new KvOutcomeUnknownException("The commit of function " + Names.show(function)
                        + " was sent to " + url + " but its outcome is unknown (applied as a "
                        + "whole or not at all): " + e.getMessage(), e);
            }
            throw unavailable(e, function);
        } catch (BackendConflictException e) {
            throw conflict(e, function);
        }
    }

    /** Checks reads without writing; a conflict is reported as the backend's exception. */
    void validate(Commit readsOnly) {
        backend.commit(readsOnly);
    }

    private KvUnavailableException unavailable(BackendUnavailableException e, String function) {
        return new KvUnavailableException("Storage " + url + " is unavailable (function "
                + Names.show(function) + "): " + e.getMessage(), e);
    }

    private static KvConflictException conflict(BackendConflictException e, String function) {
        return new KvConflictException("Conflict in a request of function " + Names.show(function)
                + ": " + e.getMessage(), e);
    }
}
