package io.kv4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kv4j.common.ConflictReason;
import io.kv4j.common.ConflictTarget;
import io.kv4j.spi.BackendException;
import io.kv4j.spi.KeyRange;
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
                KvUnavailableException.class, BackendException.unavailable("down", null),
                KvOutcomeUnknownException.class, BackendException.outcomeUnknown("lost", null),
                KvConfigurationException.class,
                BackendException.configuration("password authentication failed", null, null),
                KvStorageException.class, BackendException.storage("disk full", null, null),
                KvConflictException.class, BackendException.readChanged("f", "k"));
        cases.forEach((type, thrown) -> {
            KvException e = committing(() -> thrown);
            assertInstanceOf(type, e, thrown.toString());
            assertSame(thrown, rootOf(e), "the backend's exception is kept as the cause");
            assertTrue(e.getMessage().contains(thrown.getMessage()), e.getMessage());
        });
    }

    @Test
    void aFailedCommitOfOneWrite_saysWriteInTheSingular() {
        KvException e = committing(() -> BackendException.storage("disk full", null, null));

        assertTrue(e.getMessage().contains("The commit of 1 write "), e.getMessage());
    }

    @Test
    void check_reportsTheStorageLikeEveryOtherCall() {
        KvStore store = KvStore.open("kv:throwing:");
        assertEquals(Map.of(), store.check());
        ThrowingProvider.next = () -> BackendException.unavailable("connection refused", null);
        KvUnavailableException e = assertThrows(KvUnavailableException.class, store::check);
        assertTrue(e.getMessage().contains("Checking the storage")
                && e.getMessage().contains("connection refused"), e.getMessage());
        store.close();
        assertThrows(IllegalStateException.class, store::check);
    }

    @Test
    void transientAndNonTransient_areTwoDisjointKinds() {
        assertTrue(committing(() -> BackendException.unavailable("down", null)).isTransient());
        assertTrue(committing(() -> BackendException.readChanged("f", "k"))
                .isTransient());
        for (RuntimeException thrown : List.of(BackendException.outcomeUnknown("lost", null),
                BackendException.storage("disk full", null, null),
                BackendException.configuration("no such database", null, null))) {
            KvException e = committing(() -> thrown);
            assertFalse(e.isTransient(), e.toString());
            assertInstanceOf(KvNonTransientException.class, e);
        }
        assertFalse(KvUnavailableException.class.isAssignableFrom(KvOutcomeUnknownException.class),
                "an unknown outcome is not an outage that may simply be retried");
    }

    @Test
    void aConflictKeepsItsReason() {
        KvConflictException e = (KvConflictException) committing(() -> BackendException.conflict(
                ConflictReason.DEADLOCK, null, null, null, "40P01", null));
        assertEquals(ConflictReason.DEADLOCK, e.reason());
        assertEquals(null, e.function());
        assertEquals(null, e.target());
    }

    @Test
    void aConflictNamesItsFunctionKeyAndWhatConflicted() {
        KvConflictException read = (KvConflictException) committing(
                () -> BackendException.readChanged("g", "k"));
        assertEquals("g", read.function());
        assertEquals("k", read.key());
        assertEquals(ConflictTarget.POINT_READ, read.target());
        assertEquals(ConflictReason.CHANGED, read.reason());

        KvConflictException range = (KvConflictException) committing(
                () -> BackendException.rangeChanged("g", KeyRange.prefix("p/")));
        assertEquals("g", range.function());
        assertEquals(null, range.key());
        assertEquals(ConflictTarget.RANGE, range.target());

        KvConflictException write = (KvConflictException) committing(() -> BackendException
                .conflict(ConflictReason.SERIALIZATION_FAILURE, ConflictTarget.WRITE, "g", "w",
                        "written concurrently", null));
        assertEquals(ConflictTarget.WRITE, write.target());
        assertEquals("w", write.key());
        assertEquals(ConflictReason.SERIALIZATION_FAILURE, write.reason());
    }

    @Test
    void aFailedCheckAndAMutationOfANonInteger_areNonTransientWithTheirFacts() {
        KvCheckException changed = (KvCheckException) committing(
                () -> BackendException.checkFailed("g", "k", 3, 5));
        assertEquals(List.of("g", "k", "00000000000000030000", "00000000000000050000"), List.of(
                changed.function(), changed.key(), changed.expected(), changed.current()));
        assertFalse(changed.isTransient());
        KvCheckException unknown = (KvCheckException) committing(
                () -> BackendException.checkFailed("g", "k", 0, -1));
        assertEquals(null, unknown.expected(), "a key that had to be missing");
        assertFalse(unknown.isCurrentKnown(), "a backend that cannot tell");
        KvMutationException mutation = (KvMutationException) committing(
                () -> BackendException.notAnInteger("g", "k", "\"text\""));
        assertEquals(List.of("g", "k"), List.of(mutation.function(), mutation.key()));
        assertTrue(mutation.getMessage().contains("\"text\""), mutation.getMessage());
        assertFalse(mutation.isTransient());
    }

    @Test
    void aFailureWhileCheckingTheReadsOfAFailedBody_leavesTheBodysOwnFailure() {
        try (KvStore store = KvStore.open("kv:throwing:?retry-timeout-ms=0")) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> store.run("f", kv -> {
                        kv.get("a");
                        kv.get("b");
                        // the engine checks the reads of a failed body; the storage fails by then
                        ThrowingProvider.next = () -> BackendException.storage("gone", null, null);
                        throw new IllegalStateException("the body's own failure");
                    }));
            assertEquals("the body's own failure", e.getMessage());
        }
    }

    @Test
    void anythingElseABackendThrows_isAStorageFailure_notAnIllegalState() {
        KvException e = committing(() -> new NullPointerException("bug in a backend"));
        assertInstanceOf(KvStorageException.class, e);
    }

    @Test
    void failuresOfReads_areTranslatedToo() {
        try (KvStore store = KvStore.open("kv:throwing:?retry-timeout-ms=0")) {
            ThrowingProvider.next = () -> BackendException.unavailable("down", null);
            assertThrows(KvUnavailableException.class, () -> store.reader("f").get("k"));
            assertThrows(KvUnavailableException.class, () -> store.reader("f").list(""));
            assertThrows(KvUnavailableException.class, store::functions);
        }
    }

    @Test
    void theSqlStateOfAStorageOrConfigurationFailure_isKeptAsAField() {
        KvConfigurationException refused = (KvConfigurationException) committing(() ->
                BackendException.configuration("permission denied", "42501", null));
        assertEquals("42501", refused.sqlState());
        KvStorageException failed = (KvStorageException) committing(() ->
                BackendException.storage("disk full", "53100", null));
        assertEquals("53100", failed.sqlState());
        KvStorageException none = (KvStorageException) committing(() ->
                BackendException.storage("unreadable", null, null));
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
