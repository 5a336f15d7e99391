package io.kv4j.spring.boot.autoconfigure;

import io.kv4j.common.Option;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;

/**
 * Reads a store's options from {@code kv.*} properties. The names come from the option tables of
 * the engine and of the URL's backend, so that a backend added to the class path brings its
 * options without a change here, and an option of another backend (a PostgreSQL
 * {@code kv.pool-size} left in the configuration of a test on {@code kv:memory:}) is not passed
 * to a store that would refuse it.
 */
final class KvStoreOptions {

    /** The first segments of the integration's own properties, which no option may take. */
    private static final Set<String> OWN = Set.of("url", "jackson", "postgresql", "health", "web");

    private KvStoreOptions() {
    }

    /**
     * The property an option is read from: {@code kv.} and the option's name in Spring's dashed
     * form, so that {@code pool-size} is {@code kv.pool-size} and the driver property
     * {@code ApplicationName} is {@code kv.application-name}.
     *
     * @param option an option of a table
     * @return the property name, or null when the option cannot be a property: object options,
     *     which are objects of the application, and names that clash with the integration's own
     */
    static String propertyName(Option<?> option) {
        if (option.objectClass() != null) {
            return null;
        }
        String dashed = DataObjectPropertyName.toDashedForm(option.name());
        int dot = dashed.indexOf('.');
        String first = dot < 0 ? dashed : dashed.substring(0, dot);
        String property = KvProperties.PREFIX + "." + dashed;
        return OWN.contains(first) || !ConfigurationPropertyName.isValid(property) ? null : property;
    }

    /**
     * The options of a table that the properties set, as text under the table's names. Relaxed
     * binding applies: {@code kv.pool-size}, {@code kv.poolSize} and {@code KV_POOLSIZE} all set
     * {@code pool-size}.
     *
     * @param binder the application's properties
     * @param table the options of the engine and of the URL's backend
     * @return option names to values, in the table's order
     */
    static Map<String, String> bind(Binder binder, List<Option<?>> table) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Option<?> option : table) {
            String property = propertyName(option);
            if (property != null) {
                binder.bind(property, Bindable.of(String.class))
                        .ifBound(value -> out.put(option.name(), value));
            }
        }
        return out;
    }
}
