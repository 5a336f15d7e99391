package io.kv4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RatioTableTest {

    @Test
    void ratio_isKv4jOverBaseline() {
        assertEquals(0.25, RatioTable.ratio(Outcome.measured(100, 1), Outcome.measured(400, 1)));
    }

    @Test
    void ratio_ofAFailedTrial_isUnknown() {
        assertTrue(Double.isNaN(RatioTable.ratio(Outcome.failed("x"), Outcome.measured(400, 1))));
    }

    @Test
    void verdict_aboveOne_isMissedAtExactlyOne() {
        assertEquals("> 1.00 MISSED", RatioTable.verdict(Target.ABOVE_ONE, 1.0));
        assertEquals(">= 1.00 met", RatioTable.verdict(Target.AT_LEAST_ONE, 1.0));
        assertEquals(">= 0.50 MISSED", RatioTable.verdict(Target.AT_LEAST_HALF, 0.49));
        assertEquals("", RatioTable.verdict(Target.NONE, 0.1));
    }

    @Test
    void verdict_atLeast130_isMetAtExactly130AndMissedJustBelow() {
        assertEquals(">= 1.30 met", RatioTable.verdict(Target.AT_LEAST_1_30, 130.0 / 100.0));
        assertEquals(">= 1.30 MISSED", RatioTable.verdict(Target.AT_LEAST_1_30, 1.29));
    }

    @Test
    void print_showsBothThroughputsAndTheRatioOnOneRow() {
        List<Comparison> plan = Plan.of(EnumSet.of(Group.MEMORY)).subList(0, 1);
        Map<Trial, Outcome> outcomes = new HashMap<>();
        outcomes.put(plan.get(0).kv4j(), Outcome.measured(300_000, 1));
        outcomes.put(plan.get(0).baseline(), Outcome.measured(400_000, 1));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RatioTable.print(plan, outcomes, null, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String row = bytes.toString(StandardCharsets.UTF_8).lines()
                .filter(l -> l.startsWith("memory get + set")).findFirst().orElseThrow();
        assertTrue(row.matches(".*keys=10000 +1 +300,000 +map get.* 400,000 +0\\.75 +>= 0\\.50 met"), row);
    }

    @Test
    void print_showsKv4jsAttemptsPerRequestBesideItsThroughput() {
        List<Comparison> plan = Plan.of(EnumSet.of(Group.CONTENTION)).subList(0, 1);
        Map<Trial, Outcome> outcomes = new HashMap<>();
        outcomes.put(plan.get(0).kv4j(), Outcome.measured(1_000, 1, new Attempts(10_100, 10_000)));
        outcomes.put(plan.get(0).baseline(), Outcome.measured(800, 1));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RatioTable.print(plan, outcomes, null, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String row = bytes.toString(StandardCharsets.UTF_8).lines()
                .filter(l -> l.startsWith("postgres read-modify-write")).findFirst().orElseThrow();
        assertTrue(row.matches(".*fsync=on keys=1000 +1 +1,000 +1\\.01 +BEGIN; SELECT FOR UPDATE.* 800"
                + " +1\\.25 +>= 1\\.30 MISSED"), row);
    }

    @Test
    void attempts_whereNotCountedOrFailed_areBlank() {
        assertEquals("", RatioTable.attempts(Outcome.measured(400, 1)));
        assertEquals("", RatioTable.attempts(Outcome.failed("x")));
        assertEquals("", RatioTable.attempts(null));
    }
}
