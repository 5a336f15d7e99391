package io.kv4j.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    private static final String URL = "kv:postgresql://db.example:6543/orders";

    @Test
    void parse_noOptions_takesDefaults() {
        PgSettings s = PgSettings.parse(URL, Map.of());
        assertEquals(java.util.List.of("db.example", 6543, "orders", "kv4j", 10, true),
                java.util.List.of(s.host(), s.port(), s.database(), s.schema(),
                        s.get(PgOption.POOL_SIZE), s.get(PgOption.CACHE)));
    }

    @Test
    void parse_noPort_uses5432() {
        assertEquals(5432, PgSettings.parse("kv:postgresql://h/db", Map.of()).port());
    }

    @Test
    void parse_ipv6Host_isUnbracketed() {
        PgSettings s = PgSettings.parse("kv:postgresql://[::1]:5433/db", Map.of());
        assertEquals("::1:5433", s.host() + ":" + s.port());
    }

    @Test
    void parse_noDatabase_isRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PgSettings.parse("kv:postgresql://h:1/", Map.of()));
        assertTrue(e.getMessage().contains("names no database"), e.getMessage());
    }

    @Test
    void parse_badPort_namesIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PgSettings.parse("kv:postgresql://h:99999/db", Map.of()));
        assertTrue(e.getMessage().contains("'99999'"), e.getMessage());
    }

    @Test
    void parse_passwordInUrl_isRefusedWithoutShowingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PgSettings.parse("kv:postgresql://u:hunter2@h/db", Map.of()));
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }

    @Test
    void parse_unknownOption_isRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PgSettings.parse(URL, Map.of("pool-sise", "3")));
        assertTrue(e.getMessage().contains("'pool-sise'"), e.getMessage());
    }

    @Test
    void passwordWithAnUnencodedAmpersand_neverShowsAnyPartOfIt() {
        for (String url : new String[] {URL + "?password=Open&Sesame", URL + "?password=Open&Se=same",
                URL + "?user=kv&password=Open&Sesame=1&schema=x"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> io.kv4j.KvStore.open(url));
            assertFalse(e.getMessage().contains("Open") || e.getMessage().contains("Se"),
                    e.getMessage());
            assertTrue(e.getMessage().contains("%26"), e.getMessage());
        }
    }

    @Test
    void unknownOptionOfTheMap_isNamedEvenWhenTheUrlHoldsAPassword() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> io.kv4j.KvStore.open(URL + "?schema=x&password=Open",
                        Map.of("pool-sise", "3")));
        assertTrue(e.getMessage().contains("'pool-sise'"), e.getMessage());
        assertFalse(e.getMessage().contains("Open"), e.getMessage());
    }

    @Test
    void malformedUrls_sayWhatIsWrong() {
        assertTrue(message("kv:postgresql:/localhost/db").contains("(two slashes after"));
        assertTrue(message("kv:postgresql://localhost").contains("names no database"));
        assertTrue(message("kv:postgresql://h1:5432;h2:5432/db").contains("several hosts are"
                + " separated by ','"));
        assertTrue(message("kv:postgresql://h1,/db").contains("names no host after"));
        assertTrue(message("kv:postgresql://h1:99999/db").contains("The port of host 'h1' must be"
                + " an integer from 1 to 65535 but was: '99999'"));
    }

    @Test
    void portsAreAsciiDigits_andTheDatabaseNameIsStrictlyDecoded() {
        // Integer.parseInt takes '+' and digits of any script: U+0665 is an Arabic-Indic five
        for (String port : List.of("+5432", "\u0665\u0664\u0663\u0662", " 5432")) {
            assertTrue(message("kv:postgresql://h1:" + port + "/db").contains("The port of host "
                    + "'h1' must be an integer from 1 to 65535"), port);
        }
        for (String database : List.of("db%FF", "db%zz", "db%C3")) {
            assertTrue(message("kv:postgresql://h/" + database).contains("Bad percent-encoding "
                    + "in the database name"), database);
        }
        assertEquals("d b\u00e9", PgSettings.parse("kv:postgresql://h/d%20b%C3%A9", Map.of())
                .database());
    }

    private static String message(String url) {
        return assertThrows(IllegalArgumentException.class,
                () -> PgSettings.parse(url, Map.of())).getMessage();
    }

    @Test
    void severalHosts_areKeptInOrderWithTheirPorts() {
        PgSettings s = PgSettings.parse("kv:postgresql://a:5433,[::1],c/db", Map.of());
        assertEquals(java.util.List.of("a", "::1", "c"), s.hosts());
        assertEquals(java.util.List.of(5433, 5432, 5432), s.ports());
        assertEquals("a:5433,[::1]:5432,c:5432", s.servers());
    }

    @Test
    void parse_driverProperty_isPassedThrough() {
        PgSettings s = PgSettings.parse(URL, Map.of("sslmode", "disable"));
        assertEquals(Map.of("sslmode", "disable"), s.driverProperties());
    }

    @Test
    void parse_driverPropertyThatOurOptionsSet_isRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PgSettings.parse(URL, Map.of("connectTimeout", "3")));
        assertTrue(e.getMessage().contains("'connectTimeout'"), e.getMessage());
    }

    @Test
    void parse_badInteger_namesOptionAndRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PgSettings.parse(URL, Map.of("pool-size", "0")));
        assertEquals("pool-size must be an integer from 1 to 1000 but was: 0", e.getMessage());
    }

    @Test
    void parse_badSchema_isRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PgSettings.parse(URL, Map.of("schema", "x; DROP TABLE y")));
        assertTrue(e.getMessage().startsWith("schema must be a lower-case SQL identifier"),
                e.getMessage());
    }

    @Test
    void toString_masksPasswords() {
        PgSettings s = PgSettings.parse(URL, Map.of("password", "hunter2",
                "sslpassword", "swordfish", "user", "kv"));
        String shown = s.toString();
        assertFalse(shown.contains("hunter2") || shown.contains("swordfish"), shown);
    }

    private static String passwordFrom(String file) {
        return PgSettings.parse(URL, Map.of("password-file", file)).password();
    }

    @Test
    void passwordFile_thatIsNoRegularFile_isRefusedAtOnce_namingTheOptionAndPath(@TempDir Path dir) {
        for (String file : List.of("/dev/zero", dir.toString())) {
            long start = System.nanoTime();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> passwordFrom(file), file);
            assertTrue(System.nanoTime() - start < 1_000_000_000L, file);
            assertEquals("password-file '" + file + "' is not a regular file", e.getMessage());
        }
    }

    @Test
    void passwordFile_largerThanItsCap_isRefusedWithoutShowingIt(@TempDir Path dir)
            throws Exception {
        Path big = dir.resolve("big");
        Files.write(big, "s3cret-line\n".repeat(10_000).getBytes(StandardCharsets.UTF_8));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> passwordFrom(big.toString()));
        assertEquals("password-file '" + big + "' is larger than 65536 bytes; it holds the "
                + "password on its first line", e.getMessage());
    }

    @Test
    void passwordFile_givesItsFirstLine_andRefusesWhatNoPasswordHolds(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("password");
        Files.writeString(file, "p\u00e4ss word\r\nsecond\n", StandardCharsets.UTF_8);
        assertEquals("p\u00e4ss word", passwordFrom(file.toString()));
        Map<String, byte[]> bad = Map.of("is empty", new byte[0],
                "has an empty first line", "\nsecond".getBytes(StandardCharsets.UTF_8),
                "is not UTF-8 text", new byte[] {'s', (byte) 0xff, '\n'},
                "holds a NUL character", new byte[] {'s', 0, 't'});
        for (Map.Entry<String, byte[]> b : bad.entrySet()) {
            Files.write(file, b.getValue());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> passwordFrom(file.toString()), b.getKey());
            assertEquals("password-file '" + file + "' " + b.getKey(), e.getMessage());
        }
    }
}
