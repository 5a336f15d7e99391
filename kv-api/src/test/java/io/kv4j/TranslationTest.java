package io.kv4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kv4j.spi.BackendConfigurationException;
import io.kv4j.spi.BackendConflictException;
import io.kv4j.spi.BackendFailureException;
import io.kv4j.spi.BackendOutcomeUnknownException;
import io.kv4j.spi.BackendUnavailableException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * SPEC KV-11: every exception of the SPI becomes the API's exception of the same meaning, with
 * the backend's as its cause, in one place; anything else a backend throws is a storage failure.
 */
class TranslationTest {

    @AfterEach
    void answerNormally() {
        ThrowingProvider.next = () -> null;
    }

    private static KvException committing(Supplier<RuntimeException> thrown) {
        try (KvStore store = KvStore.open("kv:throwing:?retry-timeout-ms=0")) {
            ThrowingProvider.next = thrown;
            return assertThrows(KvException.class, () -> store.run("f", kv -> {
                kv.set("k", 1);
                return null;
            }));
        }
    }

    @Test
    void eachBackendException_becomesTheApiExceptionOfTheSameMeaning() {
        Map<Class<? extends KvException>, RuntimeException> cases = Map.of(
                KvUnavailableException.class, new BackendUnavailableException("down", null),
                KvOutcomeUnknownException.class, new BackendOutcomeUnknownException("lost", null),
                KvConfigurationException.class,
                new BackendConfigurationException("password authentication failed", null),
                KvStorageException.class, new BackendFailureException("disk full", null),
                KvConflictException.class, new BackendConflictException("changed", "f", "k"));
        cases.forEach((type, thrown) -> {
            KvException e = committing(() -> thrown);
            assertInstanceOf(type, e, thrown.toString());
            assertSame(thrown, rootOf(e), "the backend's exception is kept as the cause");
            assertTrue(e.getMessage().contains(thrown.getMessage()), e.getMessage());
        });
    }

    @Test
    void aFailedCommitOfOneWrite_saysWriteInTheSingular() {
        KvException e = committing(() -> new BackendFailureException("disk full", null));

        assertTrue(e.getMessage().contains("The commit of 1 write "), e.getMessage());
    }

    @Test
    void check_reportsTheStorageLikeEveryOtherCall() {
        KvStore store = KvStore.open("kv:throwing:");
        assertEquals(Map.of(), store.check());
        ThrowingProvider.next = () -> new BackendUnavailableException("connection refused", null);
        KvUnavailableException e = assertThrows(KvUnavailableException.class, store::check);
        assertTrue(e.getMessage().contains("Checking the storage")
                && e.getMessage().contains("connection refused"), e.getMessage());
        store.close();
        assertThrows(IllegalStateException.class, store::check);
    }

    @Test
    void transientAndNonTransient_areTwoDisjointKinds() {
        assertTrue(committing(() -> new BackendUnavailableException("down", null)).isTransient());
        assertTrue(committing(() -> new BackendConflictException("changed", "f", "k"))
                .isTransient());
        for (RuntimeException thrown : List.of(new BackendOutcomeUnknownException("lost", null),
                new BackendFailureException("disk full", null),
                new BackendConfigurationException("no such database", null))) {
            KvException e = committing(() -> thrown);
            assertFalse(e.isTransient(), e.toString());
            assertInstanceOf(KvNonTransientException.class, e);
        }
        assertFalse(KvUnavailableException.class.isAssignableFrom(KvOutcomeUnknownException.class),
                "an unknown outcome is not an outage that may simply be retried");
    }

    @Test
    void aConflictKeepsItsReason() {
        KvConflictException e = (KvConflictException) committing(() -> new BackendConflictException(
                "40P01", BackendConflictException.Reason.DEADLOCK, null, null, null));
        assertEquals(KvConflictException.Reason.DEADLOCK, e.reason());
    }

    @Test
    void anythingElseABackendThrows_isAStorageFailure_notAnIllegalState() {
        KvException e = committing(() -> new NullPointerException("bug in a backend"));
        assertInstanceOf(KvStorageException.class, e);
    }

    @Test
    void failuresOfReads_areTranslatedToo() {
        try (KvStore store = KvStore.open("kv:throwing:?retry-timeout-ms=0")) {
            ThrowingProvider.next = () -> new BackendUnavailableException("down", null);
            assertThrows(KvUnavailableException.class, () -> store.reader("f").get("k"));
            assertThrows(KvUnavailableException.class, () -> store.reader("f").list(""));
            assertThrows(KvUnavailableException.class, store::functions);
        }
    }

    @Test
    void theSqlStateOfAStorageOrConfigurationFailure_isKeptAsAField() {
        KvConfigurationException refused = (KvConfigurationException) committing(() ->
                new BackendConfigurationException("permission denied", "42501", null));
        assertEquals("42501", refused.sqlState());
        KvStorageException failed = (KvStorageException) committing(() ->
                new BackendFailureException("disk full", "53100", null));
        assertEquals("53100", failed.sqlState());
        KvStorageException none = (KvStorageException) committing(() ->
                new BackendFailureException("unreadable", null));
        assertEquals(null, none.sqlState());
    }

    private static Throwable rootOf(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
