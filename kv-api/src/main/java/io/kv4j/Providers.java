package io.kv4j;

import io.kv4j.common.KvUrl;
import io.kv4j.common.Option;
import io.kv4j.spi.KvProvider;
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
 * Providers that failed to load, or that were built for another SPI version, are listed in the
 * error, never silently dropped, and are never asked to open anything.
 */
final class Providers {

    private static final System.Logger LOG = System.getLogger(Providers.class.getName());

    private Providers() {
    }

    /** What went wrong with providers that cannot be used: a line each, and the exceptions. */
    private static final class Problems {
        final List<String> lines = new ArrayList<>();
        final List<Throwable> causes = new ArrayList<>();

        void add(String line, Throwable cause) {
            lines.add(line);
            if (cause != null) {
                causes.add(cause);
            }
        }

        IllegalArgumentException attachTo(IllegalArgumentException e) {
            causes.forEach(e::addSuppressed);
            return e;
        }

        void warnIfAny(KvProvider chosen) {
            for (String line : lines) {
                LOG.log(System.Logger.Level.WARNING, "Using kv4j provider " + describe(chosen)
                        + "; another provider is not usable: " + line);
            }
        }

        @Override
        public String toString() {
            return lines.isEmpty() ? "" : ". Not usable: " + lines;
        }
    }

    /** The providers that this SPI can use, and what is wrong with the others. */
    static List<KvProvider> usable() {
        List<KvProvider> usable = new ArrayList<>();
        load(usable, new Problems());
        return usable;
    }

    /**
     * The URL as providers see it ({@link KvUrl#normalize}). A URL without {@code kv:} that a
     * provider would accept with it, such as {@code jdbc:postgresql://h/db} or
     * {@code postgres://h/db}, is refused with the URL to write instead.
     *
     * @throws IllegalArgumentException for a URL that does not start with {@code kv:<scheme>:}
     */
    static String normalize(String url) {
        try {
            return KvUrl.normalize(url);
        } catch (IllegalArgumentException e) {
            String hint = url == null || url.startsWith("kv:") ? null : kvUrlFor(url);
            if (hint == null) {
                throw e;
            }
            throw new IllegalArgumentException(hint, e);
        }
    }

    /**
     * For a URL written as JDBC's or libpq's that a provider would accept with {@code kv:}, the
     * message that says what to write instead, with the provider's secrets masked; else null.
     */
    private static String kvUrlFor(String url) {
        String rest = url.regionMatches(true, 0, "jdbc:", 0, 5) ? url.substring(5) : url;
        String candidate;
        try {
            candidate = KvUrl.normalize("kv:" + rest);
        } catch (IllegalArgumentException e) {
            return null;
        }
        String afterScheme = candidate.substring(3 + KvUrl.scheme(candidate).length());
        String query = rest.substring(KvUrl.withoutQuery(rest).length());
        List<KvProvider> usable = new ArrayList<>();
        load(usable, new Problems());
        for (KvProvider p : usable) {
            try {
                if (p.accepts(candidate)) {
                    String own = "kv:" + p.scheme() + afterScheme;
                    List<Option<?>> table = p.options();
                    return "A store URL must start with 'kv:<scheme>:' but was: "
                            + redact(url, table) + "; use kv:" + p.scheme() + ": ("
                            + redact((p.accepts(own) ? own : candidate) + query, table) + ")";
                }
            } catch (RuntimeException | LinkageError ignored) {
                // a provider that cannot answer gives no hint; the lookup reports it
            }
        }
        return null;
    }

    /** The URL with the values of the table's secret options masked, and the usual suspects. */
    static String redact(String url, List<Option<?>> table) {
        return KvUrl.redact(url, name -> {
            for (Option<?> d : table) {
                if (d.name().equals(name)) {
                    return d.isSecret();
                }
            }
            return false;
        });
    }

    static KvProvider find(String url) {
        String scheme = KvUrl.scheme(url);
        List<KvProvider> usable = new ArrayList<>();
        Problems problems = new Problems();
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
                problems.add(describe(p) + " failed in accepts(): " + e, e);
            }
        }
        if (matches.size() == 1) {
            problems.warnIfAny(matches.get(0));
            return matches.get(0);
        }
        if (matches.isEmpty()) {
            throw problems.attachTo(new IllegalArgumentException("No kv4j provider accepts '"
                    + KvUrl.redact(url) + "' (scheme '" + scheme + "'). Available providers: "
                    + describe(usable) + problems));
        }
        throw problems.attachTo(new IllegalArgumentException("Several kv4j providers accept '"
                + KvUrl.redact(url) + "': " + describe(matches) + ". Choose one with -D"
                + KvStore.PROVIDER_PROPERTY + "=<scheme or class name>"));
    }

    private static KvProvider pinned(String pinned, String url, List<KvProvider> usable,
            Problems problems) {
        for (KvProvider p : usable) {
            if (p.getClass().getName().equals(pinned) || p.scheme().equals(pinned)) {
                if (!p.accepts(url)) {
                    throw new IllegalArgumentException("The provider pinned by "
                            + KvStore.PROVIDER_PROPERTY + "=" + pinned + ", " + describe(p)
                            + ", does not accept '" + KvUrl.redact(url) + "'");
                }
                return p;
            }
        }
        throw problems.attachTo(new IllegalArgumentException("No kv4j provider matches "
                + KvStore.PROVIDER_PROPERTY + "=" + pinned + " for '" + KvUrl.redact(url)
                + "'. Available providers: " + describe(usable) + problems));
    }

    private static void load(List<KvProvider> usable, Problems problems) {
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
                        + (e.getCause() == null ? "" : " (" + e.getCause() + ")"), e);
                continue;
            }
            int version;
            try {
                version = p.apiVersion();
            } catch (AbstractMethodError e) {
                // SPI 1 declared apiVersion() with a body, so its providers did not implement it
                problems.add(describe(p) + " was built for SPI version 1, not "
                        + KvProvider.API_VERSION + " (incompatible: it implements no "
                        + "apiVersion(); rebuild it against kv-spi " + KvProvider.API_VERSION
                        + ")", null);
                continue;
            }
            if (version < KvProvider.MIN_SUPPORTED_API_VERSION
                    || version > KvProvider.API_VERSION) {
                problems.add(describe(p) + " targets SPI version " + version + ", not "
                        + KvProvider.API_VERSION + " (incompatible: this kv4j drives providers of "
                        + "SPI versions " + KvProvider.MIN_SUPPORTED_API_VERSION + " to "
                        + KvProvider.API_VERSION + "; rebuild it against kv-spi "
                        + KvProvider.API_VERSION + ")", null);
            } else {
                usable.add(p);
            }
        }
    }

    private static String describe(List<KvProvider> providers) {
        List<String> out = new ArrayList<>();
        for (KvProvider p : providers) {
            out.add(describe(p));
        }
        return out.toString();
    }

    static String describe(KvProvider p) {
        String scheme;
        try {
            scheme = p.scheme();
        } catch (RuntimeException | LinkageError e) {
            scheme = "?";
        }
        return scheme + " (" + p.getClass().getName() + ")";
    }
}
