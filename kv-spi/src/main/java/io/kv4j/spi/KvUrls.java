package io.kv4j.spi;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The store URL grammar, {@code kv:<scheme>:<rest>[?name=value&...]}, and secret redaction.
 *
 * <p>Query parameters are options: {@code name=value} pairs, names case-sensitive, both
 * percent-decoded as UTF-8 ({@code +} is a plain plus); a pair without {@code =}, an empty name
 * and a name given twice are errors. A value holding {@code &} or {@code %} must be
 * percent-encoded ({@code %26}, {@code %25}).
 */
public final class KvUrls {

    /** What messages show instead of a secret. */
    public static final String MASK = "<masked>";

    private static final String PREFIX = "kv:";
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*");
    private static final Pattern OPTION_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9._-]*");
    private static final Pattern USER_INFO_PASSWORD = Pattern.compile("(//[^/?#@:]*):[^/?#@]*@");

    private KvUrls() {
    }

    /**
     * The scheme of a store URL: {@code memory} for {@code kv:memory:x}, {@code postgresql} for
     * {@code kv:postgresql://host/db}.
     *
     * @param url a store URL
     * @return the scheme, lower case
     * @throws IllegalArgumentException if the URL does not start with {@code kv:<scheme>:}
     */
    public static String scheme(String url) {
        if (url == null || !url.startsWith(PREFIX)) {
            throw new IllegalArgumentException(
                    "A store URL must start with 'kv:<scheme>:' but was: " + redact(url));
        }
        int end = url.indexOf(':', PREFIX.length());
        if (end <= PREFIX.length() || !SCHEME.matcher(url.substring(PREFIX.length(), end)).matches()) {
            throw new IllegalArgumentException(
                    "A store URL must start with 'kv:<scheme>:' but was: " + redact(url));
        }
        return url.substring(PREFIX.length(), end).toLowerCase(Locale.ROOT);
    }

    /**
     * The URL as providers see it: without its query string, its scheme in lower case (schemes
     * are compared without regard to case).
     *
     * @param url a store URL
     * @return the normalised URL
     * @throws IllegalArgumentException if the URL does not start with {@code kv:<scheme>:}
     */
    public static String normalize(String url) {
        String scheme = scheme(url);
        return PREFIX + scheme + withoutQuery(url).substring(PREFIX.length() + scheme.length());
    }

    /**
     * The URL without its query string.
     *
     * @param url a store URL
     * @return everything before the first {@code ?}
     */
    public static String withoutQuery(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    /**
     * The options in the URL's query string, in their order.
     *
     * @param url a store URL
     * @return name to decoded value; empty when there is no query
     * @throws IllegalArgumentException for a parameter without a name or given twice; the message
     *     shows no value of the query, which may be a secret
     */
    public static Map<String, String> queryOptions(String url) {
        Map<String, String> options = new LinkedHashMap<>();
        int q = url.indexOf('?');
        if (q < 0 || q == url.length() - 1) {
            return options;
        }
        int n = 0;
        for (String part : url.substring(q + 1).split("&")) {
            n++;
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("Option " + n + " of the URL's query has no "
                        + "'=value' (percent-encode '&' in values as %26): "
                        + redact(withoutQuery(url)));
            }
            String name = decode(part.substring(0, eq), url);
            String value = decode(part.substring(eq + 1), url);
            if (name.isEmpty()) {
                throw new IllegalArgumentException("Option " + n + " of the URL's query has no "
                        + "name: " + redact(withoutQuery(url)));
            }
            if (options.put(name, value) != null) {
                throw new IllegalArgumentException("URL option " + Text.quote(name)
                        + " is given twice in: " + redact(url));
            }
        }
        return options;
    }

    /**
     * Whether an option's name says it holds a secret: passwords, secrets, tokens, credentials,
     * passphrases and SSL keys. The safety net for options that no table describes; where a
     * table does, its {@link OptionDescriptor#isSecret()} decides too.
     *
     * @param optionName an option name
     * @return true if its value must never be shown
     */
    public static boolean isSecret(String optionName) {
        String n = optionName.toLowerCase(Locale.ROOT);
        return n.contains("password") || n.contains("secret") || n.contains("token")
                || n.contains("credential") || n.equals("sslkey") || n.contains("passphrase");
    }

    /**
     * The URL with every secret replaced by {@code <masked>}: the password of a
     * {@code //user:password@host} part and the value of every {@linkplain #isSecret secret}
     * query option.
     *
     * @param url a URL, or null
     * @return the URL safe to show in messages and logs; {@code "null"} for null
     */
    public static String redact(String url) {
        return redact(url, KvUrls::isSecret);
    }

    /**
     * The URL with every secret replaced by {@code <masked>}: the password of a
     * {@code //user:password@host} part, the value of every query option that {@code secret}
     * names, and any part of the query that follows such a value and is not a {@code name=value}
     * pair, as it is most likely the rest of a secret holding an unencoded {@code &}.
     *
     * @param url a URL, or null
     * @param secret which option names hold secrets
     * @return the URL safe to show in messages and logs; {@code "null"} for null
     */
    public static String redact(String url, Predicate<String> secret) {
        if (url == null) {
            return "null";
        }
        String masked = USER_INFO_PASSWORD.matcher(url).replaceFirst("$1:" + MASK + "@");
        int q = masked.indexOf('?');
        if (q < 0) {
            return masked;
        }
        StringBuilder out = new StringBuilder(masked.substring(0, q + 1));
        String[] parts = masked.substring(q + 1).split("&", -1);
        boolean afterSecret = false;
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                out.append('&');
            }
            int eq = parts[i].indexOf('=');
            String name = eq < 0 ? "" : decodeLenient(parts[i].substring(0, eq));
            if (eq < 0 || !OPTION_NAME.matcher(name).matches()) {
                out.append(afterSecret ? MASK : parts[i]);
            } else if (secret.test(name) || isSecret(name)) {
                out.append(parts[i], 0, eq + 1).append(MASK);
                afterSecret = true;
            } else {
                out.append(parts[i]);
                afterSecret = false;
            }
        }
        return out.toString();
    }

    /**
     * Options with every secret value replaced by {@code <masked>}, for messages and logs.
     *
     * @param options options
     * @return a copy safe to show
     */
    public static Map<String, String> redact(Map<String, String> options) {
        Map<String, String> out = new LinkedHashMap<>();
        options.forEach((k, v) -> out.put(k, isSecret(k) ? MASK : v));
        return out;
    }

    private static String decode(String s, String url) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // the message names the URL, redacted, never the raw text: it may be a secret
            throw new IllegalArgumentException("Bad percent-encoding in the options of: "
                    + redact(withoutQuery(url)) + " (percent-encode '%' in values as %25)");
        }
    }

    private static String decodeLenient(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
