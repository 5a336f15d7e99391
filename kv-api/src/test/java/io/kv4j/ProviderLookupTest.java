package io.kv4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC KV-11: how a URL finds its provider. */
class ProviderLookupTest {

    @AfterEach
    void unpin() {
        System.clearProperty(KvStore.PROVIDER_PROPERTY);
    }

    @Test
    void urlWithOneAcceptingProviderOpensIt() {
        try (KvStore store = KvStore.open("kv:stub:")) {
            store.run("f", kv -> {
                kv.set("k", 1);
                return null;
            });
            assertEquals(1L, store.reader("f").get("k"));
        }
    }

    @Test
    void noProviderErrorNamesTheUrlAndListsWhatWasFound() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KvStore.open("kv:nope:db"));
        String m = e.getMessage();
        assertTrue(m.contains("'kv:nope:db'"), m);
        assertTrue(m.contains("stub (io.kv4j.TestProviders$Stub)"), m);
        assertTrue(m.contains("twin-a (io.kv4j.TestProviders$TwinA)"), m);
    }

    @Test
    void providerThatFailsToLoadIsReportedNotSwallowed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KvStore.open("kv:nope:db"));
        assertTrue(e.getMessage().contains("TestProviders$Broken"), e.getMessage());
        assertTrue(e.getMessage().contains("missing native library"), e.getMessage());
        assertEquals(1, e.getSuppressed().length, "the loading failure is attached");
    }

    @Test
    void providerForAnotherSpiVersionIsListedAsIncompatibleAndNotUsed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KvStore.open("kv:old:db"));
        assertTrue(e.getMessage().contains("old (io.kv4j.TestProviders$Old) targets SPI version 2, "
                + "not 3 (incompatible: this kv4j drives providers of SPI versions 3 to 3; "
                + "rebuild it against kv-spi 3)"), e.getMessage());
    }

    /**
     * A provider compiled against SPI 1, whose {@code apiVersion()} had a body that returned the
     * running SPI's constant, so it implements none: its jar is refused at lookup with both
     * versions, never opened.
     */
    @Test
    void providerBuiltAgainstSpi1IsRefusedNamingBothVersions(@TempDir Path dir) throws Exception {
        Path sources = dir.resolve("src");
        write(sources.resolve("io/kv4j/spi/KvProvider.java"), "package io.kv4j.spi;\n"
                + "public interface KvProvider {\n"
                + "    int API_VERSION = 1;\n"
                + "    String scheme();\n"
                + "    boolean accepts(String url);\n"
                + "    Object open(String url, java.util.Map<String, String> options);\n"
                + "    default int apiVersion() { return API_VERSION; }\n"
                + "}\n");
        write(sources.resolve("com/example/v1/V1Provider.java"), "package com.example.v1;\n"
                + "public final class V1Provider implements io.kv4j.spi.KvProvider {\n"
                + "    public String scheme() { return \"v1\"; }\n"
                + "    public boolean accepts(String url) { return url.startsWith(\"kv:v1:\"); }\n"
                + "    public Object open(String url, java.util.Map<String, String> options) {\n"
                + "        throw new IllegalStateException(\"opened\");\n"
                + "    }\n"
                + "}\n");
        Path classes = dir.resolve("classes");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, "-d", classes.toString(),
                sources.resolve("io/kv4j/spi/KvProvider.java").toString(),
                sources.resolve("com/example/v1/V1Provider.java").toString()), "compiled");
        // the provider's jar holds the provider only; the SPI comes from the running kv-spi
        Path jar = dir.resolve("jar");
        Path provider = jar.resolve("com/example/v1/V1Provider.class");
        Files.createDirectories(provider.getParent());
        Files.copy(classes.resolve("com/example/v1/V1Provider.class"), provider);
        write(jar.resolve("META-INF/services/io.kv4j.spi.KvProvider"),
                "com.example.v1.V1Provider\n");
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                getClass().getClassLoader())) {
            Thread.currentThread().setContextClassLoader(loader);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> KvStore.open("kv:v1:db"));
            assertTrue(e.getMessage().contains("v1 (com.example.v1.V1Provider) was built for SPI "
                    + "version 1, not 3 (incompatible: it implements no apiVersion(); rebuild it "
                    + "against kv-spi 3)"), e.getMessage());
            assertFalse(e.getMessage().contains("opened"), e.getMessage());
        } finally {
            Thread.currentThread().setContextClassLoader(before);
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    @Test
    void twoAcceptingProvidersAreAnErrorListingBoth() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KvStore.open("kv:twin:db"));
        String m = e.getMessage();
        assertTrue(m.contains("TwinA") && m.contains("TwinB"), m);
        assertTrue(m.contains("-Dkv.provider="), m);
    }

    @Test
    void systemPropertyPinsOneProviderByScheme() {
        System.setProperty(KvStore.PROVIDER_PROPERTY, "twin-a");
        int before = TestProviders.TwinA.OPENED.get();
        KvStore.open("kv:twin:db").close();
        assertEquals(before + 1, TestProviders.TwinA.OPENED.get());
    }

    @Test
    void systemPropertyPinsOneProviderByClassName() {
        System.setProperty(KvStore.PROVIDER_PROPERTY, TestProviders.TwinA.class.getName());
        int before = TestProviders.TwinA.OPENED.get();
        KvStore.open("kv:twin:db").close();
        assertEquals(before + 1, TestProviders.TwinA.OPENED.get());
    }

    @Test
    void pinnedProviderThatDoesNotExistIsAnError() {
        System.setProperty(KvStore.PROVIDER_PROPERTY, "nosuch");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KvStore.open("kv:twin:db"));
        assertTrue(e.getMessage().contains("kv.provider=nosuch"), e.getMessage());
    }

    @Test
    void pinnedProviderMustAcceptTheUrl() {
        System.setProperty(KvStore.PROVIDER_PROPERTY, "stub");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KvStore.open("kv:twin:db"));
        assertTrue(e.getMessage().contains("does not accept"), e.getMessage());
    }

    @Test
    void errorsNeverShowTheUrlsPassword() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KvStore.open("kv:nope://u:hunter2@db/x?password=s3cret"));
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
    }

    @Test
    void malformedUrlIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KvStore.open("memory"));
        assertTrue(e.getMessage().contains("must start with 'kv:<scheme>:'"), e.getMessage());
    }

    @Test
    void aJdbcOrLibpqStyleUrl_isRefusedWithTheKvUrlToUse() {
        for (String url : List.of("jdbc:stub://h/db?greeting=hi&api-key=s3cret",
                "stub://h/db?greeting=hi&api-key=s3cret", "JDBC:STUB://h/db?greeting=hi&api-key=s3cret")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> KvStore.open(url), url);
            assertTrue(e.getMessage().contains("must start with 'kv:<scheme>:'")
                    && e.getMessage().endsWith("; use kv:stub: (kv:stub://h/db?greeting=hi"
                            + "&api-key=<masked>)"), e.getMessage());
        }
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> KvStore.open("jdbc:nope://h/db"));
        assertFalse(none.getMessage().contains("; use"), none.getMessage());
    }
}
