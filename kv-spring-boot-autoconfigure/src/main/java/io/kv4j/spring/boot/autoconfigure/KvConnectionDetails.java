package io.kv4j.spring.boot.autoconfigure;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Where the store is, given by something other than {@code kv.url}: a bean of this type replaces
 * {@code kv.url}, and the {@code kv.*} options still apply. Spring Boot makes one for a
 * Testcontainers {@code PostgreSQLContainer} field or bean annotated {@code @ServiceConnection},
 * through the factory this module registers, so that a test needs no property for its container.
 */
public interface KvConnectionDetails extends ConnectionDetails {

    /**
     * The store's URL, options and credentials allowed in its query.
     *
     * @return the URL, such as {@code kv:postgresql://localhost:32768/test?user=test&password=...}
     */
    String url();
}
