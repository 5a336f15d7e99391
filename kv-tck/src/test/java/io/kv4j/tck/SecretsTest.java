package io.kv4j.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The kit finds a secret where it stands, and its text anywhere only when that is sound. */
class SecretsTest {

    private static Secrets of(String url) {
        Secrets s = new Secrets();
        s.addUrl(url);
        return s;
    }

    @Test
    void aPasswordCutShortByAnAmpersand_isMaskedWhereItStands_notWhereverItsLetterIs() {
        // parsed as password 'p' and an option 'q' holding the rest
        Secrets s = of("kv:postgresql://db/app?password=p&q=1");
        String message = "cannot open kv:postgresql://db/app?password=<masked>&<masked>: "
                + "postgresql refused the password=p of user app";
        assertEquals("cannot open kv:postgresql://db/app?password=<masked>&<masked>: "
                + "postgresql refused the password=<masked> of user app", s.scrub(message));
    }

    @Test
    void aSecretIsFoundInAUrlsPasswordSlot_anOptionsValue_andAPropertyDump() {
        Secrets s = of("kv:postgresql://kv:test@db/test?user=kv");
        for (String leak : List.of("jdbc:postgresql://kv:test@db/test",
                "kv:postgresql://db/test?user=kv&password=test",
                "properties {user=kv, password=test}", "{\"sslpassword\": \"test\"}")) {
            assertTrue(s.shows(leak), leak);
            assertFalse(s.scrub(leak).contains("=test") || s.scrub(leak).contains(":test@")
                    || s.scrub(leak).contains("\"test\""), s.scrub(leak));
        }
    }

    @Test
    void aShortOrCommonSecret_isNotSearchedForAsText_andSaysSo() {
        Secrets s = of("kv:postgresql://kv:test@db/test?user=kv");
        String logged = "Connecting with URL: jdbc:postgresql://db/test; 3 tests passed";
        assertFalse(s.shows(logged), logged);
        assertEquals(logged, s.scrub(logged));
        assertEquals(List.of("the password in the URL's user information (4 characters, fewer "
                + "than 8)"), s.notSearched());
        Secrets common = of("kv:postgresql://db/orders-database?password=orders-database");
        assertEquals(List.of("the value of the URL's option password (its text also stands "
                + "elsewhere in the URL)"), common.notSearched());
    }

    @Test
    void aLongDistinctSecret_isFoundAnywhere() {
        Secrets s = of("kv:postgresql://db/app?password=Right%26Secret-7f3a");
        assertTrue(s.shows("auth failed for 'Right&Secret-7f3a'"));
        assertTrue(s.shows("auth failed for 'Right%26Secret-7f3a'"));
        assertEquals(List.of(), s.notSearched());
    }
}
