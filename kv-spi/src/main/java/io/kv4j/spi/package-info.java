/**
 * The kv4j service provider interface.
 *
 * <p>A backend implements storage primitives only: versioned point reads, ordered range reads and
 * one atomic conditional commit of a batch of writes. Every transaction rule (write buffering,
 * read-your-writes, rollback, nested calls, retries, validation of keys and values, JSON mapping)
 * lives once in {@code kv-api}, so that every backend shows the same semantics.
 *
 * <p>Values cross this interface as UTF-8 JSON bytes; a backend needs no JSON library. A backend is
 * registered with {@code provides io.kv4j.spi.KvProvider with ...} in its {@code module-info} and a
 * {@code META-INF/services/io.kv4j.spi.KvProvider} file for the class path.
 */
package io.kv4j.spi;
