package io.kv4j.spi;

import io.kv4j.common.KvUrl;
import io.kv4j.common.Option;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a store is opened with: the URL and the value of every option, parsed and checked once by
 * the request engine against the engine's option table and the provider's
 * {@linkplain KvProvider#options() table}. A backend reads its values typed, with
 * {@link #get(Option)}, by the same {@link Option} constants its table lists.
 */
public final class BackendConfig {

    private final String url;
    private final Map<String, Option<?>> table;
    private final Map<Option<?>, Object> given;

    private BackendConfig(String url, Map<String, Option<?>> table, Map<Option<?>, Object> given) {
        this.url = url;
        this.table = table;
        this.given = given;
    }

    /**
     * Parses and checks options against a backend's table alone; a backend's tests may use it.
     *
     * @param url the store URL without its query, its scheme in lower case
     * @param options the options given, each a {@link String} (parsed by its option) or, for an
     *     object option, the object
     * @param table the provider's options
     * @return the configuration
     * @throws IllegalArgumentException naming an option that is not in the table, or a value that
     *     its option refuses; secrets are never shown
     */
    public static BackendConfig of(String url, Map<String, ?> options,
            List<? extends Option<?>> table) {
        return of(url, options, List.of(), table);
    }

    /**
     * Parses and checks options against the engine's table and a backend's, in one pass: the
     * request engine's way. An option in both tables must be the same {@link Option} (such as
     * {@link Option#METER_REGISTRY}); both sides then read the one value.
     *
     * @param url the store URL without its query, its scheme in lower case
     * @param options the options given, each a {@link String} or, for an object option, the
     *     object
     * @param engine the engine's options
     * @param backend the provider's options
     * @return the configuration
     * @throws IllegalArgumentException naming an option that is in neither table, a value that
     *     its option refuses (secrets are never shown), or a backend option that takes the name
     *     of another of the engine's
     */
    public static BackendConfig of(String url, Map<String, ?> options,
            List<? extends Option<?>> engine, List<? extends Option<?>> backend) {
        Objects.requireNonNull(url, "url");
        Map<String, Option<?>> byName = new LinkedHashMap<>();
        for (Option<?> o : merge(engine, backend)) {
            byName.put(o.name(), o);
        }
        Map<Option<?>, Object> given = new LinkedHashMap<>();
        boolean afterSecret = false;
        for (Map.Entry<String, ?> o : options.entrySet()) {
            Option<?> option = byName.get(o.getKey());
            if (option == null) {
                // in a URL, what follows a secret may be its own tail cut at an unencoded '&'
                throw new IllegalArgumentException(afterSecret
                        ? "An unknown option follows a secret option for " + KvUrl.redact(url)
                                + "; its name is not shown, as it may be the rest of a secret "
                                + "value holding '&' (percent-encode '&' in values as %26)"
                        : unknown(o.getKey(), url, engine, backend));
            }
            afterSecret = option.isSecret() || KvUrl.isSecret(option.name());
            given.put(option, option.cast(o.getValue()));
        }
        return new BackendConfig(url, Collections.unmodifiableMap(byName),
                Collections.unmodifiableMap(given));
    }

    /**
     * The engine's options, then the backend's; an option both list is listed once.
     *
     * @param engine the engine's options
     * @param backend the provider's options
     * @return every option once, in that order
     * @throws IllegalArgumentException when a backend option takes the name of another option of
     *     the engine
     */
    public static List<Option<?>> merge(List<? extends Option<?>> engine,
            List<? extends Option<?>> backend) {
        Map<String, Option<?>> all = new LinkedHashMap<>();
        engine.forEach(o -> all.put(o.name(), o));
        for (Option<?> o : backend) {
            Option<?> known = all.putIfAbsent(o.name(), o);
            if (known != null && known != o) {
                throw new IllegalArgumentException("The backend's option " + o.name()
                        + " takes the name of an option of the request engine; a backend may "
                        + "share an engine option only by listing that same Option");
            }
        }
        return List.copyOf(all.values());
    }

    private static String unknown(String name, String url, List<? extends Option<?>> engine,
            List<? extends Option<?>> backend) {
        List<String> backendNames = new ArrayList<>();
        backend.forEach(o -> backendNames.add(o.name()));
        List<String> engineNames = new ArrayList<>();
        engine.forEach(o -> engineNames.add(o.name()));
        String own = backendNames.isEmpty() ? "this backend has no options of its own"
                : "this backend's are " + names(backendNames);
        return "Unknown option " + Text.quote(name) + " for " + KvUrl.redact(url) + ": "
                + (engine.isEmpty() ? own : "the request engine's options are "
                        + names(engineNames) + ", and " + own)
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
     * @return the URL; it may hold secrets, so never show it: use {@link KvUrl#redact}
     */
    public String url() {
        return url;
    }

    /**
     * The value of an option: the one given, or else its default.
     *
     * @param option an option of the tables
     * @param <T> the type of its value
     * @return the value, or null when none was given and the option has no default
     * @throws IllegalArgumentException when the option is not in the tables
     */
    public <T> T get(Option<T> option) {
        Object v = given.get(requireKnown(option));
        return v != null ? option.type().cast(v) : option.defaultValue();
    }

    /**
     * Whether the caller gave the option, rather than leaving it to its default.
     *
     * @param option an option of the tables
     * @return true when given
     * @throws IllegalArgumentException when the option is not in the tables
     */
    public boolean isGiven(Option<?> option) {
        return given.containsKey(requireKnown(option));
    }

    /**
     * The options the caller gave, with their parsed values, in the order given.
     *
     * @return option to value
     */
    public Map<Option<?>, Object> given() {
        return given;
    }

    private Option<?> requireKnown(Option<?> option) {
        if (table.get(option.name()) != option) {
            throw new IllegalArgumentException("No option " + Text.quote(option.name())
                    + " in the tables of this store");
        }
        return option;
    }

    /** The URL and the options given, secrets masked and objects shown by their class. */
    @Override
    public String toString() {
        Map<String, Object> shown = new LinkedHashMap<>();
        given.forEach((o, v) -> shown.put(o.name(), o.isSecret() ? KvUrl.MASK
                : o.objectClass() != null ? v.getClass().getName() : v));
        return KvUrl.redact(url) + " " + shown;
    }
}
