package io.kv4j.spring.boot.autoconfigure;

import io.kv4j.KvConfigurationException;
import io.kv4j.KvObserver;
import io.kv4j.KvStore;
import io.kv4j.KvStoreBuilder;
import io.kv4j.KvUnavailableException;
import io.kv4j.common.KvUrl;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import tools.jackson.databind.json.JsonMapper;

/**
 * Opens a {@link KvStore} from {@code kv.url} and the {@code kv.*} options, and closes it with
 * the application context. It backs off when the application defines a {@code KvStore} of its
 * own.
 *
 * <ul>
 *   <li>A {@link KvConnectionDetails} bean, such as the one Spring Boot makes of a Testcontainers
 *       {@code PostgreSQLContainer} annotated {@code @ServiceConnection}, replaces
 *       {@code kv.url}.
 *   <li>Values map with the application's {@link JsonMapper} when there is one (Spring Boot
 *       auto-configures it from {@code spring.jackson.*}), unless
 *       {@code kv.jackson.use-application-mapper=false}.
 *   <li>On {@code kv:postgresql:} with {@code kv.postgresql.use-application-datasource=true},
 *       the store uses the application's {@link DataSource} instead of a pool of its own.
 *   <li>A single {@link KvObserver} bean hears every request and commit.
 *   <li>{@link KvStoreBuilderCustomizer} beans adjust the builder last.
 * </ul>
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"})
@ConditionalOnClass(KvStore.class)
@EnableConfigurationProperties(KvProperties.class)
public class KvAutoConfiguration {

    /** Creates the configuration; Spring Boot does. */
    public KvAutoConfiguration() {
    }

    /**
     * The store.
     *
     * @param properties the integration's settings
     * @param connectionDetails where the store is, when not at {@code kv.url}
     * @param environment the application's properties, for the store's options
     * @param jsonMapper the application's Jackson mapper, if any
     * @param dataSource the application's data source, if any
     * @param observer the application's observer, if any
     * @param customizers the customizers, in order
     * @return the open store
     * @throws IllegalStateException naming kv.url and the cause when the store cannot open
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public KvStore kvStore(KvProperties properties,
            ObjectProvider<KvConnectionDetails> connectionDetails, Environment environment,
            ObjectProvider<JsonMapper> jsonMapper, ObjectProvider<DataSource> dataSource,
            ObjectProvider<KvObserver> observer, ObjectProvider<KvStoreBuilderCustomizer> customizers) {
        KvConnectionDetails details = connectionDetails.getIfAvailable();
        String url = details == null ? properties.getUrl() : details.url();
        String source = details == null ? "kv.url=" : "the URL of the "
                + KvConnectionDetails.class.getSimpleName() + " bean, ";
        try {
            KvStoreBuilder builder = KvStore.builder(url)
                    .options(KvStoreOptions.bind(Binder.get(environment), KvStore.options(url)));
            if (properties.getJackson().isUseApplicationMapper()) {
                jsonMapper.ifUnique(builder::objectMapper);
            }
            if (properties.getPostgresql().isUseApplicationDatasource()
                    && KvUrl.scheme(url).equals("postgresql")) {
                DataSource ds = dataSource.getIfUnique();
                if (ds == null) {
                    throw new KvStoreOpenException("kv.postgresql.use-application-datasource is "
                            + "true but the application has no DataSource bean, or several and "
                            + "none of them primary",
                            "Configure spring.datasource.url (with spring-boot-starter-jdbc), "
                                    + "mark one DataSource @Primary, or set "
                                    + "kv.postgresql.use-application-datasource=false.", null);
                }
                builder.object(ds);
            }
            observer.ifUnique(builder::observer);
            customizers.orderedStream().forEach(c -> c.customize(builder));
            return builder.open();
        } catch (KvStoreOpenException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new KvStoreOpenException("Cannot open the kv4j store of " + source
                    + KvUrl.redact(url) + ": " + e.getMessage(), action(e), e);
        }
    }

    private static String action(RuntimeException e) {
        if (e instanceof KvUnavailableException) {
            return "Check that the storage of kv.url is running and reachable from here.";
        }
        if (e instanceof KvConfigurationException) {
            return "Check the database, user and password (kv.user, kv.password) and the "
                    + "schema that kv.url and the kv.* options name.";
        }
        return "Check kv.url (kv:memory:, kv:postgresql://host:5432/database) and the kv.* "
                + "options. A URL needs its backend on the class path: io.kv4j:kv-backend-postgres "
                + "for kv:postgresql:.";
    }
}
