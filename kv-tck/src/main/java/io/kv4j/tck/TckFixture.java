package io.kv4j.tck;

import java.util.Optional;
import java.util.function.Function;

/**
 * A backend's hook into the kit, found through {@link java.util.ServiceLoader}: it starts and
 * stops the storage the kit runs against, and offers the hooks that the durability clauses (KV-9)
 * need: a restart of the server, a URL that loses commit outcomes and an unreachable URL.
 *
 * <p>Whether the durability tests run is decided by the store itself
 * ({@code KvStore.info().isDurable()}, which the backend declares through the SPI); the fixture
 * says what it expects the store to declare, and KV-9.1 fails when the two differ.
 *
 * <p>Which fixture is used: the configuration parameter {@value Tck#FIXTURE} names one by class
 * name (or {@code postgres-embedded} and {@code postgres}, the fixtures of
 * {@code io.kv4j:kv-tck-postgres}), or {@code none} for none; unset, the one fixture that
 * {@code ServiceLoader} finds is used, none when there is none, and finding several is a
 * configuration error. Implementations need a public no-argument constructor. The kit calls
 * {@link #start} once before the first test and {@link #stop} once after the last. Every
 * capability is optional: a test that needs a missing one is reported as untested, with the
 * reason, and the run is then no clean pass.
 */
public interface TckFixture {

    /**
     * Starts the storage, for example an embedded database server, and returns the URL to test.
     *
     * @param configuredUrl the value of {@value Tck#URL}, or null when it is not set
     * @return the store URL the kit runs against; may be {@code configuredUrl} itself
     * @throws Exception when the storage cannot be started; the run is then misconfigured
     */
    String start(String configuredUrl) throws Exception;

    /**
     * Starts the storage as {@link #start(String)} does, with the kit's configuration parameters
     * at hand, for a fixture that takes settings of its own (such as how to restart a server).
     * The kit calls this one; by default it calls {@link #start(String)}.
     *
     * @param configuredUrl the value of {@value Tck#URL}, or null when it is not set
     * @param parameters the kit's configuration parameters by name: JUnit configuration
     *     parameters and system properties, or {@code kv tck -P name=value}
     * @return the store URL the kit runs against
     * @throws Exception when the storage cannot be started; the run is then misconfigured
     */
    default String start(String configuredUrl, Function<String, Optional<String>> parameters)
            throws Exception {
        return start(configuredUrl);
    }

    /**
     * Stops what {@link #start} started. Called once, after the last test, even when tests failed.
     *
     * @throws Exception when stopping fails; reported, never hiding test results
     */
    void stop() throws Exception;

    /**
     * Called after {@link #stop}: deletes what the run created on the storage beyond the data of
     * the kit's functions (which the kit deletes itself), such as a schema, and says what it
     * deleted, or what is left and why. The kit prints it after the run.
     *
     * @return one line, or null when there is nothing to say
     */
    default String cleanUp() {
        return null;
    }

    /**
     * What the user can give this fixture so that it offers a hook it lacks, such as a parameter
     * to set; the kit adds it to the verdict of each clause that went untested for want of it.
     *
     * @param hook the hook that is missing
     * @return the advice, or null when the fixture has none
     */
    default String howToOffer(Hook hook) {
        return null;
    }

    /** The hooks a fixture may offer, for {@link #howToOffer}. */
    enum Hook {
        /** {@link #restart}, which {@link #canRestart} says is offered. */
        RESTART("a restart of the server"),
        /** {@link #unreachableUrl}. */
        UNREACHABLE_URL("an unreachable URL"),
        /** {@link #commitCuttingUrl}. */
        COMMIT_CUTTING_URL("a commit-cutting URL"),
        /** {@link #commitCuttingUnreachableUrl}. */
        COMMIT_CUTTING_UNREACHABLE_URL("a commit-cutting URL after which the storage is "
                + "unreachable");

        private final String description;

        Hook(String description) {
            this.description = description;
        }

        /**
         * The hook in words, as the verdicts say it.
         *
         * @return such as {@code a restart of the server}
         */
        public String description() {
            return description;
        }
    }

    /**
     * Whether the storage keeps every commit that returned across a killed application and a
     * restarted server, and is shared by other processes that open the same URL: what the store
     * must declare through {@code KvStore.info().isDurable()}. The kit checks that it does
     * (KV-9.1); the tests of KV-9.2 to KV-9.4 and the cross-process part of KV-7.11 run when the
     * store declares itself durable.
     *
     * @return true for durable storage; false by default
     */
    default boolean durable() {
        return false;
    }

    /**
     * Whether {@link #restart} is offered.
     *
     * @return true when the storage server can be restarted by the kit
     */
    default boolean canRestart() {
        return false;
    }

    /**
     * Restarts the storage server, keeping its data. Stores opened before may fail with
     * {@code KvUnavailableException} until they reconnect; the kit opens new ones afterwards.
     *
     * @param immediate true for an immediate shutdown (no checkpoint, like a crash of the
     *     server), false for a clean one
     * @throws Exception when the server could not be restarted
     */
    default void restart(boolean immediate) throws Exception {
        throw new UnsupportedOperationException("this fixture cannot restart the storage");
    }

    /**
     * A URL of this backend that points at storage nobody serves, such as a port with no server,
     * for KV-9.4. Opening it, or the first request on it, must fail with
     * {@code KvUnavailableException} within the backend's connection timeout.
     *
     * @return the URL, or null when the fixture cannot offer one
     */
    default String unreachableUrl() {
        return null;
    }

    /**
     * A URL of the same storage on which the connection of the next commit is cut after the
     * commit was sent and before its result arrives (for example through a proxy that the
     * fixture controls), for KV-9.3. The kit opens a store on it, commits once, expects
     * {@code KvOutcomeUnknownException}, and checks through the main URL that the commit's writes
     * are all visible or none are.
     *
     * @return the URL, or null when the fixture cannot offer one
     */
    default String commitCuttingUrl() {
        return null;
    }

    /**
     * Like {@link #commitCuttingUrl()}, but once the commit was cut every later connection through
     * the URL is refused, as if the storage had gone away with the answer, for KV-9.3 on a backend
     * that declares {@code RESOLVES_LOST_COMMITS}: there, the commit must be reported
     * {@code KvOutcomeUnknownException} once the backend gives up looking it up. The URL should
     * set the backend's bound for that low, so that the kit does not wait long.
     *
     * @return the URL, or null when the fixture cannot offer one
     */
    default String commitCuttingUnreachableUrl() {
        return null;
    }
}
