/**
 * Spring Boot auto-configuration for kv4j: a {@link io.kv4j.KvStore} bean opened from
 * {@code kv.url} and the {@code kv.*} options, closed with the application context.
 *
 * <p>{@link io.kv4j.spring.boot.autoconfigure.KvAutoConfiguration} backs off when the application
 * defines its own {@code KvStore}; {@link io.kv4j.spring.boot.autoconfigure.KvStoreBuilderCustomizer}
 * beans adjust the store it opens.
 */
package io.kv4j.spring.boot.autoconfigure;
