package io.kv4j;

import io.kv4j.common.KvUrl;
import io.kv4j.common.Option;
import io.kv4j.spi.BackendConfig;
import io.kv4j.spi.KeyOrder;
import io.kv4j.spi.KvBackend;
import io.kv4j.spi.KvProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.ObjectMapper;

/**
 * The store: opens the backend, and runs requests with the rules shared by every backend.
 */
final class DefaultKvStore implements KvStore {

    /** How many function names one call of the backend lists. */
    private static final int NAMES_PER_PAGE = 1000;

    private final Storage storage;
    private final Config config;
    private final Json json;
    private final KvObserver observer;
    private final KvStoreInfo info;
    /** The lines of this store's contended keys; no other store's requests are in them. */
    private final Contention lines = new Contention();

    private DefaultKvStore(Storage storage, Config config, Json json, KvObserver observer,
            KvStoreInfo info) {
        this.storage = storage;
        this.config = config;
        this.json = json;
        this.observer = observer;
        this.info = info;
    }

    static KvStore open(String url, Map<String, Object> given, List<Object> objects,
            ObjectMapper mapper, KvObserver observer) {
        Objects.requireNonNull(url, "url");
        String base = Providers.normalize(url);
        KvProvider provider = Providers.find(base);
        List<Option<?>> backendTable = provider.options();
        List<Option<?>> table = BackendConfig.merge(KvOption.table(), backendTable);
        // the map's options win, and come first: an unknown name after a secret of the query
        // may be the secret's tail and is refused unnamed, which must not hide the map's names
        Map<String, Object> options = new LinkedHashMap<>(given);
        for (Object o : objects) {
            options.put(objectOption(o, table, base).name(), o);
        }
        KvUrl.queryOptions(url).forEach(options::putIfAbsent);
        BackendConfig values = BackendConfig.of(base, options, KvOption.table(), backendTable);
        Config config = Config.of(values).within(provider.maxValueBytes(), KvUrl.scheme(base)
                + " (" + provider.getClass().getName() + ")");
        if (config.meterRegistry() != null) {
            observer = KvMeters.observing(observer, config.meterRegistry());
        }
        String shown = Providers.redact(url, table);
        KvBackend backend;
        try {
            backend = provider.open(values);
        } catch (RuntimeException e) {
            throw Storage.failure(e, "Opening " + shown);
        }
        if (backend == null) {
            throw new KvStorageException("Provider " + provider.getClass().getName()
                    + " returned no backend for " + shown, null);
        }
        Storage storage = new Storage(backend, shown, observer);
        KvStoreInfo info = new KvStoreInfo(shown, KvUrl.scheme(base),
                provider.getClass().getName(), provider.apiVersion(), storage.capabilities(),
                provider.maxValueBytes());
        return new DefaultKvStore(storage, config, new Json(mapper, config.maxValueBytes()),
                observer, info);
    }

    /**
     * The one object option of the table that takes {@code value}, by its class.
     *
     * @throws IllegalArgumentException when none or several do
     */
    private static Option<?> objectOption(Object value, List<Option<?>> table, String url) {
        List<Option<?>> takers = new ArrayList<>();
        List<String> objectOptions = new ArrayList<>();
        for (Option<?> o : table) {
            if (o.objectClass() != null) {
                objectOptions.add(o.name() + " (" + o.objectClass() + ")");
                if (o.accepts(value)) {
                    takers.add(o);
                }
            }
        }
        if (takers.size() == 1) {
            return takers.get(0);
        }
        throw new IllegalArgumentException(takers.isEmpty()
                ? "No option of " + KvUrl.redact(url) + " takes an object of class "
                        + value.getClass().getName() + "; its object options are "
                        + objectOptions
                : "Several options of " + KvUrl.redact(url) + " take an object of class "
                        + value.getClass().getName() + ": " + takers.stream()
                                .map(Option::name).toList()
                        + "; name one with object(name, value)");
    }

    /**
     * The engine's options, then the backend's; an option both list, such as
     * {@code meter-registry}, is listed once.
     */
    static List<Option<?>> options(String url) {
        return BackendConfig.merge(KvOption.table(),
                Providers.find(Providers.normalize(url)).options());
    }

    Storage storage() {
        return storage;
    }

    Config config() {
        return config;
    }

    Json json() {
        return json;
    }

    @Override
    public <T> T run(String function, KvRequest<T> request) {
        return execute(function, request).result();
    }

    @Override
    public <T> KvCommit<T> execute(String function, KvRequest<T> request) {
        storage.requireOpen();
        Names.requireFunction(function);
        Objects.requireNonNull(request, "request");
        long start = System.nanoTime();
        int[] attempts = {0};
        KvObserver.Outcome outcome = KvObserver.Outcome.FAILED;
        try {
            KvCommit<T> result = retrying(function, request, start, attempts);
            outcome = KvObserver.Outcome.COMMITTED;
            return result;
        } catch (RuntimeException | Error e) {
            outcome = Storage.outcome(e);
            throw e;
        } finally {
            try {
                observer.requestEnded(function, outcome, attempts[0], System.nanoTime() - start);
            } catch (RuntimeException ignored) {
                // an observer must not break a request
            }
        }
    }

    /**
     * Runs attempts until one commits, or fails with what is not a conflict or an outage of the
     * storage it called, or the retry policy ends it.
     *
     * @param attempts where to count the attempts made
     */
    private <T> KvCommit<T> retrying(String function, KvRequest<T> request, long start,
            int[] attempts) {
        RetryPolicy retry = config.retry();
        long deadline = retry.deadline(start);
        int retries = 0;
        int pauses = 0;
        // taken at the first conflict: a request that never conflicts has nothing to do with lines
        Contention.Turn turn = null;
        try {
            while (true) {
                if (turn != null) {
                    turn.beforeAttempt();
                }
                attempts[0]++;
                Transaction txn = new Transaction(this, function);
                KvTransientException failure;
                try {
                    T result = body(txn, function, request);
                    // costs one read unless a key of the store is contended
                    Contention.Place ahead = lines.ahead(txn, turn);
                    if (ahead != null && retry.maxBackoffMs() > 0
                            && retry.mayRetry(retries, deadline)) {
                        // others wait their turn at a key this attempt read: committing now would
                        // most likely make the one whose turn it is conflict, so it joins them
                        turn = turn != null ? turn : lines.turn(deadline, retry.maxBackoffMs());
                        turn.join(ahead);
                        continue;
                    }
                    return new KvCommit<>(result, txn.commit());
                } catch (KvConflictException e) {
                    failure = e;
                } catch (KvUnavailableException e) {
                    if (!txn.reported(e)) {
                        throw e; // not this store's: the body's own failure (KV-5.3)
                    }
                    failure = e;
                }
                if (!retry.mayRetry(retries, deadline)) {
                    throw exhausted(function, retry, retries, failure);
                }
                retries++;
                KvConflictException where = failure instanceof KvConflictException c ? c : null;
                boolean inLine = where != null && where.function() != null;
                // a conflict where the request already had its turn came from outside the line
                // (another process, another store, or a request on its first attempt): pause
                if (!inLine || turn != null && turn.holds(where.function(), where.key())) {
                    pause(retry, pauses++, deadline, function);
                }
                if (inLine) {
                    turn = turn != null ? turn : lines.turn(deadline, retry.maxBackoffMs());
                    turn.join(where.function(), where.key());
                }
            }
        } finally {
            if (turn != null) {
                turn.close();
            }
        }
    }

    /** The failure of a request whose retries ran out, of the same kind as its last one. */
    private static KvException exhausted(String function, RetryPolicy retry, int retries,
            KvTransientException last) {
        String message = "The request of function " + Names.show(function) + " "
                + retry.exhausted(retries) + ": " + last.getMessage();
        return last instanceof KvConflictException c
                ? new KvConflictException(message, c.function(), c.key(), c.target(), c.reason(), c)
                : new KvUnavailableException(message, last);
    }

    /** The body of one attempt; what it threw, as {@link #run} passes it on. */
    private <T> T body(Transaction txn, String function, KvRequest<T> request) {
        View kv = txn.root();
        try {
            return request.apply(kv);
        } catch (KvConflictException | Error e) {
            throw e;
        } catch (Exception e) {
            txn.abandon();
            if (e instanceof KvUnavailableException u && txn.reported(u)) {
                throw u; // the storage is down: checking the reads could only wait for it again
            }
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                throw new KvException("The request of function " + Names.show(function)
                        + " was interrupted", e);
            }
            KvConflictException stale = txn.staleRead();
            if (stale != null) {
                // the body may have failed because it saw an inconsistent view: run it again
                KvConflictException retry = new KvConflictException("The request of function "
                        + Names.show(function) + " failed after reading data that a concurrent "
                        + "commit changed: " + stale.getMessage(), stale.function(), stale.key(),
                        stale.target(), stale.reason(), stale);
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
        storage.requireOpen();
        Transaction txn = new Transaction(this, Names.requireFunction(function));
        return new ExplicitTransaction(txn, txn.root());
    }

    @Override
    public KvReader reader(String function) {
        storage.requireOpen();
        return new Reader(this, Names.requireFunction(function));
    }

    @Override
    public List<String> functions() {
        storage.requireOpen();
        List<String> out = new ArrayList<>();
        String after = null;
        while (true) {
            List<String> page = storage.namespaces(after, NAMES_PER_PAGE);
            out.addAll(page);
            if (page.size() < NAMES_PER_PAGE) {
                return out;
            }
            String last = page.get(page.size() - 1);
            if (after != null && KeyOrder.compare(last, after) <= 0) {
                throw new KvStorageException("The backend of " + storage.url() + " listed "
                        + "function " + Names.show(last) + " after " + Names.show(after)
                        + ": its names do not advance", null);
            }
            after = last;
        }
    }

    @Override
    public long deleteAll(String function) {
        storage.requireOpen();
        return storage.deleteNamespace(Names.requireFunction(function));
    }

    @Override
    public Map<String, Object> check() {
        storage.requireOpen();
        return storage.check();
    }

    @Override
    public KvStoreInfo info() {
        return info;
    }

    @Override
    public String url() {
        return storage.url();
    }

    @Override
    public void close() {
        storage.close();
    }

    @Override
    public String toString() {
        return "KvStore[" + storage.url() + (storage.isClosed() ? ", closed]" : "]");
    }
}
