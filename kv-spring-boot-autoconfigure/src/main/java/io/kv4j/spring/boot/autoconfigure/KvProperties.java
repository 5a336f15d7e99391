package io.kv4j.spring.boot.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The settings under {@code kv.*} that belong to the Spring integration. The store's own options
 * ({@code kv.max-retries}, {@code kv.pool-size}, {@code kv.password}, ...) are also read from
 * {@code kv.*}, by the names of the option tables of the engine and of the URL's backend; they
 * are not fields here because each backend has its own.
 */
@ConfigurationProperties(prefix = KvProperties.PREFIX)
public class KvProperties {

    /** The prefix of every kv4j property. */
    public static final String PREFIX = "kv";

    /**
     * The store's URL: kv:memory: (private to the application), kv:memory:NAME, or
     * kv:postgresql://host:5432/database. Options may follow in its query; kv.* properties of the
     * same names override them.
     */
    // KvStore.DEFAULT_URL, written as a literal so that the metadata shows the default
    private String url = "kv:memory:";

    private final Jackson jackson = new Jackson();

    private final Postgresql postgresql = new Postgresql();

    /** Creates the settings with their defaults; Spring Boot binds them. */
    public KvProperties() {
    }

    /**
     * The store's URL.
     *
     * @return the URL
     */
    public String getUrl() {
        return url;
    }

    /**
     * Sets the store's URL.
     *
     * @param url the URL
     */
    public void setUrl(String url) {
        this.url = url;
    }

    /**
     * How stored values meet the application's Jackson configuration.
     *
     * @return the Jackson settings
     */
    public Jackson getJackson() {
        return jackson;
    }

    /**
     * Settings that apply when the URL is {@code kv:postgresql:...}.
     *
     * @return the PostgreSQL settings
     */
    public Postgresql getPostgresql() {
        return postgresql;
    }

    /** How stored values meet the application's Jackson configuration. */
    public static class Jackson {

        /**
         * Whether values map to JSON with the application's JsonMapper bean (its spring.jackson.*
         * settings and modules) instead of kv4j's own mapper. Either way kv4j refuses what JSON
         * cannot hold.
         */
        private boolean useApplicationMapper = true;

        /** Creates the settings with their defaults. */
        public Jackson() {
        }

        /**
         * Whether the application's {@code JsonMapper} maps values.
         *
         * @return true when it does
         */
        public boolean isUseApplicationMapper() {
            return useApplicationMapper;
        }

        /**
         * Sets whether the application's {@code JsonMapper} maps values.
         *
         * @param useApplicationMapper true to use it
         */
        public void setUseApplicationMapper(boolean useApplicationMapper) {
            this.useApplicationMapper = useApplicationMapper;
        }
    }

    /** Settings that apply when the URL is {@code kv:postgresql:...}. */
    public static class Postgresql {

        /**
         * Whether the store uses the application's DataSource bean (spring.datasource.*) instead
         * of a connection pool of its own. The application then owns the pool; kv4j does not
         * close it.
         */
        private boolean useApplicationDatasource;

        /** Creates the settings with their defaults. */
        public Postgresql() {
        }

        /**
         * Whether the store uses the application's {@code DataSource}.
         *
         * @return true when it does
         */
        public boolean isUseApplicationDatasource() {
            return useApplicationDatasource;
        }

        /**
         * Sets whether the store uses the application's {@code DataSource}.
         *
         * @param useApplicationDatasource true to use it
         */
        public void setUseApplicationDatasource(boolean useApplicationDatasource) {
            this.useApplicationDatasource = useApplicationDatasource;
        }
    }
}
