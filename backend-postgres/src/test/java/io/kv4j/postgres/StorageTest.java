package io.kv4j.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kv4j.KvStore;
import io.kv4j.spi.KeyOrder;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What is stored comes back as written, in the right order, whatever the characters. */
class StorageTest {

    private static final String SCHEMA = TestServer.freshSchema("storage");
    private static KvStore store;

    @BeforeAll
    static void open() {
        store = Backends.store(SCHEMA);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void valuesJsonbWouldChange_comeBackExactly() {
        List<Object> values = List.of("nul \u0000 inside", 1.0e20, -0.0, 1.5e-7,
                new BigInteger("1" + "0".repeat(400)), Map.of("deep", List.of(Map.of("x", -0.0))));
        store.run("Values", kv -> {
            for (int i = 0; i < values.size(); i++) {
                kv.set("v" + i, values.get(i));
            }
            return null;
        });
        List<Object> back = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            back.add(store.reader("Values").get("v" + i));
        }
        assertEquals(values, back);
    }

    @Test
    void numberBeyondNumeric_isStoredAsWritten() {
        byte[] json = "[1E+1000000,-0]".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (PostgresBackend b = Backends.backend(SCHEMA, "cache", "false")) {
            b.commit(io.kv4j.spi.Commit.of(List.of(), List.of(),
                    List.of(io.kv4j.spi.Commit.Write.put("Raw", "n", json))));
            org.junit.jupiter.api.Assertions.assertArrayEquals(json, b.read("Raw", "n").value());
        }
    }

    /**
     * The measurement behind {@link PostgresProvider#MAX_VALUE_BYTES}, made on the server so that
     * nothing large crosses the wire: jsonb holds an array of 2^24 zeros, one byte over 32 MiB of
     * JSON, in 201,326,598 bytes, and refuses one zero more. An array of zeros has the most
     * elements for its size, so 32 MiB of JSON of any shape fits; the kit stores one (KV-2.12).
     */
    @Test
    void jsonbHolds2To24ArrayElements_soAValueOf32MiBFitsWhateverItsShape() throws SQLException {
        String zeros = "SELECT octet_length(t), pg_column_size(t::jsonb)"
                + " FROM (SELECT '[' || repeat('0,', ? - 1) || '0]' AS t) x";
        try (Connection c = TestServer.get().admin();
                PreparedStatement st = c.prepareStatement(zeros)) {
            st.setInt(1, 1 << 24);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                assertEquals(PostgresProvider.MAX_VALUE_BYTES + 1L, rs.getLong(1), "JSON bytes");
                assertEquals(201_326_598L, rs.getLong(2), "jsonb bytes");
            }
            st.setInt(1, (1 << 24) + 1);
            SQLException e = assertThrows(SQLException.class, st::executeQuery);
            assertTrue(e.getMessage().contains("invalid memory alloc request size"),
                    e.getMessage());
        }
    }

    @Test
    void values_areQueryableAsJsonb() throws SQLException {
        store.run("Orders", kv -> {
            kv.set("o1", Map.of("total", 30, "status", "open"));
            kv.set("o2", Map.of("total", 5, "status", "open"));
            kv.set("o3", Map.of("total", 50, "status", "closed"));
            return null;
        });
        assertEquals(List.of("o1"), query("SELECT key FROM " + SCHEMA + ".entries"
                + " WHERE namespace = 'Orders' AND value->>'status' = 'open'"
                + " AND (value->>'total')::int > 10"));
    }

    @Test
    void listing_followsUtf8ByteOrder() {
        List<String> keys = new ArrayList<>(List.of("a", "B", "\u00e9", "\uFFFD", "\uD83D\uDE00",
                "\uE000", "a\u0001", "a/b", "ab", "\uD800\uDC00", "z"));
        store.run("Order", kv -> {
            for (String k : keys) {
                kv.set(k, 1);
            }
            return null;
        });
        keys.sort(KeyOrder.COMPARATOR);
        assertEquals(keys, store.reader("Order").list("", null, 100).keys());
    }

    @Test
    void keysThatLookLikeSql_arePlainKeys() throws SQLException {
        List<String> keys = List.of("'; DROP TABLE " + SCHEMA + ".entries; --",
                "\" OR 1=1 --", "$fn$", "x\\'y", "%", "_");
        store.run("Injection", kv -> {
            for (String k : keys) {
                kv.set(k, k);
            }
            return null;
        });
        for (String k : keys) {
            assertEquals(k, store.reader("Injection").get(k));
        }
        assertEquals(List.of(String.valueOf(keys.size())), query("SELECT count(*) FROM " + SCHEMA
                + ".entries WHERE namespace = 'Injection'"));
    }

    @Test
    void likeWildcardsInPrefixes_arePlainCharacters() {
        store.run("Wild", kv -> {
            for (String k : List.of("a%b", "a%c", "axb", "a_b", "aab", "a\\b", "a\\\\b", "ab")) {
                kv.set(k, 0);
            }
            return null;
        });
        Map<String, List<String>> expected = Map.of("a%", List.of("a%b", "a%c"),
                "a_", List.of("a_b"), "a\\", List.of("a\\\\b", "a\\b"));
        for (Map.Entry<String, List<String>> e : expected.entrySet()) {
            List<String> want = new ArrayList<>(e.getValue());
            want.sort(KeyOrder.COMPARATOR);
            assertEquals(want, store.reader("Wild").list(e.getKey()).keys(), e.getKey());
        }
    }

    @Test
    void longestKeyWithLongFunctionName_isStored() {
        // 2,048 UTF-8 bytes of characters that do not compress
        StringBuilder key = new StringBuilder();
        java.util.Random random = new java.util.Random(7);
        while (key.length() < 682) {
            key.append((char) (0x4E00 + random.nextInt(0x5000)));
        }
        key.append("xx");
        String function = "F".repeat(256);
        store.run(function, kv -> {
            kv.set(key.toString(), "long");
            return null;
        });
        assertEquals("long", store.reader(function).get(key.toString()));
    }

    @Test
    void pagedListing_seesEveryKeyOnce() {
        store.run("Pages", kv -> {
            for (int i = 0; i < 25; i++) {
                kv.set(String.format("p/%03d", i), i);
            }
            kv.set("q", 0);
            return null;
        });
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var page = store.reader("Pages").list("p/", cursor, 10);
            seen.addAll(page.keys());
            cursor = page.cursor();
        } while (cursor != null);
        assertEquals(25, seen.size());
        assertTrue(seen.get(24).equals("p/024"), seen.toString());
    }

    private static List<String> query(String sql) throws SQLException {
        try (Connection c = TestServer.get().admin(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return Arrays.asList(out.toArray(new String[0]));
        }
    }
}
