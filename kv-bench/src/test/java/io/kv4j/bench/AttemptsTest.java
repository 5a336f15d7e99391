package io.kv4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.ScalarResult;

class AttemptsTest {

    private static Map<String, ScalarResult> counted(double attempts, double requests) {
        return Map.of(AttemptCounter.ATTEMPTS, count(AttemptCounter.ATTEMPTS, attempts),
                AttemptCounter.REQUESTS, count(AttemptCounter.REQUESTS, requests));
    }

    private static ScalarResult count(String label, double n) {
        return new ScalarResult(label, n, "#", AggregationPolicy.SUM);
    }

    @Test
    void from_dividesBodyRunsByCommittedRequests() {
        assertEquals("1.01", Attempts.from(counted(10_100, 10_000)).text());
        assertEquals("1.16 (changed 0.15, deadlock 0.01)",
                new Attempts(11_600, 10_000, 1_500, 0, 100).text());
    }

    @Test
    void from_noCommittedRequest_isNotCounted() {
        assertNull(Attempts.from(counted(0, 0)));
    }

    @Test
    void from_withoutTheCounters_isNotCounted() {
        assertNull(Attempts.from(Map.of("other", count("other", 5))));
    }

    /** JMH names each counter after its field: the names read back must be the fields'. */
    @Test
    void counterNames_areTheCountersFields() throws Exception {
        assertEquals(long.class, AttemptCounter.class.getField(AttemptCounter.ATTEMPTS).getType());
        assertEquals(long.class, AttemptCounter.class.getField(AttemptCounter.REQUESTS).getType());
    }
}
