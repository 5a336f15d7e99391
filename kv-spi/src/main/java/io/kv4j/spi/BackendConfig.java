package io.kv4j.spi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a backend is opened with: the URL and the values of its options, already checked against
 * the provider's {@linkplain KvProvider#options() option table} by the request engine. Every
 * option of the table has a value here, the given one or the default, except options without a
 * default that were not given.
 */
public final class BackendConfig {

    private final String url;
    private final Map<String, OptionDescriptor> table;
    private final Map<String, Object> values;
    private final Map<String, Object> given;

    private BackendConfig(String url, Map<String, OptionDescriptor> table,
            Map<String, Object> values, Map<String, Object> given) {
        this.url = url;
        this.table = table;
        this.values = values;
        this.given = given;
    }

    /**
     * Checks options against a table and fills in the defaults. The request engine calls this;
     * a backend's tests may too.
     *
     * @param url the store URL without its query, its scheme in lower case
     * @param options the options given, each a {@link String} (parsed by its descriptor) or, for
     *     an {@link OptionDescriptor.Type#OBJECT} option, the object
     * @param table the provider's options
     * @return the configuration
     * @throws IllegalArgumentException naming an option that is not in the table, or a value that
     *     its descriptor refuses; secrets are never shown
     */
    public static BackendConfig of(String url, Map<String, ?> options,
            Iterable<OptionDescriptor> table) {
        return of(url, options, table, List.of());
    }

    /**
     * Checks options against a table and fills in the defaults, as {@link #of(String, Map,
     * Iterable)} does, for the request engine, which has taken its own options out of
     * {@code options} first: the message of an unknown option lists the engine's options too.
     *
     * @param url the store URL without its query, its scheme in lower case
     * @param options the options given that are not the engine's
     * @param table the provider's options
     * @param engine the engine's options
     * @return the configuration
     * @throws IllegalArgumentException naming an option that is in neither table, or a value
     *     that its descriptor refuses; secrets are never shown
     */
    public static BackendConfig of(String url, Map<String, ?> options,
            Iterable<OptionDescriptor> table, List<OptionDescriptor> engine) {
        Map<String, OptionDescriptor> byName = new LinkedHashMap<>();
        for (OptionDescriptor d : table) {
            byName.put(d.name(), d);
        }
        Map<String, Object> given = new LinkedHashMap<>();
        boolean afterSecret = false;
        for (Map.Entry<String, ?> o : options.entrySet()) {
            OptionDescriptor d = byName.get(o.getKey());
            if (d == null) {
                // in a URL, what follows a secret may be its own tail cut at an unencoded '&'
                throw new IllegalArgumentException(afterSecret
                        ? "An unknown option follows a secret option for " + KvUrls.redact(url)
                                + "; its name is not shown, as it may be the rest of a secret "
                                + "value holding '&' (percent-encode '&' in values as %26)"
                        : unknown(o.getKey(), url, byName.keySet(), engine));
            }
            afterSecret = d.isSecret() || KvUrls.isSecret(d.name());
            Object v = o.getValue();
            given.put(d.name(), v instanceof String s ? d.parse(s) : d.check(v));
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (OptionDescriptor d : byName.values()) {
            if (given.containsKey(d.name())) {
                values.put(d.name(), given.get(d.name()));
            } else if (d.defaultValue() != null) {
                values.put(d.name(), d.parse(d.defaultValue()));
            }
        }
        return new BackendConfig(Objects.requireNonNull(url, "url"),
                Collections.unmodifiableMap(byName), Collections.unmodifiableMap(values),
                Collections.unmodifiableMap(given));
    }

    private static String unknown(String name, String url, Collection<String> table,
            List<OptionDescriptor> engine) {
        List<String> engineNames = new ArrayList<>();
        engine.forEach(d -> engineNames.add(d.name()));
        String backend = table.isEmpty() ? "this backend has no options of its own"
                : "this backend's are " + names(table);
        return "Unknown option " + Text.quote(name) + " for " + KvUrls.redact(url) + ": "
                + (engine.isEmpty() ? backend : "the request engine's options are "
                        + names(engineNames) + ", and " + backend)
                + " (names are case-sensitive)";
    }

    /** Names for a message: the first 24, and how many more there are. */
    private static String names(Collection<String> names) {
        StringBuilder out = new StringBuilder("[");
        int shown = 0;
        for (String n : names) {
            if (shown == 24) {
                out.append(", ... (").append(names.size() - shown).append(" more)");
                break;
            }
            out.append(shown++ == 0 ? "" : ", ").append(n);
        }
        return out.append(']').toString();
    }

    /**
     * The store URL, without its query string, its scheme in lower case.
     *
     * @return the URL; it may hold secrets, so never show it: use {@link KvUrls#redact}
     */
    public String url() {
        return url;
    }

    /**
     * Whether the caller gave the option, rather than leaving it to its default.
     *
     * @param name an option of the table
     * @return true when given
     */
    public boolean isGiven(String name) {
        return given.containsKey(requireKnown(name));
    }

    /**
     * The options the caller gave, parsed, in the order given.
     *
     * @return option name to value
     */
    public Map<String, Object> given() {
        return given;
    }

    /**
     * The value of a text or choice option.
     *
     * @param name an option of the table
     * @return the value, or null when it has neither a value nor a default
     */
    public String text(String name) {
        return (String) values.get(requireKnown(name));
    }

    /**
     * The value of an integer option.
     *
     * @param name an option of the table, with a value or a default
     * @return the value
     */
    public long integer(String name) {
        return (Long) Objects.requireNonNull(values.get(requireKnown(name)), name);
    }

    /**
     * The value of a boolean option.
     *
     * @param name an option of the table, with a value or a default
     * @return the value
     */
    public boolean bool(String name) {
        return (Boolean) Objects.requireNonNull(values.get(requireKnown(name)), name);
    }

    /**
     * The object handed in for an object option.
     *
     * @param name an option of the table
     * @param type the class to cast it to
     * @param <T> that class
     * @return the object, or null when none was given
     */
    public <T> T object(String name, Class<T> type) {
        return type.cast(values.get(requireKnown(name)));
    }

    private String requireKnown(String name) {
        if (!table.containsKey(name)) {
            throw new IllegalArgumentException("No option " + Text.quote(name)
                    + " in this backend's table");
        }
        return name;
    }

    /** The URL and the options, secrets masked. */
    @Override
    public String toString() {
        Map<String, Object> shown = new LinkedHashMap<>();
        given.forEach((k, v) -> shown.put(k, table.get(k).isSecret() ? KvUrls.MASK
                : table.get(k).type() == OptionDescriptor.Type.OBJECT ? v.getClass().getName() : v));
        return KvUrls.redact(url) + " " + shown;
    }
}
