package io.kv4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kv4j.common.Option;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SPEC KV-11: options, from the URL and the map, parsed once and checked. */
class OptionsTest {

    @AfterEach
    void clear() {
        System.clearProperty(KvStore.URL_PROPERTY);
    }

    @Test
    void unknownOptionIsAnErrorNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KvStore.open("kv:stub:?colour=blue"));
        assertTrue(e.getMessage().contains("'colour'"), e.getMessage());
    }

    @Test
    void maxValueBytesAboveTheBackendsMaximum_isRefusedNamingBothNumbersAndTheBackend() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KvStore.open("kv:small:?max-value-bytes=1001"));
        assertEquals("max-value-bytes must be an integer from 1 to 1000, the largest value the "
                + "small (" + TestProviders.Small.class.getName() + ") backend can store, but "
                + "was: 1001", e.getMessage());
        try (KvStore store = KvStore.open("kv:small:?max-value-bytes=1000")) {
            assertEquals(1000, store.info().backendMaxValueBytes());
            store.run("f", kv -> {
                kv.set("k", "a".repeat(998));
                return null;
            });
        }
    }

    @Test
    void maxValueBytesDefaultsToTheBackendsMaximumWhenThatIsSmaller() {
        try (KvStore store = KvStore.open("kv:small:")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> store.run("f", kv -> {
                        kv.set("k", "a".repeat(999));
                        return null;
                    }));
            assertTrue(e.getMessage().contains("1001 bytes of JSON, over the limit of 1000"),
                    e.getMessage());
        }
        try (KvStore store = KvStore.open("kv:stub:")) {
            assertEquals(Integer.MAX_VALUE, store.info().backendMaxValueBytes(),
                    "a backend that declares no maximum");
        }
    }

    @Test
    void backendOptionReachesTheBackend() {
        KvStore.open("kv:stub:?greeting=hi").close();
    }

    @Test
    void badValueNamesTheOptionTheRangeAndTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KvStore.open("kv:stub:", Map.of("max-retries", "lots")));
        assertEquals("max-retries must be an integer from 0 to 2147483647 but was: lots",
                e.getMessage());
    }

    @Test
    void inconsistentCombinationIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KvStore.open("kv:stub:?retry-backoff-ms=50&retry-max-backoff-ms=10"));
        assertTrue(e.getMessage().contains("retry-max-backoff-ms (10) must not be less than"),
                e.getMessage());
    }

    @Test
    void mapOverridesTheUrl() {
        try (KvStore store = KvStore.open("kv:stub:?max-value-bytes=5",
                Map.of("max-value-bytes", "100"))) {
            store.run("f", kv -> {
                kv.set("k", "twenty characters...");
                return null;
            });
        }
    }

    @Test
    void urlOptionApplies() {
        try (KvStore store = KvStore.open("kv:stub:?max-value-bytes=5")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> store.run("f", kv -> {
                        kv.set("k", "twenty characters...");
                        return null;
                    }));
            assertTrue(e.getMessage().contains("over the limit of 5 bytes"), e.getMessage());
        }
    }

    @Test
    void openWithoutUrlTakesTheSystemProperty() {
        System.setProperty(KvStore.URL_PROPERTY, "kv:nope:from-property");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, KvStore::open);
        assertTrue(e.getMessage().contains("kv:nope:from-property"), e.getMessage());
    }

    @Test
    void defaultUrlIsTheMemoryStore() {
        if (System.getenv(KvStore.URL_ENVIRONMENT) == null) {
            assertEquals("kv:memory:", KvStore.defaultUrl());
        } else {
            assertEquals(System.getenv(KvStore.URL_ENVIRONMENT).trim(), KvStore.defaultUrl());
        }
    }

    @Test
    void storeShowsItsUrlWithoutSecrets() {
        try (KvStore store = KvStore.open("kv:stub:?greeting=hi")) {
            assertEquals("kv:stub:?greeting=hi", store.url());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KvStore.open("kv:stub:?password=s3cret"));
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
    }

    /** The README's option table lists every engine option with its default. */
    @Test
    void readmeOptionTableMatchesTheOptions() throws Exception {
        Path readme = Path.of("..", "README.md");
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        for (Option<?> o : KvOption.table()) {
            if (o.objectClass() != null) {
                continue;
            }
            String row = "| `" + o.name() + "` | integer | " + o.defaultValue() + " |";
            assertTrue(text.contains(row), "README.md lacks the row starting: " + row);
        }
    }

    @Test
    void unknownOptionOfABackendWithoutOptions_namesTheEnginesOptions() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KvStore.open("kv:throwing:?foo=1"));
        assertEquals("Unknown option 'foo' for kv:throwing:: the request engine's options are "
                + "[retry-timeout-ms, max-retries, retry-backoff-ms, retry-max-backoff-ms, "
                + "max-call-depth, max-value-bytes, meter-registry], and this backend has no "
                + "options of its own (names are case-sensitive)", e.getMessage());
    }

    @Test
    void unknownOptionOfABackendWithOptions_namesBothTables() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KvStore.open("kv:stub:?colour=blue"));
        assertTrue(e.getMessage().endsWith("max-value-bytes, meter-registry], and this "
                + "backend's are [greeting, api-key] (names are case-sensitive)"), e.getMessage());
    }

    @Test
    void anOptionBothTheEngineAndTheBackendDeclare_isListedOnce() {
        List<String> names = new ArrayList<>();
        KvStore.options("kv:registry:").forEach(d -> names.add(d.name()));
        assertEquals(List.of("retry-timeout-ms", "max-retries", "retry-backoff-ms",
                "retry-max-backoff-ms", "max-call-depth", "max-value-bytes", "meter-registry",
                "colour"), names);
    }

    @Test
    void aNumberWithASpaceAroundIt_isRefusedNamingTheOption() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KvStore.open("kv:stub:?max-retries=%201"));
        assertEquals("max-retries must be an integer from 0 to 2147483647 but was: ' 1' (a space "
                + "before or after a value is not trimmed)", e.getMessage());
    }

    @Test
    void anEmptyPairInTheQuery_isRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KvStore.open("kv:stub:?&"));
        assertTrue(e.getMessage().startsWith("The URL's query has an empty pair"), e.getMessage());
    }
}
