/**
 * The kv4j compatibility kit.
 *
 * <p>Run it with {@link io.kv4j.tck.Tck#run} (or {@code kv tck --url URL}), or from a build's
 * test phase with this jar at test scope and the configuration parameter {@code kv.tck.url}. A
 * backend that must start a server for the kit, or that offers restart and crash hooks for the
 * durability clauses, provides a {@link io.kv4j.tck.TckFixture}.
 *
 * <p>The tests themselves are package-private final classes, one per SPEC chapter; each test
 * names its clause and cannot be overridden.
 */
package io.kv4j.tck;
