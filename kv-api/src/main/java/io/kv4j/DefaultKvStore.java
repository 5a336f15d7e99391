package io.kv4j;

import io.kv4j.spi.BackendConfig;
import io.kv4j.spi.BackendConflictException;
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
        String base = KvUrls.normalize(url);
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
        String shown = redact(url, table);
        BackendConfig backendConfig = BackendConfig.of(base, options, table);
        KvBackend backend;
        try {
            backend = provider.open(backendConfig);
        } catch (RuntimeException e) {
            throw Storage.translate(e, "Opening " + shown);
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

    static List<OptionDescriptor> options(String url) {
        List<OptionDescriptor> all = new ArrayList<>(KvOption.descriptors());
        all.addAll(Providers.find(KvUrls.normalize(url)).options());
        return all;
    }

    /** The URL with the values of the table's secret options masked, and the usual suspects. */
    private static String redact(String url, List<OptionDescriptor> table) {
        return KvUrls.redact(url, name -> {
            for (OptionDescriptor d : table) {
                if (d.name().equals(name)) {
                    return d.isSecret();
                }
            }
            return false;
        });
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
     * Runs attempts until one commits, a failure is not a conflict, or the retry policy ends it.
     *
     * @param attempts where to count the attempts made
     */
    private <T> T retrying(String function, KvRequest<T> request, long start, int[] attempts) {
        RetryPolicy retry = config.retry();
        long deadline = retry.deadline(start);
        int pauses = 0;
        try (Contention.Turn turn = Contention.JVM.turn(deadline)) {
            for (int attempt = 0; ; attempt++) {
                turn.beforeAttempt();
                attempts[0] = attempt + 1;
                KvConflictException conflict;
                try {
                    return attempt(function, request, turn);
                } catch (KvConflictException e) {
                    conflict = e;
                }
                if (!retry.mayRetry(attempt, deadline)) {
                    throw new KvConflictException("The request of function " + Names.show(function)
                            + " " + retry.exhausted(attempt) + ": " + conflict.getMessage(),
                            conflict.reason(), conflict);
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
        View kv = txn.root();
        T result;
        try {
            result = request.apply(kv);
        } catch (KvConflictException | Error e) {
            throw e;
        } catch (Exception e) {
            txn.abandon();
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
                        + "commit changed: " + stale.getMessage(), stale.reason(), stale);
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
            if (t instanceof BackendConflictException b) {
                return b;
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
        storage.requireOpen();
        Transaction txn = new Transaction(this, Names.requireFunction(function), null);
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
