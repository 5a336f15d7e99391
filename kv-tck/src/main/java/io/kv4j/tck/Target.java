package io.kv4j.tck;

import io.kv4j.KvStore;
import io.kv4j.common.Capability;
import io.kv4j.common.KvUrl;
import io.kv4j.spi.Text;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What one run of the kit tests: the URL (after the fixture started), the fixture, the settings,
 * the seed, and what the store declares of itself. Shared by every test of the run and closed
 * after the last one.
 */
final class Target implements AutoCloseable {

    /** The configuration parameter by which the runner lends its target to the tests. */
    static final String LENT = "kv.tck.internal.target";

    private static final Map<String, Target> LENDING = new ConcurrentHashMap<>();

    /** How long {@code run} retries conflicts in the stores the kit opens, unless a test says. */
    static final int RETRY_TIMEOUT_MS = 1_000;

    private final Settings settings;
    private final String url;
    private final TckFixture fixture;
    private final String runId;
    private final long seed;
    private final List<String> notes;
    private final AtomicInteger names = new AtomicInteger();
    private final LogWatch logs;
    private final Secrets secrets;
    private volatile String stopped;
    private KvStore shared;
    private List<String> diagnoses = List.of();
    private boolean finished;
    /** Failures found while deleting the run's data. */
    private final List<Outcome> evidence = new CopyOnWriteArrayList<>();

    private Target(Settings settings, String url, TckFixture fixture, String runId, long seed,
            List<String> notes, Secrets secrets) {
        this.secrets = secrets;
        this.logs = LogWatch.install(secrets);
        this.settings = settings;
        this.url = url;
        this.fixture = fixture;
        this.runId = runId;
        this.seed = seed;
        this.notes = new ArrayList<>(notes);
    }

    /**
     * Starts the fixture, if any, and resolves the URL.
     *
     * @throws IllegalArgumentException when the run is misconfigured, saying what is wrong
     */
    static Target start(Settings settings) {
        String runId = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        long seed = settings.seed() != null ? settings.seed() : ThreadLocalRandom.current().nextLong();
        List<String> notes = new ArrayList<>();
        TckFixture fixture = Fixtures.find(settings.fixture());
        String url = settings.url();
        if (fixture != null) {
            try {
                url = fixture.start(url, settings.parameters());
            } catch (Exception e) {
                throw new IllegalArgumentException("The fixture " + fixture.getClass().getName()
                        + " failed to start: " + e, e);
            }
            notes.add("fixture: " + fixture.getClass().getName()
                    + (fixture.durable() ? " (durable)" : " (not durable)"));
            if (url == null) {
                stopQuietly(fixture);
                throw new IllegalArgumentException("The fixture " + fixture.getClass().getName()
                        + " returned no URL");
            }
        }
        if (url == null) {
            throw new IllegalArgumentException("No store URL: set the configuration parameter "
                    + Tck.URL + " (for example -D" + Tck.URL + "=kv:memory:) or provide a "
                    + TckFixture.class.getName());
        }
        Secrets secrets = new Secrets();
        secrets.addUrl(settings.url());
        secrets.addUrl(url);
        return new Target(settings, url, fixture, runId, seed, notes, secrets);
    }

    /** Lends this target to the tests of a run; returns the key to pass as {@link #LENT}. */
    String lend() {
        LENDING.put(runId, this);
        return runId;
    }

    /** Ends the lending of {@link #lend}. */
    void unlend() {
        LENDING.remove(runId, this);
    }

    static Target borrow(String key) {
        return LENDING.get(key);
    }

    Settings settings() {
        return settings;
    }

    /** The URL under test; may hold secrets, so never print it: use {@link #shown()}. */
    String url() {
        return url;
    }

    /** The URL under test with its secrets masked as the library masks them. */
    String shown() {
        return KvUrl.redact(url);
    }

    /** The secrets of the URLs under test, to remove from what the run prints. */
    Secrets secrets() {
        return secrets;
    }

    TckFixture fixture() {
        return fixture;
    }

    /** What the code under test logs during the run, watched for secrets. */
    LogWatch logs() {
        return logs;
    }

    /** Stops the run: the tests that have not started yet are not run. */
    void stop(String why) {
        stopped = why;
    }

    /** Why the run stopped early, or null. */
    String stopped() {
        return stopped;
    }

    long seed() {
        return seed;
    }

    List<String> notes() {
        return notes;
    }

    /** A function name no other test of any run uses, so tests never see each other's data. */
    String function(String name) {
        return "tck-" + runId + "-" + names.incrementAndGet() + "-" + name;
    }

    /** The prefix of every function name of this run, for cleaning up after it. */
    String functionPrefix() {
        return "tck-" + runId + "-";
    }

    /**
     * The store shared by the tests of this run, opened on first use, when the kit also probes for
     * the commonest mistakes ({@link #diagnoses()}).
     */
    synchronized KvStore sharedStore() {
        if (shared == null) {
            shared = open(Map.of());
            if (storesArePrivate(shared)) {
                notes.add("the store declares " + Capability.PRIVATE_TO_STORE + ": each store has "
                        + "storage of its own, so the tests of several transactions on one "
                        + "storage run them through one store, and the parts that need two "
                        + "stores on one storage are untested");
            }
            diagnoses = Diagnoses.of(this, shared);
        }
        return shared;
    }

    /**
     * The likely causes of failures that the probes found when the run's store was opened, each
     * with its fix, secrets removed.
     */
    synchronized List<String> diagnoses() {
        return diagnoses.stream().map(secrets::scrub).toList();
    }

    /** Whether every store opened on the URL has storage of its own. */
    boolean privateStores() {
        return storesArePrivate(sharedStore());
    }

    private static boolean storesArePrivate(KvStore store) {
        return store.info().capabilities().contains(Capability.PRIVATE_TO_STORE);
    }

    /**
     * Opens another store on the URL. Unless the test says otherwise, {@code run} gives up after
     * {@value #RETRY_TIMEOUT_MS} ms of conflicts, so that a backend whose commits always conflict
     * fails its tests in seconds instead of holding each for the default timeout.
     */
    KvStore open(Map<String, String> options) {
        Map<String, String> all = new HashMap<>(options);
        all.putIfAbsent("retry-timeout-ms", String.valueOf(RETRY_TIMEOUT_MS));
        return KvStore.open(url, all);
    }

    /** Opens another store on the URL with the engine's default options. */
    KvStore openWithDefaults() {
        return KvStore.open(url);
    }

    /**
     * Deletes every function this run wrote to (their names start with {@link #functionPrefix()})
     * through the run's store, once; bounded by the workload timeout, so that a backend that
     * hangs cannot hold the run.
     *
     * @return what was deleted, or why not, for the output
     */
    private String deleteRunData() {
        KvStore store = shared;
        String prefix = functionPrefix();
        try (Worker worker = new Worker("deleting the run's data", " (" + Tck.WORKLOAD_TIMEOUT_MS
                + ")")) {
            return worker.call(() -> {
                long entries = 0;
                List<String> deleted = new ArrayList<>();
                for (String f : store.functions()) {
                    if (f.startsWith(prefix)) {
                        entries += store.deleteAll(f);
                        deleted.add(f);
                    }
                }
                int functions = deleted.size();
                List<String> left = store.functions().stream().filter(f -> f.startsWith(prefix))
                        .toList();
                judgeCleanUp(store, deleted, left);
                return "deleted the run's data: " + Text.count(entries, "entry") + " in "
                        + Text.count(functions, "function") + " named " + prefix + "..."
                        + (left.isEmpty() ? "" : "; " + left.size() + " of them still listed");
            }, settings.workloadTimeoutMs());
        } catch (RuntimeException | Error e) {
            // an OutOfMemoryError of a broken backend included: the report still gets written
            return "warning: could not delete the run's data (functions named " + prefix
                    + "...): " + e;
        }
    }

    /**
     * Fails KV-4.5 when a function still holds entries after its deleteAll, and KV-4.4 when one
     * is still listed without entries: what the kit sees while it cleans up counts as much as
     * what a test sees.
     */
    private void judgeCleanUp(KvStore store, List<String> deleted, List<String> left) {
        List<String> holding = new ArrayList<>();
        List<String> empty = new ArrayList<>();
        List<String> unlisted = new ArrayList<>();
        for (String f : left) {
            if (!deleted.contains(f)) {
                unlisted.add(f);
            } else {
                (store.reader(f).list("", null, 1).entries().isEmpty() ? empty : holding).add(f);
            }
        }
        if (!holding.isEmpty()) {
            evidence.add(cleanUpFailure("KV-4.5", holding.size() + " functions still hold "
                    + "entries after their deleteAll returned, such as "
                    + Checks.show(holding.get(0))));
        }
        if (!empty.isEmpty()) {
            evidence.add(cleanUpFailure("KV-4.4", "functions() still lists " + empty.size()
                    + " functions whose entries deleteAll deleted, such as "
                    + Checks.show(empty.get(0))));
        }
        if (!unlisted.isEmpty()) {
            evidence.add(cleanUpFailure("KV-4.4", "functions() lists " + unlisted.size()
                    + " functions of the run that it did not list a moment before, when no "
                    + "test was writing, such as " + Checks.show(unlisted.get(0))));
        }
    }

    private Outcome cleanUpFailure(String clause, String message) {
        String scrubbed = secrets.scrub("deleting the run's data: " + message);
        return new Outcome(clause, "Target", "cleanUp_deleteAllOfEveryFunctionOfTheRun",
                Outcome.Status.FAILED, scrubbed, null, 0);
    }

    /** The clause failures seen while the run's data was deleted, after {@link #finish()}. */
    List<Outcome> evidence() {
        return List.copyOf(evidence);
    }

    /**
     * Ends the run on the storage, once: deletes the run's data, closes the run's store and stops
     * the fixture. Failures are reported, not thrown, so that the verdict is still given.
     *
     * @return the lines to print: what was deleted, and what the fixture left behind and why
     */
    synchronized List<String> finish() {
        if (finished) {
            return List.of();
        }
        finished = true;
        List<String> out = new ArrayList<>();
        try {
            if (shared != null) {
                out.add(deleteRunData());
                shared.close();
            }
        } catch (RuntimeException e) {
            out.add("warning: closing the run's store failed: " + e);
        } finally {
            if (fixture != null) {
                try {
                    fixture.stop();
                    String left = fixture.cleanUp();
                    if (left != null) {
                        out.add("fixture: " + left);
                    }
                } catch (Exception e) {
                    out.add("warning: the fixture " + fixture.getClass().getName()
                            + " failed to stop: " + e);
                }
            }
        }
        return out.stream().map(secrets::scrub).toList();
    }

    @Override
    public void close() {
        try {
            finish();
        } finally {
            logs.close();
        }
    }

    private static void stopQuietly(TckFixture fixture) {
        try {
            fixture.stop();
        } catch (Exception e) {
            // the start failure is the one to report
        }
    }
}
