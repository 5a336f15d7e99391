package io.kv4j.common;

import io.kv4j.spi.Text;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One option of the request engine or of a backend, typed: its name, the Java type of its value,
 * its default, what values it takes, whether it is secret, and what it does. The engine parses
 * every value given as text once, with {@link #parse}, and checks every object with
 * {@link #cast}; code then reads the value as a {@code T}. Tools (the {@code kv} command,
 * framework integrations, documentation) read the same tables.
 *
 * @param <T> the type of the option's value: {@link Integer}, {@link Long}, {@link Boolean},
 *     {@link String}, or {@link Object} for an object handed in through the store's builder
 */
public final class Option<T> {

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9._-]*");
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");
    /** The words of a boolean option, told from a choice's by identity. */
    private static final List<String> BOOLEAN = List.of("true", "false");

    /**
     * The option shared by the request engine and the backends that bind meters: a Micrometer
     * {@code MeterRegistry} for the store's meters. The engine binds its own to it, and hands it
     * to a backend that declares this same option.
     */
    public static final Option<Object> METER_REGISTRY = object("meter-registry",
            "io.micrometer.core.instrument.MeterRegistry", "A Micrometer MeterRegistry to bind "
                    + "the store's meters to: requests, attempts, commits, conflicts by cause, "
                    + "and the backend's own (such as a pool's and a cache's); Micrometer is then "
                    + "needed at run time.");

    /** How the values of one kind of option are read from text; null when the text is none. */
    private sealed interface Form {
        Object read(String value);

        String kind(boolean secret);
    }

    private record Ints(long min, long max, boolean wide) implements Form {
        @Override
        public Object read(String value) {
            if (INTEGER.matcher(value).matches()) {
                try {
                    long v = Long.parseLong(value);
                    if (v >= min && v <= max) {
                        return wide ? (Object) v : (Object) (int) v;
                    }
                } catch (NumberFormatException e) {
                    // beyond a long: refused with the accepted range
                }
            }
            return null;
        }

        @Override
        public String kind(boolean secret) {
            return "an integer from " + min + " to " + max;
        }
    }

    private record Words(List<String> choices) implements Form {
        @Override
        public Object read(String value) {
            for (String c : choices) {
                if (isAsciiWord(value, c)) {
                    return choices == BOOLEAN ? Boolean.valueOf(c.equals("true")) : c;
                }
            }
            return null;
        }

        @Override
        public String kind(boolean secret) {
            return choices == BOOLEAN ? "true or false" : "one of " + String.join(", ", choices);
        }
    }

    private record Texts(Pattern pattern, String kind) implements Form {
        @Override
        public Object read(String value) {
            return pattern == null || pattern.matcher(value).matches() ? value : null;
        }

        @Override
        public String kind(boolean secret) {
            return pattern != null ? kind : secret ? "secret text" : "text";
        }
    }

    private record Instances(String className) implements Form {
        @Override
        public Object read(String value) {
            return null;
        }

        @Override
        public String kind(boolean secret) {
            return "an instance of " + className;
        }
    }

    private final String name;
    private final Class<T> type;
    private final T defaultValue;
    private final String description;
    private final boolean secret;
    private final Form form;

    private Option(String name, Class<T> type, T defaultValue, String description, boolean secret,
            Form form) {
        if (!NAME.matcher(Objects.requireNonNull(name, "name")).matches()) {
            throw new IllegalArgumentException("An option name must match " + NAME + " but was: "
                    + Text.quote(name));
        }
        this.name = name;
        this.type = type;
        this.defaultValue = defaultValue;
        this.description = Objects.requireNonNull(description, "description");
        this.secret = secret;
        this.form = form;
        if (defaultValue != null && form.read(String.valueOf(defaultValue)) == null) {
            throw new IllegalArgumentException("The default of " + name + " is not "
                    + form.kind(secret));
        }
    }

    /**
     * An integer option.
     *
     * @param name the name, such as {@code pool-size}
     * @param defaultValue the value used when none is given, or null for none
     * @param min the smallest value allowed
     * @param max the largest value allowed
     * @param description one sentence
     * @return the option
     */
    public static Option<Integer> integer(String name, Integer defaultValue, int min, int max,
            String description) {
        return new Option<>(name, Integer.class, defaultValue, description, false,
                new Ints(min, max, false));
    }

    /**
     * An integer option whose range needs a {@code long}.
     *
     * @param name the name
     * @param defaultValue the value used when none is given, or null for none
     * @param min the smallest value allowed
     * @param max the largest value allowed
     * @param description one sentence
     * @return the option
     */
    public static Option<Long> longInteger(String name, Long defaultValue, long min, long max,
            String description) {
        return new Option<>(name, Long.class, defaultValue, description, false,
                new Ints(min, max, true));
    }

    /**
     * A boolean option: {@code true} or {@code false}, in any case of ASCII letters.
     *
     * @param name the name
     * @param defaultValue the value used when none is given
     * @param description one sentence
     * @return the option
     */
    public static Option<Boolean> bool(String name, boolean defaultValue, String description) {
        return new Option<>(name, Boolean.class, defaultValue, description, false,
                new Words(BOOLEAN));
    }

    /**
     * A text option.
     *
     * @param name the name, such as {@code user}
     * @param defaultValue the value used when none is given, or null for none
     * @param description one sentence
     * @return the option
     */
    public static Option<String> text(String name, String defaultValue, String description) {
        return new Option<>(name, String.class, defaultValue, description, false,
                new Texts(null, null));
    }

    /**
     * A text option whose value must match a pattern.
     *
     * @param name the name
     * @param defaultValue the value used when none is given, or null for none
     * @param pattern the whole value must match it
     * @param kind what a matching value is, for messages: {@code "a lower-case SQL identifier"}
     * @param description one sentence
     * @return the option
     */
    public static Option<String> text(String name, String defaultValue, String pattern,
            String kind, String description) {
        return new Option<>(name, String.class, defaultValue, description, false,
                new Texts(Pattern.compile(pattern), Objects.requireNonNull(kind, "kind")));
    }

    /**
     * A secret text option, such as a password: never shown in messages, logs or
     * {@code toString}.
     *
     * @param name the name
     * @param description one sentence
     * @return the option
     */
    public static Option<String> secret(String name, String description) {
        return new Option<>(name, String.class, null, description, true, new Texts(null, null));
    }

    /**
     * An option whose value is one of a few words, compared without regard to the case of ASCII
     * letters; the value read is the word as listed.
     *
     * @param name the name
     * @param defaultValue the value used when none is given, one of {@code choices}, or null
     * @param choices the words allowed
     * @param description one sentence
     * @return the option
     */
    public static Option<String> choice(String name, String defaultValue, List<String> choices,
            String description) {
        return new Option<>(name, String.class, defaultValue, description, false,
                new Words(List.copyOf(choices)));
    }

    /**
     * An option whose value is an object handed in through the store's builder, such as a
     * {@code javax.sql.DataSource}; the class is named, not loaded, so that it need not be on
     * the class path of an application that does not use the option.
     *
     * @param name the name
     * @param className the class or interface the object must be an instance of
     * @param description one sentence
     * @return the option
     */
    public static Option<Object> object(String name, String className, String description) {
        return new Option<>(name, Object.class, null, description, false,
                new Instances(Objects.requireNonNull(className, "className")));
    }

    /**
     * An option whose value is an object of a class that is always on the class path, such as
     * {@code javax.sql.DataSource}, read back as that class.
     *
     * @param name the name
     * @param type the class or interface the object must be an instance of
     * @param description one sentence
     * @param <T> that class
     * @return the option
     */
    public static <T> Option<T> object(String name, Class<T> type, String description) {
        return new Option<>(name, type, null, description, false, new Instances(type.getName()));
    }

    /**
     * The name, as in URLs and option maps.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The Java type of the value.
     *
     * @return {@code Integer}, {@code Long}, {@code Boolean}, {@code String} or {@code Object}
     */
    public Class<T> type() {
        return type;
    }

    /**
     * The value used when none is given.
     *
     * @return the default, or null when there is none
     */
    public T defaultValue() {
        return defaultValue;
    }

    /**
     * What the option does.
     *
     * @return one sentence
     */
    public String description() {
        return description;
    }

    /**
     * Whether the value is a secret, never to be shown.
     *
     * @return true for passwords and the like
     */
    public boolean isSecret() {
        return secret;
    }

    /**
     * The smallest value of an integer option.
     *
     * @return the minimum; 0 for other options
     */
    public long min() {
        return form instanceof Ints i ? i.min() : 0;
    }

    /**
     * The largest value of an integer option.
     *
     * @return the maximum; 0 for other options
     */
    public long max() {
        return form instanceof Ints i ? i.max() : 0;
    }

    /**
     * The words of a choice option.
     *
     * @return the choices; empty for other options, booleans included
     */
    public List<String> choices() {
        return form instanceof Words w && w.choices() != BOOLEAN ? w.choices() : List.of();
    }

    /**
     * The class an object option's value must be an instance of.
     *
     * @return the class name, or null for options written as text
     */
    public String objectClass() {
        return form instanceof Instances o ? o.className() : null;
    }

    /**
     * What a valid value is, as messages and documentation say it: {@code an integer from 1 to
     * 1000}, {@code true or false}, {@code one of a, b}, {@code text}.
     *
     * @return the kind
     */
    public String kind() {
        return form.kind(secret);
    }

    /**
     * Checks a value given as text and returns it parsed. Nothing is trimmed: an integer is ASCII
     * digits with an optional sign, a boolean or a choice is its word in ASCII letters of any
     * case, and a value with a space before or after it is refused. No text holds a NUL
     * character, which the protocols of C-based servers take as its end.
     *
     * @param value the value as text
     * @return the parsed value
     * @throws IllegalArgumentException {@code <name> must be <kind> but was: <value>}, with a
     *     secret shown as {@code <masked>}
     */
    public T parse(String value) {
        Objects.requireNonNull(value, name);
        if (form instanceof Instances) {
            throw new IllegalArgumentException(name + " must be " + kind()
                    + ", handed in through KvStore.builder(url).object(value), not written as "
                    + "text");
        }
        if (form instanceof Texts && value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(name + " must not hold a NUL character"
                    + (secret ? "" : " but was: " + Text.quote(value)));
        }
        Object v = form.read(value);
        if (v == null) {
            throw refused(value);
        }
        return type.cast(v);
    }

    /**
     * Checks a value handed in as an object: for an object option, that it is an instance of the
     * option's class; for any other, its text, as {@link #parse} checks it, so that an
     * {@code Integer} 3 is checked against the bounds like {@code "3"}.
     *
     * @param value the value
     * @return the value as the option's type
     * @throws IllegalArgumentException when it is not a value of this option
     */
    public T cast(Object value) {
        Objects.requireNonNull(value, name);
        if (!(form instanceof Instances)) {
            return parse(value.toString());
        }
        if (!accepts(value)) {
            throw new IllegalArgumentException(name + " must be " + kind() + " but was: an "
                    + value.getClass().getName());
        }
        return type.cast(value);
    }

    /**
     * Whether an object is a value of this object option: an instance of its class.
     *
     * @param value an object
     * @return false for options written as text
     */
    public boolean accepts(Object value) {
        return form instanceof Instances o && value != null
                && isInstance(value.getClass(), o.className());
    }

    private static boolean isInstance(Class<?> c, String name) {
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            if (k.getName().equals(name)) {
                return true;
            }
            for (Class<?> i : k.getInterfaces()) {
                if (isInstance(i, name)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether a value is a word, ignoring the case of ASCII letters only. */
    private static boolean isAsciiWord(String value, String word) {
        if (value.length() != word.length()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char a = value.charAt(i);
            char b = word.charAt(i);
            if (a != b && (a > 0x7f || Character.toLowerCase(a) != Character.toLowerCase(b))) {
                return false;
            }
        }
        return true;
    }

    private IllegalArgumentException refused(String value) {
        String shown = value;
        if (!value.equals(value.strip()) || !value.equals(value.trim())) {
            shown = Text.quote(value) + " (a space before or after a value is not trimmed)";
        } else if (value.codePoints().anyMatch(Text::isHidden)) {
            shown = Text.quote(value);
        }
        return new IllegalArgumentException(name + " must be " + kind() + " but was: "
                + (secret ? KvUrl.MASK : shown));
    }

    /**
     * The name, kind and default, such as {@code user (text, default "")} or
     * {@code password (secret text)}.
     */
    @Override
    public String toString() {
        return name + " (" + kind() + (defaultValue == null ? "" : ", default "
                + (defaultValue.toString().isEmpty() ? "\"\"" : defaultValue)) + ")";
    }
}
