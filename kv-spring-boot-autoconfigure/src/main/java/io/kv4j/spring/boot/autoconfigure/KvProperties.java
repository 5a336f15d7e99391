package io.kv4j.spring.boot.autoconfigure;

import java.time.Duration;
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

    private final Health health = new Health();

    private final Web web = new Web();

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

    /**
     * Settings of the {@code kv} health indicator.
     *
     * @return the health settings
     */
    public Health getHealth() {
        return health;
    }

    /**
     * Settings of the answers a web application gives when the store fails for now.
     *
     * @return the web settings
     */
    public Web getWeb() {
        return web;
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

    /** Settings of the {@code kv} health indicator. */
    public static class Health {

        /**
         * How long the kv health indicator waits for the store's answer before it reports DOWN,
         * so that a server that does not answer is reported within this time, not after the
         * pool's timeout. A check still running is joined by the next one rather than repeated.
         */
        private Duration timeout = Duration.ofSeconds(2);

        /** Creates the settings with their defaults. */
        public Health() {
        }

        /**
         * How long the health indicator waits for the store.
         *
         * @return the timeout
         */
        public Duration getTimeout() {
            return timeout;
        }

        /**
         * Sets how long the health indicator waits for the store.
         *
         * @param timeout the timeout, positive
         */
        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }
    }

    /** Settings of the answers a web application gives when the store fails for now. */
    public static class Web {

        private final ProblemDetails problemDetails = new ProblemDetails();

        /**
         * The Retry-After of the 503 answer to a request whose store was unavailable or whose
         * conflicts outlasted its retries, rounded up to whole seconds.
         */
        private Duration retryAfter = Duration.ofSeconds(1);

        /** Creates the settings with their defaults. */
        public Web() {
        }

        /**
         * Settings of the problem-detail exception handler.
         *
         * @return the settings
         */
        public ProblemDetails getProblemDetails() {
            return problemDetails;
        }

        /**
         * The Retry-After of a 503 answer.
         *
         * @return the delay
         */
        public Duration getRetryAfter() {
            return retryAfter;
        }

        /**
         * Sets the Retry-After of a 503 answer.
         *
         * @param retryAfter the delay, not negative
         */
        public void setRetryAfter(Duration retryAfter) {
            this.retryAfter = retryAfter;
        }

        /** Settings of the problem-detail exception handler. */
        public static class ProblemDetails {

            /**
             * Whether a request that fails with a transient kv4j exception
             * (KvUnavailableException, or KvConflictException once retries ran out) is answered
             * 503 Service Unavailable with Retry-After and an RFC 9457 problem detail, instead of
             * 500. An exception handler of the application for these exceptions comes first.
             */
            private boolean enabled = true;

            /** Creates the settings with their defaults. */
            public ProblemDetails() {
            }

            /**
             * Whether the handler is on.
             *
             * @return true when it is
             */
            public boolean isEnabled() {
                return enabled;
            }

            /**
             * Turns the handler on or off.
             *
             * @param enabled true for on
             */
            public void setEnabled(boolean enabled) {
                this.enabled = enabled;
            }
        }
    }
}
