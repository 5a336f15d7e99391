package io.kv4j;

import java.util.Arrays;
import java.util.List;

/**
 * Reads one function's namespace.
 *
 * <p>Returned by {@link KvStore#reader} it sees committed data only and offers no way to write;
 * as the supertype of {@link Kv} it also sees the running request's own writes.
 */
public interface KvReader {

    /** The number of entries a listing returns when no limit is given. */
    int DEFAULT_PAGE_SIZE = 100;

    /** The largest page a listing may ask for. */
    int MAX_PAGE_SIZE = 1000;

    /** The most keys one {@link #getMany(List)} may read. */
    int MAX_GET_MANY = 1000;

    /**
     * The function whose namespace this reads.
     *
     * @return the function name
     */
    String function();

    /**
     * Reads a value as plain JSON objects: {@link java.util.Map}, {@link java.util.List},
     * {@link String}, {@link Number}, {@link Boolean} or null. Each call returns a fresh copy.
     *
     * <p>A number comes back as a Java number that writes back as the same JSON number, so a value
     * read, changed and {@linkplain Kv#set set} again keeps every number it held: an integer as a
     * {@link Long}, or a {@link java.math.BigInteger} beyond its range; any other number as a
     * {@link Double} when {@link Double#toString(double)} of the nearest double denotes the same
     * number ({@code 1.5}, {@code 0.1}), else as the {@link java.math.BigDecimal} that holds it
     * exactly ({@code 1E+400}, {@code 12345678901234567890.10}). This holds whatever mapper the
     * store was given.
     *
     * @param key the key
     * @return the value, or null when the key is missing or holds JSON null
     * @throws IllegalArgumentException for an invalid key
     * @throws IllegalStateException when the request or store is finished
     * @throws KvConflictException when a concurrent commit made this request's reads inconsistent
     * @throws KvUnavailableException when the storage cannot be reached
     */
    Object get(String key);

    /**
     * Reads a value mapped to a type, for example {@code get("count", Long.class)}.
     *
     * @param key the key
     * @param type the type to map the JSON value to
     * @param <T> the type
     * @return the value, or null when the key is missing or holds JSON null
     * @throws IllegalArgumentException for an invalid key, or a value that does not map to the type
     * @throws IllegalStateException when the request or store is finished
     * @throws KvConflictException when a concurrent commit made this request's reads inconsistent
     * @throws KvUnavailableException when the storage cannot be reached
     */
    <T> T get(String key, Class<T> type);

    /**
     * Reads a value mapped to a generic type, for example
     * {@code get("orders", new KvType<List<Order>>() {})}.
     *
     * @param key the key
     * @param type the type to map the JSON value to
     * @param <T> the type
     * @return the value, or null when the key is missing or holds JSON null
     * @throws IllegalArgumentException for an invalid key, or a value that does not map to the type
     * @throws IllegalStateException when the request or store is finished
     * @throws KvConflictException when a concurrent commit made this request's reads inconsistent
     * @throws KvUnavailableException when the storage cannot be reached
     */
    <T> T get(String key, KvType<T> type);

    /**
     * Whether the key has a value, JSON null included.
     *
     * @param key the key
     * @return true if the key exists
     * @throws IllegalArgumentException for an invalid key
     * @throws IllegalStateException when the request or store is finished
     * @throws KvConflictException when a concurrent commit made this request's reads inconsistent
     * @throws KvUnavailableException when the storage cannot be reached
     */
    boolean has(String key);

    /**
     * Reads an entry: its key, value and {@linkplain KvEntry#versionstamp() versionstamp}.
     *
     * @param key the key
     * @return the entry, or null when the key is missing; its versionstamp is null when the
     *     running request wrote the key itself
     * @throws IllegalArgumentException for an invalid key
     * @throws IllegalStateException when the request or store is finished
     * @throws KvConflictException when a concurrent commit made this request's reads inconsistent
     * @throws KvUnavailableException when the storage cannot be reached
     */
    KvEntry getEntry(String key);

    /**
     * Reads several entries at once (on a database, in one round trip for the keys the request
     * has not read or written already).
     *
     * @param keys 1 to {@value #MAX_GET_MANY} keys; a key may be given more than once
     * @return one entry per key, in the order given, null for a missing key
     * @throws IllegalArgumentException for an invalid key, or no keys, or more than
     *     {@value #MAX_GET_MANY}
     * @throws IllegalStateException when the request or store is finished
     * @throws KvConflictException when a concurrent commit made this request's reads inconsistent
     * @throws KvUnavailableException when the storage cannot be reached
     */
    List<KvEntry> getMany(List<String> keys);

    /**
     * Reads several entries at once; see {@link #getMany(List)}.
     *
     * @param keys 1 to {@value #MAX_GET_MANY} keys
     * @return one entry per key, in the order given, null for a missing key
     */
    default List<KvEntry> getMany(String... keys) {
        return getMany(Arrays.asList(keys));
    }

    /**
     * Lists the first {@value #DEFAULT_PAGE_SIZE} entries whose keys start with a prefix, in UTF-8
     * byte order of their keys.
     *
     * @param prefix the key prefix, plain characters; empty for every key
     * @return the first page
     * @throws IllegalArgumentException for an invalid prefix
     * @throws IllegalStateException when the request or store is finished
     * @throws KvConflictException when a concurrent commit made this request's reads inconsistent
     * @throws KvUnavailableException when the storage cannot be reached
     */
    default KvPage list(String prefix) {
        return list(prefix, null, DEFAULT_PAGE_SIZE);
    }

    /**
     * Lists entries whose keys start with a prefix, in UTF-8 byte order of their keys, strictly
     * after a cursor. Paging with {@link KvPage#cursor()} never repeats a key and never skips a
     * key that existed throughout, even while others write.
     *
     * @param prefix the key prefix, plain characters; empty for every key
     * @param cursor null for the first page, else the {@link KvPage#cursor()} of the previous page
     *     (any key: the listing continues strictly after it)
     * @param limit the most entries to return, 1 to {@value #MAX_PAGE_SIZE}
     * @return the page
     * @throws IllegalArgumentException for an invalid prefix, cursor or limit
     * @throws IllegalStateException when the request or store is finished
     * @throws KvConflictException when a concurrent commit made this request's reads inconsistent
     * @throws KvUnavailableException when the storage cannot be reached
     */
    KvPage list(String prefix, String cursor, int limit);

    /**
     * Lists a range of keys, in UTF-8 byte order of their keys or, for a
     * {@linkplain KvRange#reverse() reverse} range, from the last key to the first. Paging with
     * {@link KvPage#cursor()} and {@link KvRange#after(String)} goes on in the same direction,
     * never repeats a key and never skips a key that existed throughout. Inside a request a
     * listing is validated at commit as every read is: a key that a concurrent commit wrote into
     * or removed from the part of the range the pages covered is a conflict.
     *
     * @param range the keys, direction, page size and cursor
     * @return the page
     * @throws IllegalArgumentException for an invalid prefix, bound, cursor or limit
     * @throws IllegalStateException when the request or store is finished
     * @throws KvConflictException when a concurrent commit made this request's reads inconsistent
     * @throws KvUnavailableException when the storage cannot be reached
     */
    KvPage list(KvRange range);
}
