package io.kv4j.bench;

import java.io.IOException;
import java.sql.SQLException;
import java.util.List;

/**
 * One way of storing {@link Item}s by key: kv4j or a hand-written baseline. Every benchmark calls
 * its implementation through this interface, chosen by the benchmark's {@code impl} parameter, so
 * kv4j and the baselines run the same benchmark code and differ only here.
 *
 * <p>Implementations are safe for use by many threads.
 */
interface Adapter extends AutoCloseable {

    /** Stores {@link Item#initial} under each key, in as few round trips as the adapter allows. */
    void load(List<String> keys) throws IOException, SQLException;

    /**
     * Reads the item under a key, stores its {@link Item#next()} and returns it, as one atomic
     * step where the adapter promises atomicity. A baseline that computes the new value in the
     * database may return null.
     */
    Item readModifyWrite(String key) throws IOException, SQLException;

    /**
     * {@link #readModifyWrite(String)}, counting in {@code counter} each run of a request's body
     * and each request that committed. An adapter that never runs an operation twice counts
     * nothing, so that only kv4j's rows show attempts per request.
     */
    default Item readModifyWrite(String key, AttemptCounter counter) throws IOException, SQLException {
        return readModifyWrite(key);
    }

    /**
     * Adds one to the whole number under a key, a missing key becoming 1, as one atomic step,
     * counting in {@code counter} as {@link #readModifyWrite(String, AttemptCounter)} does.
     * Only the adapters of the counter comparisons have it.
     */
    default void addOne(String key, AttemptCounter counter) throws IOException, SQLException {
        throw new UnsupportedOperationException(getClass().getSimpleName()
                + " is not compared on counters");
    }

    /**
     * Reads the committed items under several keys, null for a missing one, in the order of
     * the keys. Only the adapters of the bulk-read comparisons have it.
     */
    default List<Item> readMany(List<String> keys) throws IOException, SQLException {
        throw new UnsupportedOperationException(getClass().getSimpleName()
                + " is not compared on bulk reads");
    }

    /** Reads the committed item under a key, or null. */
    Item read(String key) throws IOException, SQLException;

    /** Stores one value under many keys. */
    void writeAll(List<String> keys, Item value) throws IOException, SQLException;

    /** Releases the store; a database baseline keeps its rows for the caller to drop. */
    @Override
    void close();
}
