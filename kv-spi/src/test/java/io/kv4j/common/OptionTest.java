package io.kv4j.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class OptionTest {

    private static final Option<Integer> RETRIES = Option.integer("max-retries", 5, 0, 100,
            "How often.");
    private static final Option<Boolean> CACHE = Option.bool("cache", true, "Whether.");
    private static final Option<String> MODE = Option.choice("sslmode", null,
            List.of("disable", "require"), "How.");
    private static final Option<String> USER = Option.text("user", "", "Who.");
    private static final Option<String> PASSWORD = Option.secret("password", "What.");

    @Test
    void valuesWithSpacesAroundThemAreRefusedNotTrimmed_namingTheOption() {
        for (Option<?> d : List.<Option<?>>of(RETRIES, CACHE, MODE)) {
            String good = d == RETRIES ? "1" : d == CACHE ? "true" : "require";
            d.parse(good);
            for (String value : List.of(" " + good, good + " ", "\t" + good, good + "\n",
                    "\u00a0" + good, good + "\u2003")) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> d.parse(value), d.name() + " '" + value + "'");
                assertTrue(e.getMessage().startsWith(d.name() + " must be " + d.kind()
                        + " but was: '"), e.getMessage());
            }
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RETRIES.parse(" 1"));
        assertEquals("max-retries must be an integer from 0 to 100 but was: ' 1' (a space before "
                + "or after a value is not trimmed)", e.getMessage());
    }

    @Test
    void integersAreAsciiDigitsWithAnOptionalSign() {
        assertEquals(7, RETRIES.parse("+7"));
        assertEquals(7, RETRIES.parse("007"));
        for (String value : List.of("", "+", "-", "1_0", "0x1", "1e1", "\u0661\u0662", "\uff11",
                "99999999999999999999")) {
            assertThrows(IllegalArgumentException.class, () -> RETRIES.parse(value), value);
        }
    }

    @Test
    void wordsMatchIgnoringTheCaseOfAsciiLettersOnly() {
        assertEquals(Boolean.FALSE, CACHE.parse("FALSE"));
        assertEquals("require", MODE.parse("REQUIRE"));
        // U+017F (long s) and U+212A (Kelvin sign) are letters whose case maps to ASCII
        assertThrows(IllegalArgumentException.class, () -> MODE.parse("di\u017Fable"));
        assertThrows(IllegalArgumentException.class,
                () -> Option.choice("k", null, List.of("kerberos"), "K.")
                        .parse("\u212Aerberos"));
    }

    @Test
    void textHoldsNoNulCharacter_andASecretIsNeverShown() {
        IllegalArgumentException user = assertThrows(IllegalArgumentException.class,
                () -> USER.parse("app\0options"));
        assertTrue(user.getMessage().startsWith("user must not hold a NUL character"),
                user.getMessage());
        IllegalArgumentException password = assertThrows(IllegalArgumentException.class,
                () -> PASSWORD.parse("hunter2\0x"));
        assertFalse(password.getMessage().contains("hunter2"), password.getMessage());
        assertEquals(" spaces are kept ", USER.parse(" spaces are kept "));
    }

    @Test
    void eachKindParsesToItsJavaType_andAnObjectIsCheckedByItsClass() {
        Integer retries = RETRIES.parse("3");
        Boolean cache = CACHE.parse("true");
        assertEquals(3, retries);
        assertEquals(Boolean.TRUE, cache);
        assertEquals(Integer.class, RETRIES.type());
        Option<Long> wide = Option.longInteger("retention", 10L, 0, 1L << 40, "How long.");
        assertEquals(1L << 40, wide.parse(String.valueOf(1L << 40)));
        assertEquals(3, RETRIES.cast(3), "an Integer is checked as its text is");
        assertThrows(IllegalArgumentException.class, () -> RETRIES.cast(101));

        Option<Object> list = Option.object("things", "java.util.List", "Things.");
        Object given = new java.util.ArrayList<String>();
        assertEquals(given, list.cast(given));
        assertTrue(list.accepts(given));
        assertFalse(list.accepts("a string"));
        assertFalse(RETRIES.accepts(3), "an option written as text takes no object by type");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> list.cast("a string"));
        assertEquals("things must be an instance of java.util.List but was: an "
                + "java.lang.String", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> list.parse("x"));
    }

    @Test
    void aDefaultOutsideTheOptionsOwnValuesIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> Option.integer("n", 5, 6, 10, "N."));
        assertThrows(IllegalArgumentException.class,
                () -> Option.choice("c", "maybe", List.of("yes", "no"), "C."));
    }

    @Test
    void toStringSaysKindAndDefaultOnce() {
        assertEquals("password (secret text)", PASSWORD.toString());
        assertEquals("user (text, default \"\")", USER.toString());
        assertEquals("max-retries (an integer from 0 to 100, default 5)", RETRIES.toString());
        assertEquals("sslmode (one of disable, require)", MODE.toString());
    }
}
