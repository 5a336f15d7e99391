package io.kv4j;

import io.kv4j.common.Option;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.ObjectMapper;

/**
 * Opens a store with settings that are objects, not text: an application's Jackson mapper, an
 * observer for metrics, and backend options such as a {@code javax.sql.DataSource}.
 * {@link KvStore#open(String)} remains the one-line path.
 *
 * <pre>{@code
 * KvStore store = KvStore.builder("kv:postgresql://db:5432/app")
 *         .option("user", "app")
 *         .option(KvOption.MAX_RETRIES, 3)
 *         .object(applicationDataSource)
 *         .objectMapper(applicationMapper)
 *         .open();
 * }</pre>
 *
 * <p>Options given here override those in the URL's query. A builder is not thread-safe; it may
 * open several stores.
 */
public final class KvStoreBuilder {

    private final String url;
    private final Map<String, Object> options = new LinkedHashMap<>();
    private final List<Object> objects = new ArrayList<>();
    private ObjectMapper objectMapper;
    private KvObserver observer = KvObserver.NONE;

    KvStoreBuilder(String url) {
        this.url = Objects.requireNonNull(url, "url");
    }

    /**
     * Sets an option of the engine ({@link KvOption}) or of the backend.
     *
     * @param name the option's name
     * @param value its value as text, as in a URL's query
     * @return this builder
     */
    public KvStoreBuilder option(String name, String value) {
        options.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, name));
        return this;
    }

    /**
     * Sets an option of the engine ({@link KvOption}) or of the backend, typed.
     *
     * @param option the option
     * @param value its value, checked as the option checks it when the store opens
     * @param <T> the type of its value
     * @return this builder
     */
    public <T> KvStoreBuilder option(Option<T> option, T value) {
        options.put(option.name(), Objects.requireNonNull(value, option.name()));
        return this;
    }

    /**
     * Sets several options.
     *
     * @param values option names to values as text
     * @return this builder
     */
    public KvStoreBuilder options(Map<String, String> values) {
        values.forEach(this::option);
        return this;
    }

    /**
     * Hands in an object for the one object option, of the engine's table or the backend's, whose
     * class it is an instance of: a {@code javax.sql.DataSource} for the PostgreSQL backend's
     * {@code data-source}, a Micrometer {@code MeterRegistry} for {@code meter-registry}.
     *
     * @param value the object
     * @return this builder; {@link #open} refuses an object that no option, or several, take
     */
    public KvStoreBuilder object(Object value) {
        objects.add(Objects.requireNonNull(value, "value"));
        return this;
    }

    /**
     * Sets an option whose value is an object by its name, where several object options take
     * the same class; {@link #object(Object)} finds the option by the object's class.
     *
     * @param name the option's name
     * @param value the object
     * @return this builder
     */
    public KvStoreBuilder object(String name, Object value) {
        options.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, name));
        return this;
    }

    /**
     * Maps values with the application's Jackson 3 mapper instead of kv4j's own, so that its
     * modules and settings apply to stored values and typed reads. kv4j still refuses what JSON
     * cannot hold (non-finite numbers, lone surrogates, nesting deeper than 1,000, raw JSON that
     * would not read back), whatever the mapper's settings, and {@link KvReader#get(String)}
     * reads numbers exactly as kv4j's own mapper does. How java.time values keep their zones is
     * then the mapper's choice ({@code DateTimeFeature.WRITE_DATES_WITH_ZONE_ID} and
     * {@code ADJUST_DATES_TO_CONTEXT_TIME_ZONE}).
     *
     * @param mapper the mapper
     * @return this builder
     */
    public KvStoreBuilder objectMapper(ObjectMapper mapper) {
        this.objectMapper = Objects.requireNonNull(mapper, "mapper");
        return this;
    }

    /**
     * Tells an observer how requests and commits end, for metrics and tracing.
     *
     * @param observer the observer
     * @return this builder
     */
    public KvStoreBuilder observer(KvObserver observer) {
        this.observer = Objects.requireNonNull(observer, "observer");
        return this;
    }

    /**
     * Opens the store.
     *
     * @return the open store
     * @throws IllegalArgumentException for a malformed URL, no provider for it, or a bad or
     *     unknown option
     * @throws KvUnavailableException when the storage cannot be reached
     * @throws KvConfigurationException when the storage refuses the configuration
     */
    public KvStore open() {
        return DefaultKvStore.open(url, new LinkedHashMap<>(options), List.copyOf(objects),
                objectMapper, observer);
    }
}
