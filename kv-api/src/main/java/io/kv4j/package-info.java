/**
 * The kv4j API.
 *
 * <p>Open a {@link io.kv4j.KvStore} by URL, then run each request of a function with
 * {@link io.kv4j.KvStore#run}: the body reads and writes the function's namespace through a
 * {@link io.kv4j.Kv}, and its writes commit together when it returns or vanish when it throws.
 * Anyone may read a function's committed data through {@link io.kv4j.KvStore#reader}.
 */
package io.kv4j;
