package io.kv4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class SuiteOptionsTest {

    @Test
    void quick_runsOneShortForkPerBenchmark() {
        SuiteOptions o = SuiteOptions.parse("--quick");
        assertEquals(1, o.forks());
        assertEquals(1, o.warmups());
        assertEquals(2, o.iterations());
        assertEquals(1, o.seconds());
    }

    @Test
    void fullRun_runsTwoForksButOneForContention() {
        SuiteOptions o = SuiteOptions.parse();
        assertEquals(2, o.forks(Group.POSTGRES));
        assertEquals(1, o.forks(Group.CONTENTION));
        assertTrue(o.describe().startsWith("full run: 2 forks (contention: 1 fork), "), o.describe());
    }

    @Test
    void forks_givenExplicitly_applyToContentionToo() {
        assertEquals(3, SuiteOptions.parse("--forks", "3").forks(Group.CONTENTION));
    }

    @Test
    void defaultRun_includesContention() {
        assertTrue(SuiteOptions.parse().groups().contains(Group.CONTENTION));
    }

    @Test
    void explicitCounts_overrideTheMode() {
        SuiteOptions o = SuiteOptions.parse("--quick", "--iterations", "1", "--warmups", "0");
        assertEquals(1, o.iterations());
        assertEquals(0, o.warmups());
    }

    @Test
    void only_selectsGroups() {
        assertEquals(EnumSet.of(Group.MEMORY, Group.FOOTPRINT),
                SuiteOptions.parse("--only", "memory,footprint").groups());
    }

    @Test
    void only_unknownGroup_isNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SuiteOptions.parse("--only", "memroy"));
        assertTrue(e.getMessage().contains("'memroy'"), e.getMessage());
    }

    @Test
    void number_belowMinimum_isRefusedWithTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SuiteOptions.parse("--iterations", "0"));
        assertEquals("--iterations must be an integer of at least 1 but was: 0", e.getMessage());
    }

    @Test
    void option_withoutValue_isRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SuiteOptions.parse("--forks"));
        assertEquals("Option --forks needs a value", e.getMessage());
    }
}
