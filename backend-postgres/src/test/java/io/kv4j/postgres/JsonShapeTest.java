package io.kv4j.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonShapeTest {

    private static short shape(String json) {
        return JsonShape.of(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void plainValue_isJsonbOnly() {
        assertEquals(JsonShape.JSONB, shape("{\"a\":[1,2.5,\"x\\n\",true,null],\"b\":-3}"));
    }

    @Test
    void escapedNul_isExactOnly() {
        assertEquals(JsonShape.EXACT, shape("[\"a\\u0000b\"]"));
    }

    @Test
    void escapedBackslashBeforeU0000Text_isJsonbOnly() {
        assertEquals(JsonShape.JSONB, shape("\"a\\\\u0000\""));
    }

    @Test
    void exponent_keepsExactText() {
        assertEquals(JsonShape.JSONB_AND_EXACT, shape("{\"x\":1.0E20}"));
    }

    @Test
    void negativeZero_keepsExactText() {
        assertEquals(JsonShape.JSONB_AND_EXACT, shape("[-0.0]"));
    }

    @Test
    void digitsInStrings_areNotNumbers() {
        assertEquals(JsonShape.JSONB, shape("[\"1E5\",\"-0.0\"]"));
    }

    @Test
    void hugeExponent_isExactOnly() {
        assertEquals(JsonShape.EXACT, shape("[1E+1000000]"));
    }

    @Test
    void hugeNumber_isExactOnly() {
        assertEquals(JsonShape.EXACT, shape("1" + "0".repeat(20_000)));
    }
}
