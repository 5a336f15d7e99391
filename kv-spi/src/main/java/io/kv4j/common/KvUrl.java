package io.kv4j.common;

import io.kv4j.spi.Text;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The store URL grammar, {@code kv:<scheme>:<rest>[?name=value&...]}, and secret redaction.
 *
 * <p>Query parameters are options: {@code name=value} pairs, names case-sensitive, both
 * percent-decoded as UTF-8 ({@code +} is a plain plus); anything else in the query is an error
 * ({@link #queryOptions}). A value holding {@code &}, {@code %} or {@code #} must be
 * percent-encoded ({@code %26}, {@code %25}, {@code %23}).
 */
public final class KvUrl {

    /** What messages show instead of a secret. */
    public static final String MASK = "<masked>";

    private static final String PREFIX = "kv:";
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*");
    private static final Pattern OPTION_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9._-]*");
    /** A URL inside a text: {@code kv:} or {@code jdbc:} and a scheme, or a scheme and //. */
    private static final Pattern URL_IN_TEXT = Pattern.compile("(?i)(?:\\b(?:kv|jdbc):"
            + "[a-z][a-z0-9+.-]*:|\\b[a-z][a-z0-9+.-]*://)[^\\s'\"]*");
    /** An option written as {@code name=value} in a text, its value running to a space or quote. */
    private static final Pattern OPTION_IN_TEXT = Pattern.compile(
            "\\b([A-Za-z][A-Za-z0-9._-]*)=([^\\s'\"&]*)");

    private KvUrl() {
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
     * <p>Refused, each naming the option where it has a name that is safe to show: an empty pair
     * ({@code ?&}, {@code &&}, a {@code &} at the start or end), a pair without {@code =}, an
     * empty name or one that is no option name ({@code ??a=1}), a name given twice, a bad percent
     * escape or escaped bytes that are not UTF-8, and a {@code #} anywhere in the URL (store URLs
     * have no fragment). A lone {@code ?} is an empty query: no options. A part after the first
     * that is no {@code name=value} pair is never shown, as it may be the rest of the value before
     * it, cut at an unencoded {@code &}; the option it follows is named instead.
     *
     * @param url a store URL
     * @return name to decoded value; empty when there is no query
     * @throws IllegalArgumentException for a malformed query; the message shows no value of the
     *     query, which may be a secret
     */
    public static Map<String, String> queryOptions(String url) {
        Map<String, String> options = new LinkedHashMap<>();
        int q = url.indexOf('?');
        int hash = url.indexOf('#');
        if (hash >= 0 && (q < 0 || hash < q)) {
            throw new IllegalArgumentException("A store URL has no fragment, but this one holds "
                    + "'#' (percent-encode it as %23): " + redact(withoutQuery(url)));
        }
        if (q < 0 || q == url.length() - 1) {
            return options;
        }
        String[] parts = url.substring(q + 1).split("&", -1);
        String previous = null;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            String at = "Option " + (i + 1) + " of the URL's query";
            if (part.isEmpty()) {
                throw malformed(url, "The URL's query has an empty pair "
                        + (i == 0 ? "at its start" : i == parts.length - 1 ? "at its end"
                                : "after option " + Text.quote(previous))
                        + " (a '&' too many)");
            }
            int eq = part.indexOf('=');
            String rawName = eq < 0 ? part : part.substring(0, eq);
            String name = decode(rawName);
            boolean valid = name != null && OPTION_NAME.matcher(name).matches();
            // a part that is no name=value pair may be the rest of the value before it, cut at
            // an unencoded '&': it is never shown, but the option it follows is named
            boolean afterSecret = previous != null && isSecret(previous);
            String shown = valid && (eq >= 0 && !afterSecret || i == 0)
                    ? "Option " + Text.quote(name) + " of the URL's query"
                    : i == 0 ? at : at + ", after option " + Text.quote(previous) + ",";
            if (part.indexOf('#') >= 0) {
                throw malformed(url, shown + " holds a '#', which starts a fragment; a store URL "
                        + "has none (percent-encode '#' in values as %23)");
            }
            if (eq < 0) {
                throw malformed(url, shown + " has no '=value' (percent-encode '&' in values as "
                        + "%26)");
            }
            if (rawName.isEmpty()) {
                throw malformed(url, shown + " has no name");
            }
            if (!valid) {
                throw malformed(url, shown + " has a name that is no option name" + (i > 0
                        ? "" : name == null ? ", with a bad percent escape" : ", " + Text.quote(name))
                        + " (names are letters, digits, '.', '_' and '-')");
            }
            String value = decode(part.substring(eq + 1));
            if (value == null) {
                throw malformed(url, shown + " has a bad percent escape, or escaped bytes that "
                        + "are not UTF-8 (percent-encode '%' in values as %25)");
            }
            if (options.put(name, value) != null) {
                throw malformed(url, "URL option " + Text.quote(name) + " is given twice");
            }
            previous = name;
        }
        return options;
    }

    private static IllegalArgumentException malformed(String url, String what) {
        // the URL without its query: a value in it may be a secret that redaction cannot find
        return new IllegalArgumentException(what + ": " + redact(withoutQuery(url)));
    }

    /**
     * Whether an option's name says it holds a secret: passwords, secrets, tokens, credentials,
     * passphrases and SSL keys. The safety net for options that no table describes; where a
     * table does, its {@link Option#isSecret()} decides too.
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
        return redact(url, KvUrl::isSecret);
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
        String masked = maskUserInfo(url);
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
            String name = eq < 0 ? null : decode(parts[i].substring(0, eq));
            if (name == null || !OPTION_NAME.matcher(name).matches()) {
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
     * A text with every URL in it redacted where it stands ({@link #redact(String)}): store URLs
     * ({@code kv:...}), JDBC URLs and any {@code scheme://...}, each running to the next space or
     * quote; and the value of every {@code name=value} outside them whose name
     * {@linkplain #isSecret says it is a secret}. For messages that quote what a user typed, such
     * as a command line parser's.
     *
     * @param text a text, or null
     * @return the text safe to show; {@code "null"} for null
     */
    public static String redactText(String text) {
        if (text == null) {
            return "null";
        }
        Matcher m = URL_IN_TEXT.matcher(text);
        StringBuilder urls = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(urls, Matcher.quoteReplacement(redact(m.group())));
        }
        Matcher o = OPTION_IN_TEXT.matcher(m.appendTail(urls));
        StringBuilder out = new StringBuilder();
        while (o.find()) {
            o.appendReplacement(out, Matcher.quoteReplacement(isSecret(o.group(1))
                    && !o.group(2).equals(MASK) ? o.group(1) + "=" + MASK : o.group()));
        }
        return o.appendTail(out).toString();
    }

    /**
     * The URL with the password of its {@code //user:password@} part masked. The password runs
     * to the last {@code @} before the query, so that one holding an unencoded {@code @} or
     * {@code /} is masked whole.
     */
    private static String maskUserInfo(String url) {
        int start = url.indexOf("//");
        int q = url.indexOf('?');
        if (start < 0 || q >= 0 && q < start) {
            return url;
        }
        int at = url.lastIndexOf('@', q < 0 ? url.length() - 1 : q - 1);
        int colon = url.indexOf(':', start + 2);
        if (at < start || colon < 0 || colon > at) {
            return url;
        }
        return url.substring(0, colon + 1) + MASK + url.substring(at);
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

    /**
     * Percent-decodes a part of a URL as UTF-8, strictly, as the query's names and values are
     * decoded: {@code +} is a plain plus, and a bad escape or escaped bytes that are not UTF-8
     * are refused, where {@link java.net.URLDecoder} would put U+FFFD in their place.
     *
     * @param s the text as written in the URL
     * @return the decoded text, or null when it holds a bad escape or bytes that are not UTF-8
     */
    public static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteBuffer bytes = ByteBuffer.allocate(s.length() * 4);
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '%') {
                int hi = i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
                int lo = hi < 0 ? -1 : Character.digit(s.charAt(i + 2), 16);
                if (lo < 0 || s.charAt(i + 1) > 'f' || s.charAt(i + 2) > 'f') {
                    return null;
                }
                bytes.put((byte) (hi << 4 | lo));
                i += 3;
            } else {
                int end = s.indexOf('%', i);
                end = end < 0 ? s.length() : end;
                try {
                    bytes.put(StandardCharsets.UTF_8.newEncoder()
                            .encode(CharBuffer.wrap(s, i, end)));
                } catch (CharacterCodingException e) {
                    return null;
                }
                i = end;
            }
        }
        bytes.flip();
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(bytes).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
