package io.kv4j.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KvUrlsTest {

    @Test
    void schemeIsThePartAfterKv() {
        assertEquals("memory", KvUrls.scheme("kv:memory:"));
        assertEquals("postgresql", KvUrls.scheme("kv:PostgreSQL://db/x"));
    }

    @Test
    void urlWithoutSchemeIsRefusedWithoutShowingItsPassword() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KvUrls.scheme("postgresql://u:hunter2@db/x"));
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
        assertTrue(e.getMessage().contains("kv:<scheme>:"), e.getMessage());
    }

    @Test
    void queryOptionsAreDecodedInOrder() {
        assertEquals(Map.of("a", "1+2", "b", "x&y", "c", "", "d", "é"),
                KvUrls.queryOptions("kv:memory:?a=1+2&b=x%26y&c=&d=%C3%A9"));
        assertEquals(Map.of(), KvUrls.queryOptions("kv:memory:"));
    }

    @Test
    void pairWithoutEqualsIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> KvUrls.queryOptions("kv:memory:?flag"));
    }

    @Test
    void schemeMustStartWithALetter() {
        assertThrows(IllegalArgumentException.class, () -> KvUrls.scheme("kv:1x:db"));
        assertEquals("a+b.c-d", KvUrls.scheme("kv:a+b.c-d:db"));
    }

    @Test
    void optionGivenTwiceIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KvUrls.queryOptions("kv:memory:?a=1&a=2"));
        assertTrue(e.getMessage().contains("'a' is given twice"), e.getMessage());
    }

    @Test
    void redactMasksUserInfoPasswordAndSecretOptions() {
        String url = "kv:postgresql://kv:hunter2@db:5432/app?user=kv&password=s3cret&sslpassword=x";
        String shown = KvUrls.redact(url);
        assertFalse(shown.contains("hunter2"), shown);
        assertFalse(shown.contains("s3cret"), shown);
        assertEquals("kv:postgresql://kv:<masked>@db:5432/app?user=kv&password=<masked>"
                + "&sslpassword=<masked>", shown);
    }

    @Test
    void redactMasksSecretOptionValuesInMaps() {
        assertEquals(Map.of("user", "kv", "password", "<masked>"),
                KvUrls.redact(Map.of("user", "kv", "password", "s3cret")));
    }

    @Test
    void badPercentEncodingIsReportedWithoutTheRawValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KvUrls.queryOptions("kv:memory:?password=%zz"));
        assertFalse(e.getMessage().contains("%zz"), e.getMessage());
    }
}
