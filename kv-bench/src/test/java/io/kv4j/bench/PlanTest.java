package io.kv4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

class PlanTest {

    private static final List<Comparison> ALL = Plan.of(EnumSet.allOf(Group.class));

    @Test
    void everyComparison_pairsKv4jWithABaselineDoingTheSameOperation() {
        for (Comparison c : ALL) {
            assertEquals(c.kv4j().method().equals("hotCounter") && c.operation().contains("get")
                    ? Adapters.KV4J_GET_SET : Adapters.KV4J, c.kv4j().impl(), c.toString());
            assertTrue(c.baseline().impl().startsWith("jdbc") || c.baseline().impl().equals(
                    Adapters.MAP), c.toString());
            assertEquals(c.kv4j().benchmark(), c.baseline().benchmark(), c.toString());
            assertEquals(c.kv4j().method(), c.baseline().method(), c.toString());
            assertEquals(c.kv4j().threads(), c.baseline().threads(), c.toString());
            assertEquals(c.kv4j().params(), c.baseline().params(), c.toString());
        }
    }

    @Test
    void everyTrial_namesABenchmarkJmhGenerated() {
        Set<String> generated = new TreeSet<>();
        for (BenchmarkListEntry e : BenchmarkList.defaultList().getAll(
                OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT), List.of())) {
            generated.add(e.getUsername());
        }
        for (Comparison c : ALL) {
            for (Trial t : List.of(c.kv4j(), c.baseline())) {
                String name = t.benchmark().getName() + "." + t.method();
                assertTrue(generated.contains(name), name + " is not among " + generated);
            }
        }
    }

    @Test
    void threadCounts_areThoseTheDesignAsksFor() {
        Set<String> seen = new TreeSet<>();
        for (Comparison c : ALL) {
            seen.add(c.group().id() + " " + c.kv4j().method() + " " + c.threads());
        }
        assertEquals(new TreeSet<>(List.of(
                "contention readModifyWrite 1", "contention readModifyWrite 8",
                "contention readModifyWrite 64",
                "bulk readMany 1", "bulk readMany 8",
                "counters hotCounter 64", "counters hotCounter 8", "counters blindSet 8",
                "growth readModifyWrite 1",
                "memory read 1", "memory read 2",
                "memory readModifyWrite 1", "memory readModifyWrite 2",
                "postgres hotRead 1", "postgres hotRead 8",
                "postgres readModifyWrite 1", "postgres readModifyWrite 8",
                "postgres write1000 1",
                "sqlite read 1", "sqlite read 4",
                "sqlite readModifyWrite 1", "sqlite readModifyWrite 4")), seen);
    }

    @Test
    void readModifyWrite_runsOnEveryTableSizeAtBothSettings() {
        Set<String> seen = new TreeSet<>();
        for (Comparison c : ALL) {
            if (c.kv4j().method().equals("readModifyWrite") && c.baseline().impl().equals(Adapters.JDBC)
                    && c.group() != Group.GROWTH && c.group() != Group.SQLITE) {
                seen.add(c.kv4j().params().get("setting") + " keys=" + c.kv4j().params().get("keys")
                        + " threads=" + c.threads());
            }
        }
        Set<String> expected = new TreeSet<>();
        for (String setting : Servers.SETTINGS) {
            for (String keysAndThreads : List.of("keys=10000 threads=1", "keys=10000 threads=8",
                    "keys=1000 threads=1", "keys=1000 threads=8", "keys=20 threads=1", "keys=20 threads=8",
                    "keys=1 threads=8", "keys=1 threads=64")) {
                expected.add(setting + " " + keysAndThreads);
            }
        }
        assertEquals(expected, seen);
    }

    @Test
    void growth_keepsTheMillionKeyRows() {
        Set<String> seen = new TreeSet<>();
        for (Comparison c : Plan.of(EnumSet.of(Group.GROWTH))) {
            seen.add(c.kv4j().benchmark().getSimpleName() + " keys=" + c.kv4j().params().get("keys"));
        }
        assertEquals(new TreeSet<>(List.of("MemoryBenchmark keys=10000", "MemoryBenchmark keys=1000000",
                "PostgresBenchmark keys=10000", "PostgresBenchmark keys=1000000")), seen);
    }

    @Test
    void contention_showsOnlyItsOwnRows() {
        List<Comparison> contention = Plan.of(EnumSet.of(Group.CONTENTION));
        assertTrue(contention.stream().allMatch(c -> c.group() == Group.CONTENTION));
        assertTrue(Plan.needs(contention, Servers.FSYNC_ON));
        assertTrue(Plan.needs(contention, Servers.FSYNC_OFF));
        assertTrue(Plan.of(EnumSet.of(Group.POSTGRES)).stream()
                .noneMatch(c -> c.group() == Group.CONTENTION));
    }

    @Test
    void readModifyWriteAgainstTheJdbcTransaction_targets130AloneAndOneUnderThreads() {
        int checked = 0;
        for (Comparison c : ALL) {
            if (c.kv4j().benchmark() == PostgresBenchmark.class
                    && c.kv4j().method().equals("readModifyWrite")
                    && c.baseline().impl().equals(Adapters.JDBC)) {
                assertEquals(c.threads() == 1 ? Target.AT_LEAST_1_30 : Target.AT_LEAST_ONE, c.target(),
                        c.toString());
                checked++;
            }
        }
        assertTrue(checked > 0, "no read-modify-write against the JDBC transaction");
    }

    @Test
    void theCeiling_hasNoTarget() {
        for (Comparison c : ALL) {
            if (c.baseline().impl().equals(Adapters.JDBC_AUTOCOMMIT)
                    && c.kv4j().method().equals("readModifyWrite")
                    || c.kv4j().method().equals("write1000")
                    && c.baseline().impl().equals(Adapters.JDBC_AUTOCOMMIT)) {
                assertEquals(Target.NONE, c.target(), c.toString());
            }
        }
    }

    @Test
    void postgres_runsAtBothDurabilitySettings() {
        List<Comparison> postgres = Plan.of(EnumSet.of(Group.POSTGRES));
        assertTrue(Plan.needs(postgres, Servers.FSYNC_ON));
        assertTrue(Plan.needs(postgres, Servers.FSYNC_OFF));
        assertTrue(Plan.of(EnumSet.of(Group.MEMORY)).stream().noneMatch(c -> c.group() != Group.MEMORY));
    }

    @Test
    void counterAndBulkRows_carryTheDesignsTargets() {
        Set<String> seen = new TreeSet<>();
        for (Comparison c : Plan.of(EnumSet.of(Group.COUNTERS, Group.BULK))) {
            assertEquals(Servers.FSYNC_OFF, c.kv4j().params().get("setting"), c.toString());
            seen.add(c.kv4j().method() + " " + c.kv4j().impl() + " vs " + c.baseline().impl()
                    + " " + c.threads() + ": " + c.target().text());
        }
        assertEquals(new TreeSet<>(List.of(
                "blindSet kv4j vs jdbc-autocommit 8: ",
                "hotCounter kv4j vs jdbc-autocommit 8: >= 1.50",
                "hotCounter kv4j vs jdbc-autocommit 64: >= 1.50",
                "hotCounter kv4j-get-set vs jdbc-autocommit 8: ",
                "hotCounter kv4j-get-set vs jdbc-autocommit 64: ",
                "readMany kv4j vs jdbc 1: >= 3.00", "readMany kv4j vs jdbc 8: >= 3.00",
                "readMany kv4j vs jdbc-autocommit 1: >= 0.80",
                "readMany kv4j vs jdbc-autocommit 8: >= 0.80")), seen);
    }
}
