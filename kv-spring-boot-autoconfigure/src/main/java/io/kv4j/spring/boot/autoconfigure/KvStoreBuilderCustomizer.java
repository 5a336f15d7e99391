package io.kv4j.spring.boot.autoconfigure;

import io.kv4j.KvStoreBuilder;

/**
 * Adjusts the builder of the auto-configured store after the {@code kv.*} properties, the
 * application's Jackson mapper and data source were applied, and before it opens: to add an
 * observer, an object option of a backend, or an option computed at startup. Beans of this type
 * apply in their {@link org.springframework.core.annotation.Order order}.
 */
@FunctionalInterface
public interface KvStoreBuilderCustomizer {

    /**
     * Adjusts the builder.
     *
     * @param builder the builder of the store about to open
     */
    void customize(KvStoreBuilder builder);
}
