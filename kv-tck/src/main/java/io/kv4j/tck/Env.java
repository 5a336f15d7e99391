package io.kv4j.tck;

import io.kv4j.KvStore;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * What a kit test works with: the run's store, more stores on the same storage, fresh function
 * names, scripted sessions, and bounded hand-offs to other threads. Everything it opens for a
 * test is closed when the test ends.
 */
final class Env implements AutoCloseable {

    private final Target target;
    private final Deque<AutoCloseable> owned = new ArrayDeque<>();
    private final History history = new History();

    Env(Target target) {
        this.target = target;
    }

    /** The store shared by every test of the run; never close it. */
    KvStore store() {
        return target.sharedStore();
    }

    /**
     * Another store on the storage under test; it is closed when the test ends. On a backend
     * whose stores are private ({@code PRIVATE_TO_STORE}) it is the run's store itself, so that
     * transactions of the test still share the storage.
     */
    KvStore open() {
        return target.privateStores() ? store() : own(target.open(Map.of()));
    }

    /**
     * A store of the test's own, which the test may close: on the storage under test where
     * {@link #storesShareStorage()}, else on storage of its own.
     */
    KvStore openOwn() {
        return own(target.open(Map.of()));
    }

    /**
     * A store with engine options; it is closed when the test ends. It shares the storage of
     * the others only where {@link #storesShareStorage()}.
     */
    KvStore open(Map<String, String> options) {
        return own(target.open(options));
    }

    /**
     * Whether two stores opened on the URL share the storage. Tests of a part of a clause that
     * needs it skip that part where not.
     */
    boolean storesShareStorage() {
        return !target.privateStores();
    }

    /**
     * Opens another store with the engine's default options, for the clauses about them
     * (KV-7.13); it is closed when the test ends.
     */
    KvStore openWithDefaults() {
        return own(target.openWithDefaults());
    }

    /** A function name unique to this call, so tests never share entries. */
    String fn(String name) {
        return target.function(name);
    }

    /** The URL under test; it may hold secrets, never put it in a message. */
    String url() {
        return target.url();
    }

    /** The URL under test with secrets masked, for messages. */
    String shown() {
        return target.shown();
    }

    Settings settings() {
        return target.settings();
    }

    long seed() {
        return target.seed();
    }

    /** What the code under test logs during the run, watched for secrets. */
    LogWatch logs() {
        return target.logs();
    }

    /** The fixture, or null. */
    TckFixture fixture() {
        return target.fixture();
    }

    /** Why a test goes untested for want of a hook, and what would offer it. */
    String without(TckFixture.Hook hook) {
        return Fixtures.without(target.fixture(), target.url(), hook);
    }

    /** Begins an explicit transaction of {@code function} on a thread of its own. */
    Session session(String name, KvStore store, String function) {
        return own(Session.begin(name, store, function, target.settings().stepTimeoutMs(),
                history));
    }

    /** What this test's sessions did, for failure messages. */
    History history() {
        return history;
    }

    /**
     * Runs {@code work} on another thread and waits for it, at most the step timeout.
     *
     * @throws AssertionError when it did not finish in time, naming {@code what}
     */
    <T> T elsewhere(String what, Callable<T> work) {
        try (Worker w = new Worker(what, " (" + Tck.STEP_TIMEOUT_MS + ")")) {
            return w.call(work, target.settings().stepTimeoutMs());
        }
    }

    <C extends AutoCloseable> C own(C resource) {
        owned.push(resource);
        return resource;
    }

    @Override
    public void close() {
        RuntimeException first = null;
        while (!owned.isEmpty()) {
            try {
                owned.pop().close();
            } catch (Exception e) {
                if (first == null) {
                    first = e instanceof RuntimeException ? (RuntimeException) e
                            : new IllegalStateException("closing " + e, e);
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
