/**
 * Testcontainers' {@code @ServiceConnection} for kv4j: a {@code PostgreSQLContainer} so annotated
 * gives the store its URL, as a {@link io.kv4j.spring.boot.autoconfigure.KvConnectionDetails}.
 */
package io.kv4j.spring.boot.testcontainers;
