package io.kv4j.spi;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One option of the request engine or of a backend: its name, type, default and meaning. A
 * provider lists its options in {@link KvProvider#options()}; the engine parses and checks every
 * value against that table before the backend sees it, masks secret values in every message, and
 * tools (the {@code kv} command, framework integrations, documentation) read the same table.
 */
public final class OptionDescriptor {

    /** How an option's value is written and checked. */
    public enum Type {
        /** Any text, or text matching a pattern. */
        TEXT,
        /** An integer within bounds. */
        INTEGER,
        /** {@code true} or {@code false}, in any case. */
        BOOLEAN,
        /** One of a fixed set of words. */
        CHOICE,
        /** An object handed in through {@code KvStore.builder}, never written as text. */
        OBJECT
    }

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9._-]*");
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");

    private final String name;
    private final Type type;
    private final String defaultValue;
    private final String description;
    private final boolean secret;
    private final long min;
    private final long max;
    private final Pattern pattern;
    private final String patternKind;
    private final List<String> choices;
    private final String objectClass;

    private OptionDescriptor(String name, Type type, String defaultValue, String description,
            boolean secret, long min, long max, Pattern pattern, String patternKind,
            List<String> choices, String objectClass) {
        if (!NAME.matcher(Objects.requireNonNull(name, "name")).matches()) {
            throw new IllegalArgumentException("An option name must match " + NAME + " but was: "
                    + Text.quote(name));
        }
        this.name = name;
        this.type = type;
        this.defaultValue = defaultValue;
        this.description = Objects.requireNonNull(description, "description");
        this.secret = secret;
        this.min = min;
        this.max = max;
        this.pattern = pattern;
        this.patternKind = patternKind;
        this.choices = choices;
        this.objectClass = objectClass;
    }

    /**
     * A text option.
     *
     * @param name the name, such as {@code user}
     * @param defaultValue the value used when none is given, or null for none
     * @param description one sentence
     * @return the descriptor
     */
    public static OptionDescriptor text(String name, String defaultValue, String description) {
        return new OptionDescriptor(name, Type.TEXT, defaultValue, description, false, 0, 0, null,
                null, List.of(), null);
    }

    /**
     * A text option whose value must match a pattern.
     *
     * @param name the name
     * @param defaultValue the value used when none is given, or null for none
     * @param pattern the whole value must match it
     * @param kind what a matching value is, for messages: {@code "a lower-case SQL identifier"}
     * @param description one sentence
     * @return the descriptor
     */
    public static OptionDescriptor text(String name, String defaultValue, String pattern,
            String kind, String description) {
        return new OptionDescriptor(name, Type.TEXT, defaultValue, description, false, 0, 0,
                Pattern.compile(pattern), kind, List.of(), null);
    }

    /**
     * A secret text option, such as a password: never shown in messages, logs or
     * {@code toString}.
     *
     * @param name the name
     * @param description one sentence
     * @return the descriptor
     */
    public static OptionDescriptor secret(String name, String description) {
        return new OptionDescriptor(name, Type.TEXT, null, description, true, 0, 0, null, null,
                List.of(), null);
    }

    /**
     * An integer option.
     *
     * @param name the name
     * @param defaultValue the value used when none is given, or null for none
     * @param min the smallest value allowed
     * @param max the largest value allowed
     * @param description one sentence
     * @return the descriptor
     */
    public static OptionDescriptor integer(String name, Long defaultValue, long min, long max,
            String description) {
        if (defaultValue != null && (defaultValue < min || defaultValue > max)) {
            throw new IllegalArgumentException("The default of " + name + " is out of its range");
        }
        return new OptionDescriptor(name, Type.INTEGER,
                defaultValue == null ? null : defaultValue.toString(), description, false, min,
                max, null, null, List.of(), null);
    }

    /**
     * A boolean option.
     *
     * @param name the name
     * @param defaultValue the value used when none is given
     * @param description one sentence
     * @return the descriptor
     */
    public static OptionDescriptor bool(String name, boolean defaultValue, String description) {
        return new OptionDescriptor(name, Type.BOOLEAN, Boolean.toString(defaultValue),
                description, false, 0, 0, null, null, List.of(), null);
    }

    /**
     * An option whose value is one of a few words.
     *
     * @param name the name
     * @param defaultValue the value used when none is given, one of {@code choices}, or null
     * @param choices the words allowed, compared without regard to case
     * @param description one sentence
     * @return the descriptor
     */
    public static OptionDescriptor choice(String name, String defaultValue, List<String> choices,
            String description) {
        return new OptionDescriptor(name, Type.CHOICE, defaultValue, description, false, 0, 0,
                null, null, List.copyOf(choices), null);
    }

    /**
     * An option whose value is an object handed in through {@code KvStore.builder(url)}, such as
     * a {@code javax.sql.DataSource}.
     *
     * @param name the name
     * @param className the class or interface the object must be an instance of
     * @param description one sentence
     * @return the descriptor
     */
    public static OptionDescriptor object(String name, String className, String description) {
        return new OptionDescriptor(name, Type.OBJECT, null, description, false, 0, 0, null, null,
                List.of(), Objects.requireNonNull(className, "className"));
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
     * The type.
     *
     * @return the type
     */
    public Type type() {
        return type;
    }

    /**
     * The value used when none is given.
     *
     * @return the default as text, or null when there is none
     */
    public String defaultValue() {
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
     * The smallest value of an {@link Type#INTEGER} option.
     *
     * @return the minimum
     */
    public long min() {
        return min;
    }

    /**
     * The largest value of an {@link Type#INTEGER} option.
     *
     * @return the maximum
     */
    public long max() {
        return max;
    }

    /**
     * The words of a {@link Type#CHOICE} option.
     *
     * @return the choices; empty for other types
     */
    public List<String> choices() {
        return choices;
    }

    /**
     * The class an {@link Type#OBJECT} option's value must be an instance of.
     *
     * @return the class name, or null for other types
     */
    public String objectClass() {
        return objectClass;
    }

    /**
     * What a valid value is, as messages and documentation say it: {@code an integer from 1 to
     * 1000}, {@code true or false}, {@code one of a, b}.
     *
     * @return the kind
     */
    public String kind() {
        switch (type) {
            case INTEGER:
                return "an integer from " + min + " to " + max;
            case BOOLEAN:
                return "true or false";
            case CHOICE:
                return "one of " + String.join(", ", choices);
            case OBJECT:
                return "an instance of " + objectClass;
            default:
                return pattern == null ? (secret ? "secret text" : "text") : patternKind;
        }
    }

    /**
     * Checks a value given as text and returns it parsed: a {@link String}, a {@link Long} for
     * integers, a {@link Boolean}. Nothing is trimmed: an integer is ASCII digits with an optional
     * sign, a boolean or a choice is its word in ASCII letters of any case, and a value with a
     * space before or after it is refused. No text holds a NUL character, which the protocols of
     * C-based servers take as its end.
     *
     * @param value the value as text
     * @return the parsed value
     * @throws IllegalArgumentException {@code <name> must be <kind> but was: <value>}, with a
     *     secret shown as {@code <masked>}
     */
    public Object parse(String value) {
        Objects.requireNonNull(value, name);
        switch (type) {
            case INTEGER:
                if (INTEGER.matcher(value).matches()) {
                    try {
                        long v = Long.parseLong(value);
                        if (v >= min && v <= max) {
                            return v;
                        }
                    } catch (NumberFormatException e) {
                        // beyond a long: reported below with the accepted range
                    }
                }
                throw refused(value);
            case BOOLEAN:
                if (isAsciiWord(value, "true") || isAsciiWord(value, "false")) {
                    return Boolean.valueOf(isAsciiWord(value, "true"));
                }
                throw refused(value);
            case CHOICE:
                for (String c : choices) {
                    if (isAsciiWord(value, c)) {
                        return c;
                    }
                }
                throw refused(value);
            case OBJECT:
                throw new IllegalArgumentException(name + " must be " + kind()
                        + ", handed in through KvStore.builder(url).object(\"" + name
                        + "\", value), not written as text");
            default:
                if (value.indexOf('\0') >= 0) {
                    throw new IllegalArgumentException(name + " must not hold a NUL character"
                            + (secret ? "" : " but was: " + Text.quote(value)));
                }
                if (pattern != null && !pattern.matcher(value).matches()) {
                    throw refused(value);
                }
                return value;
        }
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

    /**
     * Checks an object handed in for an {@link Type#OBJECT} option.
     *
     * @param value the object
     * @return the object
     * @throws IllegalArgumentException when the option is not an object option, or the value is
     *     not an instance of its class
     */
    public Object check(Object value) {
        Objects.requireNonNull(value, name);
        if (type != Type.OBJECT) {
            return parse(value.toString());
        }
        if (!isInstance(value.getClass(), objectClass)) {
            throw new IllegalArgumentException(name + " must be " + kind() + " but was: an "
                    + value.getClass().getName());
        }
        return value;
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

    private IllegalArgumentException refused(String value) {
        String shown = value;
        if (!value.equals(value.strip()) || !value.equals(value.trim())) {
            shown = Text.quote(value) + " (a space before or after a value is not trimmed)";
        } else if (value.codePoints().anyMatch(Text::isHidden)) {
            shown = Text.quote(value);
        }
        return new IllegalArgumentException(name + " must be " + kind() + " but was: "
                + (secret ? KvUrls.MASK : shown));
    }

    /**
     * The name, kind and default, such as {@code user (text, default "")} or
     * {@code password (secret text)}.
     */
    @Override
    public String toString() {
        return name + " (" + kind() + (defaultValue == null ? ""
                : ", default " + (defaultValue.isEmpty() ? "\"\"" : defaultValue)) + ")";
    }
}
