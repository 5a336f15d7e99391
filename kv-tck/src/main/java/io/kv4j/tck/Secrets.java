package io.kv4j.tck;

import io.kv4j.common.KvUrl;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The secrets of a run, and where in a text they stand. A secret is found where it can be
 * written, never by its text alone: in a URL's password slot ({@code //user:SECRET@}) and as the
 * value of an option that holds secrets ({@code password=SECRET}, also as a property dump shows
 * it, {@code {password=SECRET, user=app}}). Only a secret that is long and distinctive enough is
 * also looked for as text anywhere: at least {@value #MIN_SEARCHED} characters, and nowhere in
 * the URL outside its own slot (the password {@code test} of a database named {@code test}
 * would be found in every URL that names the database). Secrets are masked as the library masks
 * them ({@link KvUrl#redact}), so that the kit's output and the library's messages read alike.
 */
final class Secrets {

    /** What a secret is replaced with: the library's own mask, {@code <masked>} (KV-11.8). */
    static final String MASK = KvUrl.redact(Map.of("password", "x")).get("password");

    /** The fewest characters a secret has for its text to be looked for anywhere. */
    static final int MIN_SEARCHED = 8;

    private static final Pattern USER_PASSWORD = Pattern.compile("//[^/?#@:]*:(.*)@");

    /** Where a secret stands after its option's name: up to the end of that value. */
    private static final String VALUE_END = "(?=$|[&\\s,;}\\])'\"])";
    /** The names of options whose values are secrets, as the library recognises them. */
    private static final String SECRET_NAME = "(?i:[A-Za-z0-9._-]*(?:password|secret|token"
            + "|credential|passphrase|sslkey)[A-Za-z0-9._-]*)";

    /** A secret, the patterns of the places where it stands, and whether it is searched for. */
    private record Secret(String text, Pattern slot, Pattern option, boolean searched) {

        Secret(String text, boolean searched) {
            this(text, Pattern.compile("(//[^\\s/?#@:]*:)" + Pattern.quote(text) + "(?=@)"),
                    Pattern.compile("(" + SECRET_NAME + "[\"']?\\s*[=:]\\s*[\"']?)"
                            + Pattern.quote(text) + VALUE_END), searched);
        }

        String scrub(String text) {
            String out = slot.matcher(text).replaceAll("$1" + Matcher.quoteReplacement(MASK));
            out = option.matcher(out).replaceAll("$1" + Matcher.quoteReplacement(MASK));
            return searched ? out.replace(this.text, MASK) : out;
        }
    }

    /** Longest first, so that a secret that contains another is masked whole. */
    private final List<Secret> secrets = new CopyOnWriteArrayList<>();
    private final Set<String> notSearched = new CopyOnWriteArraySet<>();

    /**
     * Collects the secrets of a URL: a password in its user information and the value of every
     * option whose name says it holds a secret.
     */
    void addUrl(String url) {
        if (url == null) {
            return;
        }
        String shown = KvUrl.redact(url);
        int q = url.indexOf('?');
        Matcher m = USER_PASSWORD.matcher(q < 0 ? url : url.substring(0, q));
        if (m.find()) {
            add(m.group(1), "the password in the URL's user information", shown);
        }
        for (String part : q < 0 ? new String[0] : url.substring(q + 1).split("&")) {
            int eq = part.indexOf('=');
            if (eq > 0 && KvUrl.isSecret(part.substring(0, eq))) {
                add(part.substring(eq + 1), "the value of the URL's option "
                        + part.substring(0, eq), shown);
            }
        }
    }

    /** Adds a secret of the kit's own, long and unique, which is also looked for anywhere. */
    void add(String secret) {
        add(secret, "a secret", "");
    }

    private void add(String secret, String what, String shownUrl) {
        if (secret == null || secret.isEmpty()) {
            return;
        }
        List<String> forms = new ArrayList<>(List.of(secret));
        try {
            forms.add(URLDecoder.decode(secret, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            // not percent-encoded: the raw form is enough
        }
        for (String s : forms) {
            boolean searched = false;
            if (s.length() < MIN_SEARCHED) {
                notSearched.add(what + " (" + s.length() + " characters, fewer than "
                        + MIN_SEARCHED + ")");
            } else if (shownUrl.contains(s) || MASK.contains(s)) {
                notSearched.add(what + " (its text also stands elsewhere in the URL)");
            } else {
                searched = true;
            }
            synchronized (secrets) {
                if (secrets.stream().noneMatch(x -> x.text().equals(s))) {
                    List<Secret> all = new ArrayList<>(secrets);
                    all.add(new Secret(s, searched));
                    all.sort(Comparator.comparingInt((Secret x) -> x.text().length()).reversed());
                    secrets.clear();
                    secrets.addAll(all);
                }
            }
        }
    }

    /**
     * The secrets that are looked for only where they stand, with why, never showing them; empty
     * when every secret is also looked for anywhere.
     */
    List<String> notSearched() {
        return List.copyOf(notSearched);
    }

    /** Whether a text shows a secret, where it stands or, for a searched one, anywhere. */
    boolean shows(String text) {
        return text != null && !scrub(text).equals(text);
    }

    /** The text with every secret masked where it stands, and every searched one anywhere. */
    String scrub(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (Secret s : secrets) {
            out = s.scrub(out);
        }
        return out;
    }
}
