package io.kv4j.spring.boot.autoconfigure;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Where the store is, given by something other than {@code kv.url}: a bean of this type replaces
 * {@code kv.url}, and the {@code kv.*} options still apply. With
 * {@code io.kv4j:kv-spring-boot-testcontainers} on a test's class path, Spring Boot makes one for a
 * Testcontainers {@code PostgreSQLContainer} field or bean annotated {@code @ServiceConnection}, so
 * that the test needs no property for its container.
 */
public interface KvConnectionDetails extends ConnectionDetails {

    /**
     * The store's URL, options and credentials allowed in its query.
     *
     * @return the URL, such as {@code kv:postgresql://localhost:32768/test?user=test&password=...}
     */
    String url();
}
