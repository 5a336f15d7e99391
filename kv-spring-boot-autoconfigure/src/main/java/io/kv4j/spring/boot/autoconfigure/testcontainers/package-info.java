/**
 * Testcontainers' {@code @ServiceConnection} for kv4j: a {@code PostgreSQLContainer} so annotated
 * gives the store its URL, as a {@link io.kv4j.spring.boot.autoconfigure.KvConnectionDetails}.
 * Used when the application's tests have {@code spring-boot-testcontainers} and
 * {@code testcontainers-postgresql}.
 */
package io.kv4j.spring.boot.autoconfigure.testcontainers;
