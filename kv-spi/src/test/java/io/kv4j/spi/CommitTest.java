package io.kv4j.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CommitTest {

    private static final List<Commit.Write> WRITES = List.of(Commit.Write.delete("F", "k"));

    /** An id made when first asked is the commit's for good: a re-sent commit keeps it. */
    @Test
    void anIdMadeWhenAsked_staysTheSame() {
        Commit c = Commit.of(List.of(), List.of(), WRITES);

        UUID first = c.id();

        assertSame(first, c.id());
        assertNotEquals(first, Commit.of(List.of(), List.of(), WRITES).id());
    }

    @Test
    void readsFromOneCall_keepsTheCommitsIdAndParts() {
        UUID id = UUID.randomUUID();
        Commit c = Commit.of(id, List.of(Commit.PointRead.of("F", "a", 3)), List.of(), WRITES);

        Commit noted = c.withReadsFromOneCall();

        assertFalse(c.readsFromOneCall());
        assertTrue(noted.readsFromOneCall());
        assertEquals(id, noted.id());
        assertEquals(c.reads(), noted.reads());
        assertEquals(c.writes(), noted.writes());
    }
}
