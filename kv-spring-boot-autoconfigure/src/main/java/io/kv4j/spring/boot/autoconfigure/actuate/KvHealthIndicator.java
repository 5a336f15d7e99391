package io.kv4j.spring.boot.autoconfigure.actuate;

import io.kv4j.KvStore;
import java.util.Objects;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Up when the store's storage answers {@link KvStore#check()}, with what it reports as details
 * (on PostgreSQL the schema, its version, the pool's state and the cache's); down with the error
 * otherwise. kv4j's messages mask secrets, so neither state shows a password.
 */
public class KvHealthIndicator extends AbstractHealthIndicator {

    private final KvStore store;

    /**
     * Creates the indicator.
     *
     * @param store the store to check
     */
    public KvHealthIndicator(KvStore store) {
        super("kv4j health check failed");
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.withDetail("backend", store.info().scheme())
                .withDetails(store.check())
                .up();
    }
}
