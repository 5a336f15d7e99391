package io.kv4j.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kv4j.spi.BackendException;
import io.kv4j.spi.Commit;
import io.kv4j.spi.Commit.Check;
import io.kv4j.spi.Commit.PointRead;
import io.kv4j.spi.Commit.RangeDelete;
import io.kv4j.spi.Commit.RangeRead;
import io.kv4j.spi.Commit.Seen;
import io.kv4j.spi.Commit.Write;
import io.kv4j.spi.Entry;
import io.kv4j.spi.KeyRange;
import io.kv4j.spi.KvBackend;
import io.kv4j.spi.Mutation;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a commit applies besides puts and deletes, through the SPI: checks, mutations and range
 * deletions, in their order, all or nothing.
 */
class CommitTest {

    @TempDir
    Path dir;
    private KvBackend backend;

    @BeforeEach
    void open() {
        backend = Spi.open(dir.resolve("commits.db"));
    }

    @AfterEach
    void close() {
        backend.close();
    }

    private long commit(List<PointRead> reads, List<RangeRead> ranges, List<Check> checks,
            List<RangeDelete> deletes, Write... writes) {
        return backend.commit(Commit.of(UUID.randomUUID(), reads, ranges, checks, deletes,
                List.of(writes)));
    }

    private long checked(Check check, Write... writes) {
        return commit(List.of(), List.of(), List.of(check), List.of(), writes);
    }

    private static Write put(String key, String json) {
        return Write.put("f", key, Spi.json(json));
    }

    private static Write sum(String key, long n) {
        return Write.mutate("f", key, Mutation.sum(BigInteger.valueOf(n)));
    }

    private String value(String key) {
        return Spi.text(backend.read("f", key));
    }

    private long lastVersion() {
        return ((Number) backend.check().get("lastVersion")).longValue();
    }

    @Test
    void checkOfTheCurrentVersion_passes() {
        long v = Spi.write(backend, put("k", "1"));
        long next = checked(Check.of("f", "k", v), put("k", "2"));
        assertEquals("2", value("k"));
        assertEquals(next, backend.read("f", "k").version());
        checked(Check.of("f", "absent", KvBackend.MISSING), put("absent", "3"));
        assertEquals("3", value("absent"));
    }

    @Test
    void checkOfAnOlderVersion_failsWithTheVersionFoundAndWritesNothing() {
        long v1 = Spi.write(backend, put("k", "1"));
        long v2 = Spi.write(backend, put("k", "2"));
        long before = lastVersion();

        BackendException e = assertThrows(BackendException.class,
                () -> checked(Check.of("f", "k", v1), put("k", "3"), put("other", "4")));
        assertEquals(BackendException.Kind.CHECK_FAILED, e.kind());
        assertEquals("k", e.key());
        assertEquals(v1, e.requiredVersion());
        assertEquals(v2, e.foundVersion());
        assertEquals("2", value("k"));
        assertNull(backend.read("f", "other"));
        assertEquals(before, lastVersion(), "no version was given out");
    }

    @Test
    void checkOfMissing_failsOnAnEntryAndCheckOfAVersion_failsOnNone() {
        long v = Spi.write(backend, put("k", "1"));
        BackendException exists = assertThrows(BackendException.class,
                () -> checked(Check.of("f", "k", KvBackend.MISSING), put("k", "2")));
        assertEquals(BackendException.Kind.CHECK_FAILED, exists.kind());
        assertEquals(KvBackend.MISSING, exists.requiredVersion());
        assertEquals(v, exists.foundVersion());

        BackendException gone = assertThrows(BackendException.class,
                () -> checked(Check.of("f", "absent", v), put("k", "2")));
        assertEquals(BackendException.Kind.CHECK_FAILED, gone.kind());
        assertEquals(KvBackend.MISSING, gone.foundVersion());
        assertEquals("1", value("k"));
    }

    @Test
    void checkAlone_isCheckedToo() {
        Spi.write(backend, put("k", "1"));
        BackendException e = assertThrows(BackendException.class,
                () -> checked(Check.of("f", "k", KvBackend.MISSING)));
        assertEquals(BackendException.Kind.CHECK_FAILED, e.kind());
        assertEquals(0, checked(Check.of("f", "absent", KvBackend.MISSING)), "a passing one");
    }

    @Test
    void failedCheck_winsOverAConflict() {
        long v1 = Spi.write(backend, put("k", "1"), put("read", "1"));
        Spi.write(backend, put("k", "2"), put("read", "2"));
        BackendException e = assertThrows(BackendException.class,
                () -> commit(List.of(PointRead.of("f", "read", v1)), List.of(),
                        List.of(Check.of("f", "k", v1)), List.of(), put("k", "3")));
        assertEquals(BackendException.Kind.CHECK_FAILED, e.kind());
        BackendException readOnly = assertThrows(BackendException.class,
                () -> commit(List.of(PointRead.of("f", "read", v1)), List.of(),
                        List.of(Check.of("f", "k", v1)), List.of()));
        assertEquals(BackendException.Kind.CHECK_FAILED, readOnly.kind());
    }

    @Test
    void mutations_startFromTheOperandAndCompose() {
        long v = Spi.write(backend, sum("n", 5), Write.mutate("f", "lo",
                Mutation.min(BigInteger.valueOf(-3))), Write.mutate("f", "hi",
                Mutation.max(BigInteger.TEN)));
        assertEquals("5", value("n"));
        assertEquals("-3", value("lo"));
        assertEquals("10", value("hi"));
        assertEquals(v, backend.read("f", "n").version());

        Spi.write(backend, put("x", "3"), put("e", "1e3"));
        // 3 + 5 = 8, at least 10, at most 12: 10
        Spi.write(backend, Write.mutate("f", "x", Mutation.sum(BigInteger.valueOf(5))
                .then(Mutation.max(BigInteger.TEN)).then(Mutation.min(BigInteger.valueOf(12)))),
                sum("e", 1), Write.mutate("f", "lo", Mutation.min(BigInteger.valueOf(-1))),
                Write.mutate("f", "hi", Mutation.max(BigInteger.valueOf(11))));
        assertEquals("10", value("x"));
        assertEquals("1001", value("e"));
        assertEquals("-3", value("lo"));
        assertEquals("11", value("hi"));
    }

    @Test
    void sumPastLongMaxValue_isExact() {
        Spi.write(backend, put("n", Long.toString(Long.MAX_VALUE)));
        Spi.write(backend, sum("n", Long.MAX_VALUE));
        assertEquals(BigInteger.valueOf(Long.MAX_VALUE).shiftLeft(1).toString(), value("n"));
    }

    @Test
    void mutationOfANonInteger_failsNamingItAndWritesNothing() {
        for (String found : List.of("1.5", "\"7\"", "null", "{\"n\":1}", "[1]", "true")) {
            Spi.write(backend, put("n", found));
            long before = lastVersion();
            BackendException e = assertThrows(BackendException.class,
                    () -> Spi.write(backend, put("other", "1"), sum("ok", 1), sum("n", 1)));
            assertEquals(BackendException.Kind.NOT_AN_INTEGER, e.kind(), found);
            assertEquals("n", e.key());
            assertTrue(e.getMessage().contains(found), e.getMessage());
            assertEquals(found, value("n"));
            assertNull(backend.read("f", "other"), found);
            assertNull(backend.read("f", "ok"), found);
            assertEquals(before, lastVersion(), "no version was given out");
        }
    }

    @Test
    void rangeDeletion_goesBeforeTheWritesOfItsCommit() {
        Spi.write(backend, put("p/1", "1"), put("p/2", "2"), put("p/3", "3"), put("p", "0"),
                put("q", "4"), Write.put("g", "p/1", Spi.json("5")));
        long v = commit(List.of(), List.of(), List.of(),
                List.of(RangeDelete.of("f", KeyRange.prefix("p/"))), put("p/2", "20"),
                sum("p/3", 1));
        assertNull(backend.read("f", "p/1"));
        assertEquals("20", value("p/2"));
        assertEquals("1", value("p/3"), "the sum applies to the key as the deletion left it");
        assertEquals(v, backend.read("f", "p/3").version());
        assertEquals("0", value("p"));
        assertEquals("4", value("q"));
        assertEquals("5", Spi.text(backend.read("g", "p/1")), "another function's key");

        commit(List.of(), List.of(), List.of(),
                List.of(RangeDelete.of("f", KeyRange.between("p", "q"))));
        assertEquals(List.of("q"), backend.scan("f", KeyRange.all(), false, 10).stream()
                .map(Entry::key).toList(), "end exclusive");
        commit(List.of(), List.of(), List.of(), List.of(RangeDelete.of("f", KeyRange.all())));
        assertEquals(List.of(), backend.scan("f", KeyRange.all(), false, 10));
    }

    @Test
    void rangeDeletion_conflictsWithWhoReadOrListedADeletedKey() {
        long v = Spi.write(backend, put("p/1", "1"), put("p/2", "2"));
        // a listing and a read taken before the deletion, committed after it
        RangeRead listed = RangeRead.of("f", KeyRange.prefix("p/"),
                List.of(Seen.of("p/1", v), Seen.of("p/2", v)));
        PointRead read = PointRead.of("f", "p/2", v);
        commit(List.of(), List.of(), List.of(),
                List.of(RangeDelete.of("f", KeyRange.prefix("p/"))));

        BackendException byRange = assertThrows(BackendException.class,
                () -> commit(List.of(), List.of(listed), List.of(), List.of(), put("x", "1")));
        assertEquals(BackendException.Kind.CONFLICT, byRange.kind());
        BackendException byRead = assertThrows(BackendException.class,
                () -> commit(List.of(read), List.of(), List.of(), List.of(), put("x", "1")));
        assertEquals(BackendException.Kind.CONFLICT, byRead.kind());
        assertEquals("p/2", byRead.key());
    }

    @Test
    void rangeDeletion_deletesWhatACommitBeforeItInserted() {
        long v = Spi.write(backend, put("p/1", "1"));
        // the deleter listed nothing; the insert commits first, the deletion takes it too
        Spi.write(backend, put("p/9", "9"));
        commit(List.of(PointRead.of("f", "p/1", v)), List.of(), List.of(),
                List.of(RangeDelete.of("f", KeyRange.prefix("p/"))));
        assertEquals(List.of(), backend.scan("f", KeyRange.prefix("p/"), false, 10));
    }
}
