package io.kv4j.tck;

import static io.kv4j.tck.Checks.assertNames;
import static io.kv4j.tck.Checks.commit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kv4j.KvException;
import io.kv4j.KvOption;
import io.kv4j.KvStore;
import io.kv4j.common.Capability;
import io.kv4j.common.KvUrl;
import io.kv4j.common.Option;
import io.kv4j.spi.KvProvider;
import io.kv4j.tck.probe.FailingProvider;
import io.kv4j.tck.probe.OldApiProvider;
import io.kv4j.tck.probe.ThrowingAcceptsProvider;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** KV-11 Discovery and configuration. */
@Chapter(11)
final class Kv11DiscoveryTest {

    /** How the SPEC says a secret is shown (KV-11.8). */
    private static final String MASK = "<masked>";

    @Clause("KV-11.1")
    void kv11_1_malformedUrlsAreRefused(Env env) {
        for (String url : List.of("memory:", "kv:", "kv::x", "kv:1abc:x", "kv:a b:x", "kv:x",
                "kv:tck_under:x")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> KvStore.open(url), "URL " + url);
            assertNames(e, url, "URL " + url + ": the message names it");
        }
        for (String query : List.of("=1", "max-retries", "max-retries=1&max-retries=2",
                "max-retries=%zz", "max-retries=%FF", "&", "max-retries=1&",
                "max-retries=1&&max-call-depth=2", "max-retries=1#fragment", "?max-retries=1")) {
            String url = withQuery(env.url(), query);
            assertThrows(IllegalArgumentException.class, () -> KvStore.open(url).close(),
                    "query " + query);
        }
    }

    @Clause("KV-11.1")
    void kv11_1_theSchemeIsComparedWithoutRegardToCase(Env env) {
        String url = env.url();
        String scheme = KvUrl.scheme(url);
        String upper = "kv:" + scheme.toUpperCase(Locale.ROOT) + url.substring(3 + scheme.length());
        String f = env.fn("case");
        try (KvStore store = KvStore.open(upper)) {
            commit(store, f, kv -> kv.set("k", "upper"));
            KvStore reading = env.storesShareStorage() ? env.store() : store;
            assertEquals("upper", reading.reader(f).get("k"),
                    "a store opened with the scheme in upper case is the same storage");
        }
    }

    @Clause("KV-11.2")
    void kv11_2_kvProviderPinsOneProvider(Env env) throws Exception {
        KvProvider target = Probes.theOneAccepting(env.url());
        for (String pin : List.of(target.scheme(), target.getClass().getName())) {
            Probes.withProperty(KvStore.PROVIDER_PROPERTY, pin, () -> {
                KvStore.open(env.url()).close();
                return null;
            });
        }
        String none = "tck-no-such-provider";
        IllegalArgumentException e = Probes.withProperty(KvStore.PROVIDER_PROPERTY, none,
                () -> assertThrows(IllegalArgumentException.class, () -> KvStore.open(env.url()),
                        "kv.provider naming no provider"));
        assertNames(e, none, "the message names the property value");
        assertNames(e, target.getClass().getName(), "the message lists the providers found");
        IllegalArgumentException refused = Probes.withProperty(KvStore.PROVIDER_PROPERTY,
                target.scheme(), () -> assertThrows(IllegalArgumentException.class,
                        () -> KvStore.open("kv:tck-unknown-" + unique() + ":x"),
                        "the pinned provider does not accept the URL"));
        assertNames(refused, "accept", "the message says the provider does not accept the URL");
    }

    @Clause("KV-11.3")
    void kv11_3_aProviderThatFailsIsReportedNeverSwallowed(Env env) throws Exception {
        String url = "kv:tck-unknown-" + unique() + ":x";
        IllegalArgumentException e = Probes.with("failing", () -> {
            KvStore.open(env.url()).close();
            return assertThrows(IllegalArgumentException.class, () -> KvStore.open(url));
        });
        assertNames(e, FailingProvider.class.getName(), "the provider that failed to load");
        assertNames(e, FailingProvider.FAILURE, "its error");
        assertNames(e, ThrowingAcceptsProvider.class.getName(), "the provider whose accepts threw");
        assertNames(e, ThrowingAcceptsProvider.FAILURE, "its error");
        List<String> suppressed = new ArrayList<>();
        for (Throwable s : e.getSuppressed()) {
            for (Throwable t = s; t != null; t = t.getCause()) {
                suppressed.add(String.valueOf(t.getMessage()));
            }
        }
        assertTrue(suppressed.stream().anyMatch(m -> m.contains(FailingProvider.FAILURE))
                && suppressed.stream().anyMatch(m -> m.contains(ThrowingAcceptsProvider.FAILURE)),
                "both failures are attached as suppressed exceptions: " + suppressed);
    }

    @Clause("KV-11.3")
    void kv11_3_aProviderThatFailsIsLoggedAsAWarningWhenAnotherIsUsed(Env env) throws Exception {
        String unwatched = LogWatch.unwatched();
        Skip.untestedUnless(unwatched == null || !unwatched.contains("System.Logger"),
                "the library's log cannot be read here: " + unwatched);
        List<String> logged = new ArrayList<>();
        Probes.with("failing", logged, () -> {
            KvStore.open(env.url()).close();
            return null;
        });
        for (String failed : List.of(FailingProvider.class.getName(),
                ThrowingAcceptsProvider.class.getName())) {
            assertTrue(logged.stream().anyMatch(l -> l.startsWith("WARNING ") && l.contains(failed)),
                    "a warning names " + failed + ", which failed while another provider opened "
                            + "the store; the library logged: " + logged);
        }
    }

    @Clause("KV-11.4")
    void kv11_4_aUrlThatNoProviderAcceptsIsRefusedListingTheProviders(Env env) {
        List<KvProvider> found = Probes.accepting(env.url());
        String url = "kv:tck-unknown-" + unique() + ":x";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KvStore.open(url));
        assertNames(e, url, "the message names the URL");
        for (KvProvider p : found) {
            assertNames(e, p.scheme(), "the message lists the target's provider scheme");
            assertNames(e, p.getClass().getName(), "the message lists the target's provider class");
        }
    }

    @Clause("KV-11.4")
    void kv11_4_twoProvidersForOneUrlAreAnErrorNeverASilentChoice(Env env) throws Exception {
        IllegalArgumentException e = Probes.with("greedy", () -> assertThrows(
                IllegalArgumentException.class, () -> KvStore.open(env.url()),
                "two providers accept the URL"));
        assertNames(e, "tck-greedy", "the message lists the greedy provider");
        for (KvProvider p : Probes.accepting(env.url())) {
            assertNames(e, p.getClass().getName(), "the message lists the target's provider");
        }
        assertNames(e, KvStore.PROVIDER_PROPERTY, "the message says kv.provider picks one");
    }

    @Clause("KV-11.5")
    void kv11_5_aProviderOfAnotherSpiVersionIsNeverUsed(Env env) throws Exception {
        OldApiProvider.OPENED.set(false);
        String url = "kv:tck-unknown-" + unique() + ":x";
        IllegalArgumentException e = Probes.with("old-api", () -> {
            KvStore.open(env.url()).close();
            return assertThrows(IllegalArgumentException.class, () -> KvStore.open(url));
        });
        assertFalse(OldApiProvider.OPENED.get(), "the provider of SPI version "
                + OldApiProvider.VERSION + " was asked to open");
        assertNames(e, OldApiProvider.class.getName(), "the message lists the incompatible provider");
        assertNames(e, "version " + OldApiProvider.VERSION, "the version it declares");
        assertNames(e, String.valueOf(KvProvider.API_VERSION), "the version expected");
        assertNames(e, "versions " + KvProvider.MIN_SUPPORTED_API_VERSION + " to "
                + KvProvider.API_VERSION, "the range of versions the engine drives");
    }

    @Clause("KV-11.6")
    void kv11_6_optionsComeFromTheQueryAndTheMapWhichWins(Env env) {
        String f = env.fn("options");
        try (KvStore query = KvStore.open(withQuery(env.url(), "max-value-bytes=10"))) {
            commit(query, f, kv -> {
                kv.set("eight", "a".repeat(8));
                assertThrows(IllegalArgumentException.class, () -> kv.set("nine", "a".repeat(9)),
                        "11 bytes with max-value-bytes=10 in the query");
            });
            assertTrue(query.reader(f).has("eight"), "the value within the query's limit");
        }
        try (KvStore both = KvStore.open(withQuery(env.url(), "max-value-bytes=10"),
                Map.of("max-value-bytes", "20"))) {
            commit(both, f, kv -> {
                kv.set("eighteen", "a".repeat(18));
                assertThrows(IllegalArgumentException.class, () -> kv.set("x", "a".repeat(19)),
                        "21 bytes with max-value-bytes=20 in the map");
            });
            assertTrue(both.reader(f).has("eighteen"), "the value within the map's limit");
        }
        if (env.storesShareStorage()) {
            assertEquals(List.of("eight", "eighteen"), env.store().reader(f).list("").keys());
        }
    }

    @Clause("KV-11.6")
    void kv11_6_anUnknownOptionIsRefusedNamingIt(Env env) {
        Map<String, IllegalArgumentException> refused = new LinkedHashMap<>();
        refused.put("tck-unknown-option (query)", assertThrows(IllegalArgumentException.class,
                () -> KvStore.open(withFirstQuery(env.url(), "tck-unknown-option=1")).close()));
        refused.put("tck-unknown-option (map)", assertThrows(IllegalArgumentException.class,
                () -> KvStore.open(env.url(), Map.of("tck-unknown-option", "1")).close()));
        refused.put("MAX-RETRIES (names are case-sensitive)", assertThrows(
                IllegalArgumentException.class,
                () -> KvStore.open(withFirstQuery(env.url(), "MAX-RETRIES=1")).close()));
        refused.forEach((what, e) -> assertNames(e, what.substring(0, what.indexOf(' ')),
                what + ": names the option"));
    }

    @Clause("KV-11.7")
    void kv11_7_badOptionValuesAreRefusedWithTheirKind(Env env) {
        for (Option<?> o : integerOptions()) {
            String kind = o.name() + " must be " + kind(o);
            // below, above, not a number, not an integer, and too large for a Java int
            for (String value : List.of(String.valueOf(o.min() - 1L), String.valueOf(o.max() + 1L),
                    "x", "1.5", "2147483648")) {
                if (value.equals("2147483648") && o.max() == Integer.MAX_VALUE) {
                    continue; // max + 1 already is
                }
                String option = o.name() + "=" + value;
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> KvStore.open(env.url(), Map.of(o.name(), value)).close(), option);
                assertNames(e, kind, option);
                assertNames(e, " but was: " + value, option);
            }
            // a value is never trimmed: one with a space around it is shown quoted
            for (String value : List.of(" 1", "1 ", "\t1")) {
                String option = o.name() + "='" + value + "'";
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> KvStore.open(env.url(), Map.of(o.name(), value)).close(), option);
                assertNames(e, kind, option);
            }
        }
    }

    @Clause("KV-11.7")
    void kv11_7_aMaximumBackoffBelowTheFirstBackoffIsRefused(Env env) {
        String max = KvOption.RETRY_MAX_BACKOFF_MS.name();
        String first = KvOption.RETRY_BACKOFF_MS.name();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KvStore.open(env.url(), Map.of(first, "10", max, "5")).close(),
                max + "=5 with " + first + "=10");
        assertNames(e, max, "the message names the option");
        assertNames(e, first, "the message names the option it must not be less than");
    }

    @Clause("KV-11.7")
    void kv11_7_theSpecTableListsTheEnginesOptionsWithTheirKinds(Env env) {
        Map<String, String> engine = new LinkedHashMap<>();
        for (Option<?> o : integerOptions()) {
            engine.put(o.name(), kind(o) + ", default " + o.defaultValue());
        }
        Map<String, String> specified = new LinkedHashMap<>();
        // a rule that ties one option to another follows the range in the table; the other
        // test of KV-11.7 checks it
        Spec.options().forEach((name, row) -> specified.put(name,
                row.replaceFirst(", not less than [^,]*", "")));
        assertEquals(specified, engine, "the SPEC's table of the engine's options (kind, default) "
                + "and io.kv4j.KvOption");
    }

    /** The engine's options written as integers: all but the objects handed in. */
    private static List<Option<?>> integerOptions() {
        return KvOption.table().stream().filter(o -> o.objectClass() == null).toList();
    }

    /** The kind of an engine option, as the SPEC's table and the engine's messages give it. */
    private static String kind(Option<?> o) {
        return "an integer from " + o.min() + " to " + o.max();
    }

    @Clause("KV-11.8")
    void kv11_8_secretsNeverAppearInMessagesOrToString(Env env) {
        String secret = "tck-secret-" + unique();
        List<String> shown = new ArrayList<>();
        List<String> urls = new ArrayList<>(List.of(withQuery(env.url(), "password=" + secret)));
        if (withUserInfo(env.url(), secret) != null) {
            urls.add(withUserInfo(env.url(), secret));
        }
        for (String url : urls) {
            try (KvStore store = KvStore.open(url)) {
                shown.add(store.toString());
                shown.add(store.url());
            } catch (KvException | IllegalArgumentException e) {
                for (Throwable t = e; t != null; t = t.getCause()) {
                    shown.add(t.toString());
                    for (Throwable s : t.getSuppressed()) {
                        shown.add(s.toString());
                    }
                }
            }
        }
        assertFalse(shown.isEmpty(), "nothing to check");
        for (String text : shown) {
            assertFalse(text.contains(secret), "a secret appears in: " + text.replace(secret, "<!>"));
            // where the secret's place is shown at all, the mask must stand in it
            if (text.contains("password=")) {
                assertTrue(text.contains("password=" + MASK),
                        "the password is shown as " + MASK + " in: " + text);
            }
            if (text.contains("tckuser:")) {
                assertTrue(text.contains("tckuser:" + MASK + "@"),
                        "the password is shown as " + MASK + " in: " + text);
            }
        }
    }

    @Clause("KV-11.8")
    void kv11_8_secretsNeverAppearInWhatTheLibraryLogs(Env env) {
        String secret = "tck-secret-" + unique();
        LogWatch logs = env.logs();
        logs.watch(secret);
        List<String> urls = new ArrayList<>(List.of(withQuery(env.url(), "password=" + secret)));
        if (withUserInfo(env.url(), secret) != null) {
            urls.add(withUserInfo(env.url(), secret));
        }
        Runnable levelBack = logs.everyLevel();
        try {
            for (String url : urls) {
                try (KvStore store = KvStore.open(url)) {
                    String f = env.fn("logged");
                    commit(store, f, kv -> kv.set("k", 1));
                    store.reader(f).get("k");
                    store.reader(f).list("");
                } catch (KvException | IllegalArgumentException e) {
                    // refused, or the storage refused the password: what was logged still counts
                }
            }
        } finally {
            levelBack.run();
        }
        // the lines of the whole run so far count: the URL under test may hold a password too
        assertEquals(List.of(), logs.leaks(), "lines logged or printed during the run that hold "
                + "a secret, which is shown here as " + Secrets.MASK);
        String unwatched = LogWatch.unwatched();
        Skip.untestedUnless(unwatched == null, "these logs cannot be read here: " + unwatched);
        // a secret such as 'test', which is also the database's name, would be found in every
        // line that names the database: it is looked for only where a secret stands
        Skip.untestedUnless(logs.notSearched().isEmpty(), "the logs were searched for "
                + String.join(" and ", logs.notSearched()) + " only where a secret stands (a "
                + "URL's password slot, a secret option's value), not as text anywhere: give "
                + "the URL a secret of at least " + Secrets.MIN_SEARCHED + " characters that "
                + "appears nowhere else in it to have it looked for everywhere");
    }

    @Clause("KV-11.8")
    void kv11_8_everyOptionTheBackendDeclaresSecretIsMasked(Env env) {
        List<String> declared = Probes.accepting(env.url()).stream()
                .flatMap(p -> p.options().stream()).filter(Option::isSecret)
                .map(Option::name).distinct().toList();
        Skip.doesNotApplyUnless(!declared.isEmpty(), "the backend declares no secret option");
        LogWatch logs = env.logs();
        Map<String, String> secrets = new LinkedHashMap<>();
        List<String> shown = new ArrayList<>();
        Runnable levelBack = logs.everyLevel();
        try {
            for (String name : declared) {
                String secret = "tck-secret-" + unique();
                secrets.put(name, secret);
                logs.watch(secret);
                try (KvStore store = KvStore.open(withQuery(env.url(), name + "=" + secret))) {
                    shown.add(store.toString());
                    shown.add(store.url());
                    shown.add(store.info().toString());
                } catch (KvException | IllegalArgumentException e) {
                    for (Throwable t = e; t != null; t = t.getCause()) {
                        shown.add(t.toString());
                        for (Throwable s : t.getSuppressed()) {
                            shown.add(s.toString());
                        }
                    }
                }
            }
        } finally {
            levelBack.run();
        }
        secrets.forEach((name, secret) -> shown.forEach(text -> assertFalse(text.contains(secret),
                "the value of " + name + ", which the backend declares secret, appears in: "
                        + text.replace(secret, "<!>"))));
        assertEquals(List.of(), logs.leaks(), "lines logged or printed while stores opened with "
                + "the secret options " + declared + " that hold a secret, shown here as "
                + Secrets.MASK);
        String unwatched = LogWatch.unwatched();
        Skip.untestedUnless(unwatched == null, "these logs cannot be read here: " + unwatched);
    }

    @Clause("KV-11.9")
    void kv11_9_openWithoutAUrlTakesTheSystemPropertyFirst(Env env) throws Exception {
        String f = env.fn("default-url");
        String expected = env.store().url();
        boolean shared = env.storesShareStorage();
        List<Object> seen = new ArrayList<>();
        String opened = Probes.withProperty(KvStore.URL_PROPERTY, env.url(), () -> {
            try (KvStore store = KvStore.open()) {
                commit(store, f, kv -> kv.set("k", "via kv.url"));
                seen.add((shared ? env.store() : store).reader(f).get("k"));
                return store.url();
            }
        });
        assertEquals(expected, opened, "the URL KvStore.open() took from kv.url");
        assertEquals(List.of("via kv.url"), seen, "the storage of that URL");
    }

    @Clause("KV-11.9")
    void kv11_9_openWithoutAUrlTakesKvUrlThenKvMemory(Env env) {
        String expected = env.store().url();
        ChildJvm.Result fromEnv = ChildJvm.run(env, Map.of(KvStore.URL_ENVIRONMENT, env.url()),
                List.of("-D" + KvStore.URL_PROPERTY + "="), "default-url");
        assertTrue(fromEnv.output().contains("url=" + expected),
                "with an empty kv.url and KV_URL set, KvStore.open() must use KV_URL: "
                        + fromEnv.output());
        ChildJvm.Result fallback = ChildJvm.run(env, "default-url");
        String out = fallback.output();
        assertTrue(out.contains("url=" + KvStore.DEFAULT_URL + "\n")
                || out.contains("error=") && out.contains("'" + KvStore.DEFAULT_URL + "'"),
                "with neither set, KvStore.open() must use kv:memory:: " + out);
    }

    @Clause("KV-11.10")
    void kv11_10_kvMemoryIsPrivateAndKvMemoryNameIsSharedByName(Env env) {
        Probes.requireMemory();
        String name = "kv:memory:tck-" + unique();
        String f = env.fn("memory");
        try (KvStore p1 = KvStore.open("kv:memory:"); KvStore p2 = KvStore.open("kv:memory:")) {
            commit(p1, f, kv -> kv.set("k", 1));
            assertFalse(p2.reader(f).has("k"), "two kv:memory: stores share nothing");
        }
        try (KvStore a = KvStore.open(name); KvStore b = KvStore.open(name);
                KvStore upper = KvStore.open(name.toUpperCase(Locale.ROOT).replace("KV:MEMORY:",
                        "kv:memory:"))) {
            commit(a, f, kv -> kv.set("k", 1));
            assertEquals(1L, b.reader(f).get("k"), "two stores on " + name + " share storage");
            assertFalse(upper.reader(f).has("k"), "names are case-sensitive");
        }
        try (KvStore again = KvStore.open(name)) {
            assertFalse(again.reader(f).has("k"), "the data is discarded when the last store closes");
        }
    }

    @Clause("KV-11.10")
    void kv11_10_onlyKvMemoryWithoutANameDeclaresPrivateToStore(Env env) {
        Probes.requireMemory();
        try (KvStore own = KvStore.open("kv:memory:");
                KvStore shared = KvStore.open("kv:memory:tck-" + unique())) {
            assertEquals(List.of(true, false), List.of(
                    own.info().capabilities().contains(Capability.PRIVATE_TO_STORE),
                    shared.info().capabilities().contains(Capability.PRIVATE_TO_STORE)),
                    "PRIVATE_TO_STORE declared by kv:memory:, and not by kv:memory:NAME");
        }
    }

    @Clause("KV-11.10")
    void kv11_10_eachMemoryStoreKeepsItsOwnOptions(Env env) {
        Probes.requireMemory();
        String name = "kv:memory:tck-" + unique();
        String f = env.fn("memory-options");
        try (KvStore small = KvStore.open(name, Map.of("max-value-bytes", "10"));
                KvStore large = KvStore.open(name)) {
            commit(large, f, kv -> kv.set("k", "a".repeat(100)));
            assertThrows(IllegalArgumentException.class,
                    () -> commit(small, f, kv -> kv.set("k", "a".repeat(100))),
                    "the small store keeps max-value-bytes=10");
            assertEquals(100, ((String) small.reader(f).get("k")).length(), "one storage");
        }
    }

    @Clause("KV-11.11")
    void kv11_11_theBackendDeclaresNoOptionNamedLikeAnEngineOption(Env env) {
        Map<String, String> engine = new LinkedHashMap<>();
        for (Option<?> o : KvOption.table()) {
            engine.put(folded(o.name()), o.name());
        }
        List<String> copies = new ArrayList<>();
        for (KvProvider p : Probes.accepting(env.url())) {
            for (Option<?> d : p.options()) {
                String same = engine.get(folded(d.name()));
                if (same != null && !same.equals(d.name())) {
                    copies.add(d.name() + " (like " + same + ")");
                }
            }
        }
        assertEquals(List.of(), copies, "options the backend declares whose names differ from "
                + "an engine option's only in case or in '-', '_' and '.': a user who means the "
                + "engine's option is told nothing when the backend takes it");
    }

    @Clause("KV-11.2")
    void kv11_2_theSchemeAProviderDeclaresNamesTheUrlsItServes(Env env) throws Exception {
        KvProvider target = Probes.theOneAccepting(env.url());
        String scheme = target.scheme();
        // the target URL in the declared scheme, which may differ from an alias the URL uses
        String url = "kv:" + scheme + env.url().substring(env.url().indexOf(':', "kv:".length()));
        assertTrue(target.accepts(url), "the provider declares scheme '" + scheme
                + "', by which kv.provider names it, but does not accept " + KvUrl.redact(url)
                + ", the target URL in that scheme");
        Probes.withProperty(KvStore.PROVIDER_PROPERTY, scheme, () -> {
            KvStore.open(url).close();
            return null;
        });
    }

    /** A name without case and without the characters that join words. */
    private static String folded(String name) {
        return name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replace(".", "");
    }

    private static String unique() {
        return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    }

    static String withQuery(String url, String query) {
        return url + (url.indexOf('?') < 0 ? "?" : "&") + query;
    }

    /**
     * The URL with this option first in its query, ahead of any secret: a backend may decline
     * to name an unknown option that follows a secret, which may be the secret's own tail.
     */
    static String withFirstQuery(String url, String query) {
        int q = url.indexOf('?');
        return q < 0 ? url + "?" + query
                : url.substring(0, q + 1) + query + (q + 1 < url.length() ? "&" : "")
                        + url.substring(q + 1);
    }

    /** The URL with a password in its user information, or null when it has no authority. */
    private static String withUserInfo(String url, String secret) {
        int slashes = url.indexOf("//");
        if (slashes < 0) {
            return null;
        }
        int start = slashes + 2;
        int at = url.indexOf('@', start);
        int end = url.indexOf('/', start);
        if (at >= 0 && (end < 0 || at < end)) {
            start = at + 1;
        }
        return url.substring(0, slashes + 2) + "tckuser:" + secret + "@" + url.substring(start);
    }
}
