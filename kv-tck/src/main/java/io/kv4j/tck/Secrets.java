package io.kv4j.tck;

import io.kv4j.spi.KvUrls;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes the secrets of the URLs under test from any text the runner prints or writes, even
 * text that a backend's exception carried. Secrets are masked as the library masks them
 * ({@link KvUrls#redact}), so that the kit's output and the library's messages read alike.
 */
final class Secrets {

    /** What a secret is replaced with: the library's own mask, {@code <masked>} (KV-11.8). */
    static final String MASK = KvUrls.redact(Map.of("password", "x")).get("password");

    private static final Pattern USER_PASSWORD = Pattern.compile("//[^/?#@:]*:([^/?#@]*)@");

    private final Set<String> secrets = new LinkedHashSet<>();

    /** Collects the secrets of a URL: a password in its user info and secret option values. */
    void addUrl(String url) {
        if (url == null) {
            return;
        }
        Matcher m = USER_PASSWORD.matcher(url);
        if (m.find()) {
            add(m.group(1));
        }
        try {
            for (Map.Entry<String, String> o : KvUrls.queryOptions(url).entrySet()) {
                if (KvUrls.isSecret(o.getKey())) {
                    add(o.getValue());
                }
            }
        } catch (IllegalArgumentException e) {
            // a malformed query: mask each raw value of a secret-looking name instead
            int q = url.indexOf('?');
            for (String part : q < 0 ? new String[0] : url.substring(q + 1).split("&")) {
                int eq = part.indexOf('=');
                if (eq > 0 && KvUrls.isSecret(part.substring(0, eq))) {
                    add(part.substring(eq + 1));
                }
            }
        }
    }

    private void add(String secret) {
        if (secret == null || secret.isEmpty()) {
            return;
        }
        secrets.add(secret);
        try {
            secrets.add(URLDecoder.decode(secret, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            // not percent-encoded: the raw form is enough
        }
    }

    /** The secrets collected, as written and percent-decoded. */
    Set<String> values() {
        return Set.copyOf(secrets);
    }

    /** The text with every known secret replaced by {@link #MASK}. */
    String scrub(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        // longest first, so that a secret that contains another is masked whole
        List<String> bySize = new ArrayList<>(secrets);
        bySize.sort(Comparator.comparingInt(String::length).reversed());
        for (String s : bySize) {
            out = out.replace(s, MASK);
        }
        return out;
    }
}
