package io.kv4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

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
            assertEquals(1, store.reader("f").get("k"));
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
        assertTrue(e.getMessage().contains("old (io.kv4j.TestProviders$Old) targets SPI version 0"),
                e.getMessage());
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
}
