package io.kv4j.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.kv4j.spi.Entry;
import org.junit.jupiter.api.Test;

/** The races between filling the cache and changes, played out one step at a time. */
class ReadCacheTest {

    private static final Entry OLD = Entry.of("k", new byte[] {'1'}, 1);
    private static final Entry NEW = Entry.of("k", new byte[] {'2'}, 2);

    private static ReadCache on() {
        ReadCache c = new CaffeineReadCache(1 << 20);
        c.switchOn();
        return c;
    }

    @Test
    void fill_thenGet_serves() {
        ReadCache c = on();
        c.fill("F", "k", OLD, c.stamp("F", "k"));
        assertEquals(OLD, c.get("F", "k").entry());
    }

    @Test
    void switchOff_servesNothing() {
        ReadCache c = on();
        c.fill("F", "k", OLD, c.stamp("F", "k"));
        c.switchOff();
        assertNull(c.get("F", "k"));
    }

    @Test
    void fillOfAReadThatBeganBeforeAnInvalidation_isDropped() {
        ReadCache c = on();
        ReadCache.Stamp before = c.stamp("F", "k");
        c.invalidate("F", "k");
        c.fill("F", "k", OLD, before);
        assertNull(c.get("F", "k"));
    }

    @Test
    void fillOfAReadThatBeganBeforeTheListenerReconnected_isDropped() {
        ReadCache c = on();
        ReadCache.Stamp before = c.stamp("F", "k");
        c.switchOff();
        c.switchOn();
        c.fill("F", "k", OLD, before);
        assertNull(c.get("F", "k"));
    }

    @Test
    void fillOfAReadThatBeganBeforeALocalCommit_doesNotOverwriteIt() {
        ReadCache c = on();
        ReadCache.Stamp read = c.stamp("F", "k");
        c.update("F", "k", NEW, c.stamp("F", "k"));
        c.fill("F", "k", OLD, read);
        assertEquals(NEW, c.get("F", "k").entry());
    }

    @Test
    void updateAfterAnInvalidationDuringTheCommit_isDropped() {
        ReadCache c = on();
        ReadCache.Stamp beforeCommit = c.stamp("F", "k");
        c.invalidate("F", "k"); // another process's newer commit, heard of meanwhile
        c.update("F", "k", NEW, beforeCommit);
        assertNull(c.get("F", "k"));
    }
}
