package io.kv4j.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void count_isSingularForOneOnly_andSeparatesThousands() {
        assertEquals("1 entry", Text.count(1, "entry"));
        assertEquals("0 entries", Text.count(0, "entry"));
        assertEquals("1,024 entries", Text.count(1024, "entry"));
        assertEquals("1 retry", Text.count(1, "retry"));
        assertEquals("2 retries", Text.count(2, "retry"));
        assertEquals("2 keys", Text.count(2, "key"));
        assertEquals("-1 writes", Text.count(-1, "write"));
        assertEquals("999 keys", Text.count(999, "key"));
        assertEquals("-1,000 keys", Text.count(-1000, "key"));
        assertEquals("-100 keys", Text.count(-100, "key"));
        assertEquals("1,000,000 keys", Text.count(1_000_000, "key"));
        assertEquals("-9,223,372,036,854,775,808 keys", Text.count(Long.MIN_VALUE, "key"));
    }
}
