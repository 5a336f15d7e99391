package io.kv4j.spring.boot.autoconfigure.web;

import io.kv4j.KvStore;
import io.kv4j.spring.boot.autoconfigure.KvProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ProblemDetail;

/**
 * The {@link KvProblemDetailsExceptionHandler} of a web application, unless
 * {@code kv.web.problem-details.enabled=false} or the application defines a bean of that type.
 */
@AutoConfiguration
@ConditionalOnClass({KvStore.class, ProblemDetail.class})
@ConditionalOnWebApplication
@ConditionalOnBooleanProperty(name = "kv.web.problem-details.enabled", matchIfMissing = true)
@EnableConfigurationProperties(KvProperties.class)
public class KvProblemDetailsAutoConfiguration {

    /** Creates the configuration; Spring Boot does. */
    public KvProblemDetailsAutoConfiguration() {
    }

    /**
     * The handler.
     *
     * @param properties the integration's settings, for {@code kv.web.retry-after}
     * @return the handler
     */
    @Bean
    @ConditionalOnMissingBean
    public KvProblemDetailsExceptionHandler kvProblemDetailsExceptionHandler(
            KvProperties properties) {
        return new KvProblemDetailsExceptionHandler(properties.getWeb().getRetryAfter());
    }
}
