package io.kv4j;

import io.kv4j.common.Option;
import java.util.List;
import java.util.Map;

/**
 * A key-value store: each function reads and writes its own namespace of JSON values, one atomic
 * request at a time; anyone may read a function's committed data.
 *
 * <pre>{@code
 * try (KvStore store = KvStore.open("kv:memory:")) {
 *     long n = store.run("counter", kv -> {
 *         Long count = kv.get("count", Long.class);
 *         long next = count == null ? 1 : count + 1;
 *         kv.set("count", next);
 *         return next;
 *     });
 * }
 * }</pre>
 *
 * <p>A store is safe for use by many threads; each request runs on the calling thread.
 */
public interface KvStore extends AutoCloseable {

    /** The system property holding the URL used by {@link #open()}. */
    String URL_PROPERTY = "kv.url";

    /** The environment variable holding the URL used by {@link #open()} when the property is unset. */
    String URL_ENVIRONMENT = "KV_URL";

    /** The system property that pins the provider, by scheme or class name. */
    String PROVIDER_PROPERTY = "kv.provider";

    /** The URL used by {@link #open()} when neither property nor environment variable is set. */
    String DEFAULT_URL = "kv:memory:";

    /**
     * Opens the store named by system property {@value #URL_PROPERTY}, else environment variable
     * {@value #URL_ENVIRONMENT}, else {@value #DEFAULT_URL}.
     *
     * @return the open store
     * @throws IllegalArgumentException for a malformed URL, no provider for it, or a bad option
     * @throws KvUnavailableException when the storage cannot be reached
     * @throws KvConfigurationException when the storage refuses the configuration
     */
    static KvStore open() {
        return open(defaultUrl());
    }

    /**
     * Opens a store by URL: {@code kv:memory:} (private to this store), {@code kv:memory:NAME}
     * (shared in this JVM) or a backend's own URL such as {@code kv:postgresql://host/db}.
     *
     * @param url the store URL, options allowed in its query string
     * @return the open store
     * @throws IllegalArgumentException for a malformed URL, no provider for it, or a bad option
     * @throws KvUnavailableException when the storage cannot be reached
     * @throws KvConfigurationException when the storage refuses the configuration
     */
    static KvStore open(String url) {
        return builder(url).open();
    }

    /**
     * Opens a store by URL with options, which override those in the URL's query string.
     *
     * @param url the store URL
     * @param options option names to values; see {@link KvOption} and the backend's options
     * @return the open store
     * @throws IllegalArgumentException for a malformed URL, no provider for it, or a bad or unknown
     *     option
     * @throws KvUnavailableException when the storage cannot be reached
     * @throws KvConfigurationException when the storage refuses the configuration
     */
    static KvStore open(String url, Map<String, String> options) {
        return builder(url).options(options).open();
    }

    /**
     * A builder for a store with object-valued settings: a Jackson mapper, an observer, a data
     * source.
     *
     * @param url the store URL, options allowed in its query string
     * @return the builder
     */
    static KvStoreBuilder builder(String url) {
        return new KvStoreBuilder(url);
    }

    /**
     * The URL {@link #open()} uses: system property {@value #URL_PROPERTY}, else environment
     * variable {@value #URL_ENVIRONMENT}, else {@value #DEFAULT_URL}.
     *
     * @return the URL
     */
    static String defaultUrl() {
        String url = System.getProperty(URL_PROPERTY);
        if (url == null || url.isBlank()) {
            url = System.getenv(URL_ENVIRONMENT);
        }
        return url == null || url.isBlank() ? DEFAULT_URL : url.trim();
    }

    /**
     * The options a store on this URL takes, without opening it: the engine's
     * ({@link KvOption}) and then those of the backend that serves the URL, each name once.
     *
     * @param url a store URL
     * @return the option table
     * @throws IllegalArgumentException for a malformed URL or no provider for it
     */
    static List<Option<?>> options(String url) {
        return DefaultKvStore.options(url);
    }

    /**
     * Runs one request of a function as an atomic transaction: its writes commit together when
     * the body returns, and are all discarded when it throws. When a concurrent commit conflicts,
     * the body runs again: requests of this store that conflicted on the same key take turns, and
     * the request goes on retrying for {@code retry-timeout-ms} (30 s by default). When a read or
     * the commit finds the storage unreachable, nothing was written, and the body runs again the
     * same way, so a restart or failover of the storage shorter than that delays the request
     * instead of failing it. A commit whose outcome is unknown is never run again.
     *
     * @param function the function whose namespace the body reads and writes
     * @param request the body
     * @param <T> the result type
     * @return what the body returned
     * @throws IllegalArgumentException for an invalid function name
     * @throws IllegalStateException when the store is closed
     * @throws KvConflictException when conflicts outlasted {@code retry-timeout-ms}
     * @throws KvUnavailableException when the storage could not be reached for
     *     {@code retry-timeout-ms}, or the body threw it
     * @throws KvOutcomeUnknownException when the commit's outcome could not be learnt
     * @throws KvException wrapping a checked exception thrown by the body; an unchecked one is
     *     rethrown as it is
     */
    <T> T run(String function, KvRequest<T> request);

    /**
     * Runs one request as {@link #run} does, and tells the versionstamp of its commit as well:
     * every entry the request wrote has it ({@link KvEntry#versionstamp()}), for example to
     * return it as an HTTP ETag.
     *
     * @param function the function whose namespace the body reads and writes
     * @param request the body
     * @param <T> the result type
     * @return what the body returned, and the versionstamp of the commit (null when the request
     *     wrote nothing)
     * @throws IllegalArgumentException for an invalid function name
     * @throws IllegalStateException when the store is closed
     * @throws KvException as {@link #run} throws it
     */
    <T> KvCommit<T> execute(String function, KvRequest<T> request);

    /**
     * Begins an explicit transaction of a function. It must be used by one thread, and committed,
     * rolled back or closed.
     *
     * @param function the function whose namespace the transaction reads and writes
     * @return the transaction
     * @throws IllegalArgumentException for an invalid function name
     * @throws IllegalStateException when the store is closed
     */
    KvTransaction begin(String function);

    /**
     * A read-only view of a function's committed data. Each call reads a consistent committed
     * state.
     *
     * @param function the function whose namespace to read
     * @return the reader
     * @throws IllegalArgumentException for an invalid function name
     * @throws IllegalStateException when the store is closed
     */
    KvReader reader(String function);

    /**
     * The functions that hold data, in UTF-8 byte order of their names.
     *
     * @return the names; a function whose every key was deleted is not among them
     * @throws IllegalStateException when the store is closed
     * @throws KvUnavailableException when the storage cannot be reached
     */
    List<String> functions();

    /**
     * Deletes every key of a function, atomically: a concurrent request that read any of them
     * and commits afterwards conflicts and runs again.
     *
     * @param function the function
     * @return how many keys were deleted
     * @throws IllegalArgumentException for an invalid function name
     * @throws IllegalStateException when the store is closed
     * @throws KvUnavailableException when the storage cannot be reached
     */
    long deleteAll(String function);

    /**
     * Checks that the storage can be used now, for a health check: one cheap round trip on a
     * database, nothing in memory.
     *
     * @return what the backend reports beside "up", such as {@code schema-version} and the
     *     pool's state on PostgreSQL, in a stable order; possibly empty
     * @throws IllegalStateException when the store is closed
     * @throws KvUnavailableException when the storage cannot be reached
     * @throws KvConfigurationException when it is reachable but unusable as configured
     */
    Map<String, Object> check();

    /**
     * What the store runs on: its URL, backend, SPI version and capabilities.
     *
     * @return the description
     */
    KvStoreInfo info();

    /**
     * The store's URL with secrets masked.
     *
     * @return the URL, safe to show
     */
    String url();

    /**
     * Closes the store and its storage. Running transactions can no longer read or commit.
     * Closing twice is allowed.
     */
    @Override
    void close();
}
