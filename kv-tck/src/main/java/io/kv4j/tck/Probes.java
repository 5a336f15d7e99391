package io.kv4j.tck;

import io.kv4j.KvStore;
import io.kv4j.common.KvUrl;
import io.kv4j.spi.KvProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Assumptions;

/**
 * Changes to provider lookup for the length of one call: extra probe providers seen through the
 * thread's context class loader (the loader the engine's lookup uses), or a system property.
 */
final class Probes {

    /** The logger under which the library's loggers live, named after its package. */
    static final String LIBRARY_LOGGER = "io.kv4j";

    private Probes() {
    }

    /**
     * Runs {@code work} while the probe providers of {@code set} (a folder under
     * {@code io/kv4j/tck/probe/}) are visible to {@link ServiceLoader}. The warnings the engine
     * logs about them are kept off the console: they are the kit's doing, not the setup's.
     */
    static <T> T with(String set, Callable<T> work) throws Exception {
        return with(set, new ArrayList<>(), work);
    }

    /**
     * As {@link #with(String, Callable)}, and collects what the library logged meanwhile through
     * java.util.logging, where {@code System.Logger} goes by default: each record as its level, a
     * space and its message.
     */
    static <T> T with(String set, List<String> logged, Callable<T> work) throws Exception {
        URL services = Probes.class.getResource("probe/" + set + "/");
        Skip.untestedUnless(services != null, "the probe providers '" + set
                + "' are missing from the kit's jar");
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        ClassLoader parent = before != null ? before : Probes.class.getClassLoader();
        Logger library = Logger.getLogger(LIBRARY_LOGGER);
        boolean parentHandlers = library.getUseParentHandlers();
        Handler keep = new Handler() {
            @Override
            public void publish(LogRecord r) {
                synchronized (logged) {
                    logged.add(r.getLevel() + " " + new SimpleFormatter().formatMessage(r));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        library.addHandler(keep);
        library.setUseParentHandlers(false);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {services}, parent)) {
            thread.setContextClassLoader(loader);
            return work.call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            thread.setContextClassLoader(before);
            library.setUseParentHandlers(parentHandlers);
            library.removeHandler(keep);
        }
    }

    /** Runs {@code work} with a system property set, or cleared for null. */
    static <T> T withProperty(String name, String value, Callable<T> work) throws Exception {
        String before = System.getProperty(name);
        try {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
            return work.call();
        } finally {
            if (before == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, before);
            }
        }
    }

    /**
     * Skips a test about the memory backend, as not applying, when that backend is not on the
     * class path: it then asks nothing of the backend under test.
     */
    static void requireMemory() {
        Skip.doesNotApplyUnless(accepting(KvStore.DEFAULT_URL).stream()
                .anyMatch(p -> p.scheme().equals("memory")),
                "the memory backend is not on the class path");
    }

    /** The one provider that accepts the URL; the test is untested when there are more or none. */
    static KvProvider theOneAccepting(String url) {
        List<KvProvider> found = accepting(url);
        Assumptions.assumeTrue(found.size() == 1, "untested: "
                + found.size() + " providers accept the target URL");
        return found.get(0);
    }

    /** The providers that {@link ServiceLoader} finds and that accept the URL. */
    static List<KvProvider> accepting(String url) {
        String base = KvUrl.withoutQuery(url);
        List<KvProvider> out = new ArrayList<>();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        var it = ServiceLoader.load(KvProvider.class, loader).iterator();
        // bounded: an iterator that failed on every provider would otherwise never end
        for (int i = 0; i < 10_000; i++) {
            try {
                if (!it.hasNext()) {
                    return out;
                }
                KvProvider p = it.next();
                if (p.apiVersion() >= KvProvider.MIN_SUPPORTED_API_VERSION
                        && p.apiVersion() <= KvProvider.API_VERSION && p.accepts(base)) {
                    out.add(p);
                }
            } catch (ServiceConfigurationError | RuntimeException e) {
                // a broken provider is the engine's to report; here only working ones count
            }
        }
        throw new AssertionError("the provider lookup did not end after 10,000 providers");
    }
}
