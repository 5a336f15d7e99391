package io.kv4j.tck;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Finds the {@link TckFixture}: the one named by {@value Tck#FIXTURE} (a class name, or a short
 * name of {@link #NAMED}), or the only one that {@link ServiceLoader} finds. A fixture that fails
 * to load is an error, never skipped.
 */
final class Fixtures {

    /** The value of {@value Tck#FIXTURE} that turns fixture lookup off. */
    static final String NONE = "none";

    /**
     * Fixtures known by a short name, with where they ship: the PostgreSQL ones are in
     * {@code io.kv4j:kv-tck-postgres}, which {@code ./kv} adds to the class path when asked for;
     * the SQLite one is in {@code io.kv4j:kv-backend-sqlite}, which it needs the internals of.
     */
    static final Map<String, String> NAMED = Map.of(
            "postgres-embedded", "io.kv4j.tck.postgres.EmbeddedPostgresFixture",
            "postgres", "io.kv4j.tck.postgres.PostgresFixture",
            "sqlite", "io.kv4j.sqlite.SqliteTckFixture");

    /** Where the named fixtures ship. */
    private static String artifactOf(String name) {
        return name.equals("sqlite") ? "io.kv4j:kv-backend-sqlite (in kv.jar)"
                : "io.kv4j:kv-tck-postgres (kv-tck-postgres/target/kv-tck-postgres.jar, which "
                        + "./kv adds for kv tck --fixture " + name + ")";
    }

    private Fixtures() {
    }

    /**
     * @param name a class name, {@value #NONE}, or null to look the fixture up
     * @return the fixture, or null for none
     * @throws IllegalArgumentException when the named fixture cannot be made, a fixture fails to
     *     load, or several are found
     */
    static TckFixture find(String name) {
        if (NONE.equals(name)) {
            return null;
        }
        ClassLoader loader = loader();
        if (name != null) {
            String className = NAMED.getOrDefault(name, name);
            try {
                Class<?> type = Class.forName(className, true, loader);
                return type.asSubclass(TckFixture.class).getConstructor().newInstance();
            } catch (ClassNotFoundException e) {
                throw new IllegalArgumentException("Cannot make the fixture named by " + Tck.FIXTURE
                        + "=" + name + ": " + className + " is not on the class path"
                        + (NAMED.containsKey(name) ? "; it ships in " + artifactOf(name)
                        : "; it is neither a fixture's name (" + String.join(", ",
                                new java.util.TreeSet<>(NAMED.keySet())) + ", " + NONE
                        + ") nor a TckFixture class on the class path"), e);
            } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
                throw new IllegalArgumentException("Cannot make the fixture named by " + Tck.FIXTURE
                        + "=" + name + ": " + e, e);
            }
        }
        List<TckFixture> found = new ArrayList<>();
        Iterator<TckFixture> it = ServiceLoader.load(TckFixture.class, loader).iterator();
        try {
            while (it.hasNext()) {
                found.add(it.next());
            }
        } catch (ServiceConfigurationError e) {
            throw new IllegalArgumentException("A " + TckFixture.class.getName()
                    + " failed to load: " + e.getMessage(), e);
        }
        if (found.size() > 1) {
            List<String> names = new ArrayList<>();
            found.forEach(f -> names.add(f.getClass().getName()));
            throw new IllegalArgumentException("Several fixtures found: " + names + ". Choose one with "
                    + Tck.FIXTURE + "=<class name>, or " + Tck.FIXTURE + "=" + NONE);
        }
        return found.isEmpty() ? null : found.get(0);
    }

    /**
     * Why a test goes untested for want of a hook, and what would offer it: the fixture's own
     * advice, or, without a fixture, the named fixture for the URL's backend.
     *
     * @param fixture the run's fixture, or null
     * @param url the URL under test
     * @param hook the hook the test needs
     * @return the reason, without the {@link Skip#UNTESTED} prefix
     */
    static String without(TckFixture fixture, String url, TckFixture.Hook hook) {
        if (fixture == null) {
            String fix = url.startsWith("kv:postgresql:")
                    ? "run with the fixture postgres (kv.tck.fixture=postgres, or kv tck --fixture "
                    + "postgres; it ships in io.kv4j:kv-tck-postgres), which offers the hooks on "
                    + "the server of the URL"
                    : "implement " + TckFixture.class.getName() + " and name it with "
                    + Tck.FIXTURE;
            return "no fixture offers " + hook.description() + ": " + fix;
        }
        String advice = fixture.howToOffer(hook);
        return "the fixture " + fixture.getClass().getName() + " does not offer "
                + hook.description() + (advice == null ? "" : ": " + advice);
    }

    private static ClassLoader loader() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return loader != null ? loader : Fixtures.class.getClassLoader();
    }
}
