package io.kv4j.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KvUrlTest {

    @Test
    void schemeIsThePartAfterKv() {
        assertEquals("memory", KvUrl.scheme("kv:memory:"));
        assertEquals("postgresql", KvUrl.scheme("kv:PostgreSQL://db/x"));
    }

    @Test
    void urlWithoutSchemeIsRefusedWithoutShowingItsPassword() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KvUrl.scheme("postgresql://u:hunter2@db/x"));
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
        assertTrue(e.getMessage().contains("kv:<scheme>:"), e.getMessage());
    }

    @Test
    void queryOptionsAreDecodedInOrder() {
        assertEquals(Map.of("a", "1+2", "b", "x&y", "c", "", "d", "é"),
                KvUrl.queryOptions("kv:memory:?a=1+2&b=x%26y&c=&d=%C3%A9"));
        assertEquals(Map.of(), KvUrl.queryOptions("kv:memory:"));
    }

    @Test
    void pairWithoutEqualsIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> KvUrl.queryOptions("kv:memory:?flag"));
    }

    @Test
    void schemeMustStartWithALetter() {
        assertThrows(IllegalArgumentException.class, () -> KvUrl.scheme("kv:1x:db"));
        assertEquals("a+b.c-d", KvUrl.scheme("kv:a+b.c-d:db"));
    }

    @Test
    void optionGivenTwiceIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KvUrl.queryOptions("kv:memory:?a=1&a=2"));
        assertTrue(e.getMessage().contains("'a' is given twice"), e.getMessage());
    }

    @Test
    void redactMasksUserInfoPasswordAndSecretOptions() {
        String url = "kv:postgresql://kv:hunter2@db:5432/app?user=kv&password=s3cret&sslpassword=x";
        String shown = KvUrl.redact(url);
        assertFalse(shown.contains("hunter2"), shown);
        assertFalse(shown.contains("s3cret"), shown);
        assertEquals("kv:postgresql://kv:<masked>@db:5432/app?user=kv&password=<masked>"
                + "&sslpassword=<masked>", shown);
    }

    @Test
    void redactMasksSecretOptionValuesInMaps() {
        assertEquals(Map.of("user", "kv", "password", "<masked>"),
                KvUrl.redact(Map.of("user", "kv", "password", "s3cret")));
    }

    @Test
    void badPercentEncodingIsReportedWithoutTheRawValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KvUrl.queryOptions("kv:memory:?password=%zz"));
        assertFalse(e.getMessage().contains("%zz"), e.getMessage());
    }

    @Test
    void emptyPairsAreRefused() {
        for (String query : List.of("&", "a=1&", "&a=1", "a=1&&b=2", "a=1&&")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> KvUrl.queryOptions("kv:memory:?" + query), query);
            assertTrue(e.getMessage().contains("empty"), query + ": " + e.getMessage());
        }
    }

    @Test
    void aPairWithoutEqualsIsNamed_onlyWhenItComesFirst() {
        IllegalArgumentException first = assertThrows(IllegalArgumentException.class,
                () -> KvUrl.queryOptions("kv:memory:?flag&a=1"));
        assertTrue(first.getMessage().startsWith("Option 'flag' of the URL's query has no "
                + "'=value'"), first.getMessage());
        // it may be the rest of the value before it, cut at an unencoded '&'
        IllegalArgumentException tail = assertThrows(IllegalArgumentException.class,
                () -> KvUrl.queryOptions("kv:memory:?api-key=ab&cd"));
        assertTrue(tail.getMessage().startsWith("Option 2 of the URL's query, after option "
                + "'api-key', has no '=value'"), tail.getMessage());
        assertFalse(tail.getMessage().contains("cd"), tail.getMessage());
    }

    @Test
    void optionsAfterASecretAreTaken() {
        assertEquals(Map.of("password", "p", "a", "1"),
                KvUrl.queryOptions("kv:memory:?password=p&a=1"));
    }

    @Test
    void anEmptyNameIsRefused() {
        for (String query : List.of("=", "=1", "a=1&=2")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> KvUrl.queryOptions("kv:memory:?" + query), query);
            assertTrue(e.getMessage().contains("no name"), query + ": " + e.getMessage());
        }
    }

    @Test
    void aNameThatIsNoOptionNameIsRefusedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KvUrl.queryOptions("kv:memory:??a=1"));
        assertTrue(e.getMessage().contains("'?a'"), e.getMessage());
        IllegalArgumentException later = assertThrows(IllegalArgumentException.class,
                () -> KvUrl.queryOptions("kv:memory:?a=1&?b=2"));
        assertTrue(later.getMessage().startsWith("Option 2 of the URL's query, after option 'a',"
                + " has a name that is no option name"), later.getMessage());
    }

    @Test
    void aFragmentIsRefused() {
        for (String url : List.of("kv:memory:x?a=1#f", "kv:memory:x#f", "kv:memory:x?#")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> KvUrl.queryOptions(url), url);
            assertTrue(e.getMessage().contains("%23"), url + ": " + e.getMessage());
        }
        IllegalArgumentException secret = assertThrows(IllegalArgumentException.class,
                () -> KvUrl.queryOptions("kv:memory:?password=ab#cd"));
        assertTrue(secret.getMessage().contains("'password'"), secret.getMessage());
        assertFalse(secret.getMessage().contains("ab#cd") || secret.getMessage().contains("cd"),
                secret.getMessage());
    }

    @Test
    void badPercentEscapesAreRefusedNamingTheOption() {
        for (String value : List.of("%zz", "%2", "1%", "%FF", "%C3", "%C3%28", "%ED%A0%80")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> KvUrl.queryOptions("kv:memory:?a=1&password=" + value), value);
            assertTrue(e.getMessage().contains("'password'"), value + ": " + e.getMessage());
            assertFalse(e.getMessage().contains("password=" + value), value + ": " + e.getMessage());
        }
    }

    @Test
    void anEmptyQueryIsNoOptions() {
        assertEquals(Map.of(), KvUrl.queryOptions("kv:memory:?"));
    }

    @Test
    void redactMasksAUserInfoPasswordHoldingAtSignsAndSlashes() {
        assertEquals("kv:postgresql://u:<masked>@db/app?user=u",
                KvUrl.redact("kv:postgresql://u:p@s/s@db/app?user=u"));
        assertEquals("kv:postgresql://db:5432/app?user=me@corp",
                KvUrl.redact("kv:postgresql://db:5432/app?user=me@corp"));
    }

    @Test
    void redactTextMasksEveryUrlWhereItStands() {
        assertEquals("Unknown options: '--url', 'kv:postgresql://u:<masked>@db/app?user=u"
                + "&password=<masked>&x=1', jdbc:postgresql://db/app?sslpassword=<masked> and "
                + "postgres://u:<masked>@db/app; --password=<masked> outside a URL, user=u",
                KvUrl.redactText("Unknown options: '--url', 'kv:postgresql://u:pw@db/app?user=u"
                        + "&password=s3cret&x=1', jdbc:postgresql://db/app?sslpassword=k3y and "
                        + "postgres://u:pw@db/app; --password=s3cret outside a URL, user=u"));
    }
}
