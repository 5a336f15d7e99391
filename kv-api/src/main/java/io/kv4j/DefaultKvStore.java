package io.kv4j;

import io.kv4j.spi.BackendConfig;
import io.kv4j.spi.KeyOrder;
import io.kv4j.spi.KvBackend;
import io.kv4j.spi.KvProvider;
import io.kv4j.spi.KvUrls;
import io.kv4j.spi.OptionDescriptor;
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

    static KvStore open(String url, Map<String, Object> given, ObjectMapper mapper,
            KvObserver observer) {
        Objects.requireNonNull(url, "url");
        String base = Providers.normalize(url);
        // the map's options win, and come first: an unknown name after a secret of the query
        // may be the secret's tail and is refused unnamed, which must not hide the map's names
        Map<String, Object> options = new LinkedHashMap<>(given);
        KvUrls.queryOptions(url).forEach(options::putIfAbsent);
        Config config = Config.take(options);
        KvProvider provider = Providers.find(base);
        config = config.within(provider.maxValueBytes(), KvUrls.scheme(base) + " ("
                + provider.getClass().getName() + ")");
        List<OptionDescriptor> table = provider.options();
        if (config.meterRegistry() != null) {
            // the backend binds its own meters to the same registry when it declares the option
            if (table.stream().anyMatch(d -> d.name().equals(KvOption.METER_REGISTRY_KEY))) {
                options.put(KvOption.METER_REGISTRY_KEY, config.meterRegistry());
            }
            observer = KvMeters.observing(observer, config.meterRegistry());
        }
        String shown = Providers.redact(url, table);
        BackendConfig backendConfig = BackendConfig.of(base, options, table,
                KvOption.descriptors());
        KvBackend backend;
        try {
            backend = provider.open(backendConfig);
        } catch (RuntimeException e) {
            throw Storage.failure(e, "Opening " + shown);
        }
        if (backend == null) {
            throw new KvStorageException("Provider " + provider.getClass().getName()
                    + " returned no backend for " + shown, null);
        }
        Storage storage = new Storage(backend, shown, observer);
        KvStoreInfo info = new KvStoreInfo(shown, KvUrls.scheme(base),
                provider.getClass().getName(), provider.apiVersion(), storage.capabilities(),
                provider.maxValueBytes());
        return new DefaultKvStore(storage, config, new Json(mapper, config.maxValueBytes()),
                observer, info);
    }

    /**
     * The engine's options, then the backend's; an option both declare, such as
     * {@code meter-registry}, is listed once, as the engine's, which hands it on.
     */
    static List<OptionDescriptor> options(String url) {
        Map<String, OptionDescriptor> all = new LinkedHashMap<>();
        KvOption.descriptors().forEach(d -> all.put(d.name(), d));
        for (OptionDescriptor d : Providers.find(Providers.normalize(url)).options()) {
            all.putIfAbsent(d.name(), d);
        }
        return List.copyOf(all.values());
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
        storage.requireOpen();
        Names.requireFunction(function);
        Objects.requireNonNull(request, "request");
        long start = System.nanoTime();
        int[] attempts = {0};
        KvObserver.Outcome outcome = KvObserver.Outcome.FAILED;
        try {
            T result = retrying(function, request, start, attempts);
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
    private <T> T retrying(String function, KvRequest<T> request, long start, int[] attempts) {
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
                    txn.commit();
                    return result;
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
