package io.kv4j.spring.boot.autoconfigure.actuate;

import io.kv4j.KvStore;
import io.kv4j.spring.boot.autoconfigure.KvAutoConfiguration;
import io.kv4j.spring.boot.autoconfigure.KvProperties;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.CompositeHealthContributorConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;

/**
 * The {@code kv} health indicator of every {@link KvStore} bean (one indicator per store when
 * there are several), unless {@code management.health.kv.enabled=false}. Each waits for its store
 * no longer than {@code kv.health.timeout}.
 */
@AutoConfiguration(after = KvAutoConfiguration.class)
@ConditionalOnClass({KvStore.class, HealthContributor.class,
        ConditionalOnEnabledHealthIndicator.class})
@ConditionalOnBean(KvStore.class)
@ConditionalOnEnabledHealthIndicator("kv")
@EnableConfigurationProperties(KvProperties.class)
public class KvHealthContributorAutoConfiguration
        extends CompositeHealthContributorConfiguration<KvHealthIndicator, KvStore> {

    /**
     * Creates the configuration; Spring Boot does.
     *
     * @param properties the integration's settings, for the health timeout
     */
    public KvHealthContributorAutoConfiguration(KvProperties properties) {
        super(store -> new KvHealthIndicator(store, properties.getHealth().getTimeout()));
    }

    /**
     * The contributor.
     *
     * @param beanFactory where the stores are
     * @return an indicator, or a composite of one per store
     */
    @Bean
    @ConditionalOnMissingBean(name = {"kvHealthIndicator", "kvHealthContributor"})
    public HealthContributor kvHealthContributor(ConfigurableListableBeanFactory beanFactory) {
        return createContributor(beanFactory, KvStore.class);
    }
}
