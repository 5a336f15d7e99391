package io.kv4j.spring.boot.autoconfigure.actuate;

import io.kv4j.KvStore;
import io.kv4j.spring.boot.autoconfigure.KvAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.info.ConditionalOnEnabledInfoContributor;
import org.springframework.boot.actuate.autoconfigure.info.InfoContributorFallback;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;

/**
 * The {@code kv} info contributor of the application's store, unless
 * {@code management.info.kv.enabled=false}.
 */
@AutoConfiguration(after = KvAutoConfiguration.class)
@ConditionalOnClass({KvStore.class, InfoContributor.class,
        ConditionalOnEnabledInfoContributor.class})
@ConditionalOnSingleCandidate(KvStore.class)
@ConditionalOnEnabledInfoContributor(value = "kv",
        fallback = InfoContributorFallback.USE_DEFAULTS_PROPERTY)
public class KvInfoContributorAutoConfiguration {

    /** Creates the configuration; Spring Boot does. */
    public KvInfoContributorAutoConfiguration() {
    }

    /**
     * The contributor.
     *
     * @param store the application's store
     * @return the contributor
     */
    @Bean
    @ConditionalOnMissingBean(name = "kvInfoContributor")
    public KvInfoContributor kvInfoContributor(KvStore store) {
        return new KvInfoContributor(store);
    }
}
