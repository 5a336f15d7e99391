/**
 * The memory backend: {@code kv:memory:} is private to one store, {@code kv:memory:NAME} is shared
 * by every store opened with that name in the JVM while one of them is open. Not durable.
 */
package io.kv4j.memory;
