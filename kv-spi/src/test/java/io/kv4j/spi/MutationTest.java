package io.kv4j.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MutationTest {

    @Test
    void wholeNumber_readsWholeNumbersInAnySpelling() {
        assertWhole("7", "7");
        assertWhole("-2", "-2");
        assertWhole("1000", "1e3");
        assertWhole("100", "1E+2");
        assertWhole("1", "100e-2");
        assertWhole("2", "2.0");
        assertWhole("-1234", "-12.3400e2");
        assertWhole("42", " 42\n");
        assertWhole("1" + "0".repeat(997), "0.0001e1001");
    }

    @Test
    void wholeNumber_refusesFractionsAndOtherValues() {
        for (String json : List.of("10.5", "1e-5", "0.5", "-0.0001", "\"5\"", "{}", "[1]",
                "null", "true", "", " ", "1." + "0".repeat(20_000) + "1")) {
            assertNull(whole(json), json);
        }
    }

    @Test
    void wholeNumber_takesAtMostMaxDigits() {
        String nines = "9".repeat(Mutation.MAX_DIGITS);
        assertWhole(nines, nines);
        assertWhole("-" + nines, "-" + nines);
        assertWhole(nines, nines + ".000");
        assertWhole("1" + "0".repeat(999), "1e999");
        assertNull(whole("1" + "0".repeat(Mutation.MAX_DIGITS)));
        assertNull(whole("1e1000"));
        assertNull(whole("10e999"));
        // precision - scale would wrap around in an int
        assertNull(whole("1e2147483647"));
        assertNull(whole("10e2147483647"));
        assertNull(whole("1e2147483648"));
    }

    /** Zero has no digits before the point, however many zeros or whatever exponent it shows. */
    @Test
    void wholeNumber_readsZeroInAnySpelling() {
        for (String json : List.of("0", "-0", "-0.0", "0.000", "0e999", "0e1000", "0.0e1000",
                "0E+1001", "-0e2147483647", "0e-2147483647", "0e-2147483648", "0e2147483648",
                "0.00e99999999999", "-0.0e-99999999999", "0." + "0".repeat(2_000),
                "-0." + "0".repeat(2_000) + "e5000")) {
            assertEquals(BigInteger.ZERO, whole(json), json);
        }
    }

    /** Sums, minima and maxima in a row, composed with then, give what applying each gives. */
    @Test
    void then_appliesAsTheOperationsOneByOne() {
        Random random = new Random(21);
        for (int round = 0; round < 20_000; round++) {
            int length = 1 + random.nextInt(5);
            List<Mutation> steps = new ArrayList<>();
            for (int i = 0; i < length; i++) {
                BigInteger n = operand(random);
                steps.add(switch (random.nextInt(3)) {
                    case 0 -> Mutation.sum(n);
                    case 1 -> Mutation.min(n);
                    default -> Mutation.max(n);
                });
            }
            Mutation composed = steps.get(0);
            for (Mutation next : steps.subList(1, length)) {
                composed = composed.then(next);
            }
            BigInteger start = random.nextInt(4) == 0 ? null : operand(random);
            BigInteger oneByOne = start;
            for (Mutation step : steps) {
                oneByOne = step.apply(oneByOne);
            }
            assertEquals(oneByOne, composed.apply(start), steps + " from " + start);
        }
    }

    @Test
    void operands_takeAtMostMaxDigits() {
        BigInteger largest = BigInteger.TEN.pow(Mutation.MAX_DIGITS).subtract(BigInteger.ONE);
        assertEquals(largest.negate(), Mutation.min(largest.negate()).apply(null));
        assertThrows(IllegalArgumentException.class,
                () -> Mutation.sum(largest.add(BigInteger.ONE)));
    }

    /** Small numbers, so that bounds often cross, and now and then a large one. */
    private static BigInteger operand(Random random) {
        if (random.nextInt(10) == 0) {
            return new BigInteger(200, random).subtract(BigInteger.TWO.pow(199));
        }
        return BigInteger.valueOf(random.nextInt(21) - 10);
    }

    private static void assertWhole(String expected, String json) {
        assertEquals(new BigInteger(expected), whole(json), json);
    }

    private static BigInteger whole(String json) {
        return Mutation.wholeNumber(json.getBytes(StandardCharsets.UTF_8));
    }
}
