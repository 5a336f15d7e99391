package io.kv4j;

import io.kv4j.spi.KvProvider;
import io.kv4j.spi.KvUrls;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Finds the provider for a URL.
 *
 * <p>The rule: system property {@code kv.provider}, when set, pins one provider by scheme or class
 * name, which must accept the URL. Otherwise every provider {@link ServiceLoader} finds is asked,
 * and exactly one must accept the URL: none, or several, is an error that lists what was found.
 * Providers that failed to load, or that target another SPI version, are listed in the error,
 * never silently dropped.
 */
final class Providers {

    private Providers() {
    }

    static KvProvider find(String url) {
        String scheme = KvUrls.scheme(url);
        List<KvProvider> usable = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        load(usable, problems);

        String pinned = System.getProperty(KvStore.PROVIDER_PROPERTY);
        if (pinned != null && !pinned.isBlank()) {
            return pinned(pinned.trim(), url, usable, problems);
        }
        List<KvProvider> matches = new ArrayList<>();
        for (KvProvider p : usable) {
            try {
                if (p.accepts(url)) {
                    matches.add(p);
                }
            } catch (RuntimeException e) {
                problems.add(describe(p) + " failed in accepts(): " + e);
            }
        }
        if (matches.size() == 1) {
            return matches.get(0);
        }
        if (matches.isEmpty()) {
            throw new IllegalArgumentException("No kv4j provider accepts '" + KvUrls.redact(url)
                    + "' (scheme '" + scheme + "'). Available providers: " + describe(usable)
                    + problems(problems));
        }
        throw new IllegalArgumentException("Several kv4j providers accept '" + KvUrls.redact(url)
                + "': " + describe(matches) + ". Choose one with -D" + KvStore.PROVIDER_PROPERTY
                + "=<scheme or class name>");
    }

    private static KvProvider pinned(String pinned, String url, List<KvProvider> usable,
            List<String> problems) {
        for (KvProvider p : usable) {
            if (p.getClass().getName().equals(pinned) || p.scheme().equals(pinned)) {
                if (!p.accepts(url)) {
                    throw new IllegalArgumentException("The provider pinned by "
                            + KvStore.PROVIDER_PROPERTY + "=" + pinned + ", " + describe(p)
                            + ", does not accept '" + KvUrls.redact(url) + "'");
                }
                return p;
            }
        }
        throw new IllegalArgumentException("No kv4j provider matches " + KvStore.PROVIDER_PROPERTY
                + "=" + pinned + " for '" + KvUrls.redact(url) + "'. Available providers: "
                + describe(usable) + problems(problems));
    }

    private static void load(List<KvProvider> usable, List<String> problems) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = Providers.class.getClassLoader();
        }
        Iterator<KvProvider> it = ServiceLoader.load(KvProvider.class, loader).iterator();
        while (true) {
            KvProvider p;
            try {
                if (!it.hasNext()) {
                    return;
                }
                p = it.next();
            } catch (ServiceConfigurationError e) {
                problems.add("failed to load: " + e.getMessage()
                        + (e.getCause() == null ? "" : " (" + e.getCause() + ")"));
                continue;
            }
            if (p.apiVersion() != KvProvider.API_VERSION) {
                problems.add(describe(p) + " targets SPI version " + p.apiVersion() + ", not "
                        + KvProvider.API_VERSION + " (incompatible)");
            } else {
                usable.add(p);
            }
        }
    }

    private static String problems(List<String> problems) {
        return problems.isEmpty() ? "" : ". Not usable: " + problems;
    }

    private static String describe(List<KvProvider> providers) {
        List<String> out = new ArrayList<>();
        for (KvProvider p : providers) {
            out.add(describe(p));
        }
        return out.toString();
    }

    private static String describe(KvProvider p) {
        String scheme;
        try {
            scheme = p.scheme();
        } catch (RuntimeException e) {
            scheme = "?";
        }
        return scheme + " (" + p.getClass().getName() + ")";
    }
}
