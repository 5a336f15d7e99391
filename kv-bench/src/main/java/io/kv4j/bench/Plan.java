package io.kv4j.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Which comparisons the suite runs, in the order the table shows them. */
final class Plan {

    static final int KEYS = 10_000;
    static final int MANY_KEYS = 1_000_000;
    static final List<Integer> MEMORY_THREADS = List.of(1, 2);
    static final List<Integer> POSTGRES_THREADS = List.of(1, 8);
    static final List<Integer> SQLITE_THREADS = List.of(1, 4);
    /**
     * The smaller tables of the contention group: 8 threads over 1,000 keys collide now and then,
     * over 20 keys all the time.
     */
    static final List<Integer> FEW_KEYS = List.of(1_000, 20);
    /** Threads on the hot key: as many as connections in the pool, and many more waiting for them. */
    static final List<Integer> HOT_KEY_THREADS = List.of(8, 64);
    /** Growth is measured without fsync, so that index depth, not the disk, decides the difference. */
    static final String GROWTH_SETTING = Servers.FSYNC_OFF;

    private static final String JDBC_TRANSACTION = "BEGIN; SELECT FOR UPDATE; upsert; COMMIT";
    private static final String ADD_ONE = "upsert SET value = value + 1, autocommit";

    private Plan() {
    }

    /**
     * The target of a PostgreSQL read-modify-write against the JDBC transaction, whatever the
     * number of keys. Alone, kv4j reads from its cache and commits in one round trip where the
     * transaction needs three (SELECT, upsert, COMMIT), so it should be clearly faster. From 8
     * threads on, requests collide, the more so the fewer the keys, and kv4j's optimistic retries
     * must at least keep up with the row locks: on small tables and on one hot key too, where it
     * used to fall behind.
     */
    static Target readModifyWriteTarget(int threads) {
        return threads == 1 ? Target.AT_LEAST_1_30 : Target.AT_LEAST_ONE;
    }

    static List<Comparison> of(Set<Group> groups) {
        List<Comparison> plan = new ArrayList<>();
        if (groups.contains(Group.MEMORY)) {
            for (int threads : MEMORY_THREADS) {
                plan.add(memory("get + set request", "readModifyWrite", threads, KEYS,
                        "map get, Jackson read, Jackson write, map put"));
                plan.add(memory("read-only request", "read", threads, KEYS, "map get, Jackson read"));
            }
        }
        if (groups.contains(Group.POSTGRES)) {
            for (String setting : Servers.SETTINGS) {
                for (int threads : POSTGRES_THREADS) {
                    plan.add(postgres("read-modify-write request", "readModifyWrite", setting, threads,
                            KEYS, Adapters.JDBC, JDBC_TRANSACTION, readModifyWriteTarget(threads)));
                    plan.add(postgres("read-modify-write request", "readModifyWrite", setting, threads,
                            KEYS, Adapters.JDBC_AUTOCOMMIT, "ceiling: one upsert statement",
                            Target.NONE));
                }
                plan.add(postgres("request writing 1,000 keys", "write1000", setting, 1, KEYS,
                        Adapters.JDBC, "JDBC batch in one transaction", Target.AT_LEAST_ONE));
                plan.add(postgres("request writing 1,000 keys", "write1000", setting, 1, KEYS,
                        Adapters.JDBC_AUTOCOMMIT, "1,000 autocommit upserts", Target.NONE));
                for (int threads : POSTGRES_THREADS) {
                    plan.add(postgres("hot read (read-only request)", "hotRead", setting, threads, KEYS,
                            Adapters.JDBC, "JDBC SELECT", Target.ABOVE_ONE));
                }
            }
        }
        if (groups.contains(Group.SQLITE)) {
            for (int threads : SQLITE_THREADS) {
                plan.add(sqlite("read-modify-write request", "readModifyWrite", threads,
                        "BEGIN IMMEDIATE; SELECT; upsert; COMMIT",
                        threads == 1 ? Target.AT_LEAST_ONE : Target.AT_LEAST_0_90));
            }
            for (int threads : SQLITE_THREADS) {
                plan.add(sqlite("read-only request", "read", threads, "JDBC SELECT",
                        Target.AT_LEAST_0_80));
            }
        }
        if (groups.contains(Group.CONTENTION)) {
            for (String setting : Servers.SETTINGS) {
                for (int keys : FEW_KEYS) {
                    for (int threads : POSTGRES_THREADS) {
                        plan.add(in(Group.CONTENTION, postgres("read-modify-write request",
                                "readModifyWrite", setting, threads, keys, Adapters.JDBC,
                                JDBC_TRANSACTION, readModifyWriteTarget(threads))));
                    }
                }
                // one key: the JDBC transaction queues on the row's lock, kv4j's requests conflict
                for (int threads : HOT_KEY_THREADS) {
                    plan.add(in(Group.CONTENTION, postgres("read-modify-write, one hot key",
                            "readModifyWrite", setting, threads, 1, Adapters.JDBC, JDBC_TRANSACTION,
                            readModifyWriteTarget(threads))));
                }
            }
        }
        if (groups.contains(Group.COUNTERS)) {
            // sum reads nothing, so requests on one key never conflict: they queue on its row, as
            // the upsert does, and commit in one round trip each
            for (int threads : HOT_KEY_THREADS) {
                plan.add(postgres(Group.COUNTERS, "hot counter by sum", "hotCounter",
                        Servers.FSYNC_OFF, threads, KEYS, Adapters.KV4J, Adapters.JDBC_AUTOCOMMIT,
                        ADD_ONE, Target.AT_LEAST_1_50));
                plan.add(postgres(Group.COUNTERS, "hot counter by get + set", "hotCounter",
                        Servers.FSYNC_OFF, threads, KEYS, Adapters.KV4J_GET_SET,
                        Adapters.JDBC_AUTOCOMMIT, ADD_ONE, Target.NONE));
            }
            // a request that only writes, like a sum, travels with those that are ready with it
            plan.add(postgres(Group.COUNTERS, "blind set of a random key", "blindSet",
                    Servers.FSYNC_OFF, 8, FEW_KEYS.get(0), Adapters.KV4J,
                    Adapters.JDBC_AUTOCOMMIT, "one autocommit upsert", Target.NONE));
        }
        if (groups.contains(Group.BULK)) {
            for (int threads : POSTGRES_THREADS) {
                plan.add(postgres(Group.BULK, "getMany of 100 keys", "readMany", Servers.FSYNC_OFF,
                        threads, KEYS, Adapters.KV4J, Adapters.JDBC,
                        "100 SELECTs in one read-only transaction", Target.AT_LEAST_3));
                plan.add(postgres(Group.BULK, "getMany of 100 keys", "readMany", Servers.FSYNC_OFF,
                        threads, KEYS, Adapters.KV4J, Adapters.JDBC_AUTOCOMMIT,
                        "one SELECT ... WHERE key = ANY(?)", Target.AT_LEAST_0_80));
            }
        }
        if (groups.contains(Group.GROWTH)) {
            for (int keys : List.of(KEYS, MANY_KEYS)) {
                plan.add(in(Group.GROWTH, memory("get + set request", "readModifyWrite", 1, keys,
                        "map get, Jackson read, Jackson write, map put")));
            }
            for (int keys : List.of(KEYS, MANY_KEYS)) {
                plan.add(in(Group.GROWTH, postgres("read-modify-write request", "readModifyWrite",
                        GROWTH_SETTING, 1, keys, Adapters.JDBC, JDBC_TRANSACTION, readModifyWriteTarget(1))));
            }
        }
        return plan;
    }

    private static Comparison memory(String operation, String method, int threads, int keys,
            String baselineLabel) {
        Map<String, String> params = Map.of("keys", Integer.toString(keys));
        return new Comparison(Group.MEMORY, "memory " + operation, "keys=" + keys, threads,
                new Trial(MemoryBenchmark.class, method, Adapters.KV4J, threads, params),
                new Trial(MemoryBenchmark.class, method, Adapters.MAP, threads, params),
                baselineLabel, Target.AT_LEAST_HALF);
    }

    private static Comparison sqlite(String operation, String method, int threads,
            String baselineLabel, Target target) {
        Map<String, String> params = Map.of("keys", Integer.toString(KEYS));
        return new Comparison(Group.SQLITE, "sqlite " + operation, "keys=" + KEYS, threads,
                new Trial(SqliteBenchmark.class, method, Adapters.KV4J, threads, params),
                new Trial(SqliteBenchmark.class, method, Adapters.JDBC, threads, params),
                baselineLabel, target);
    }

    private static Comparison postgres(String operation, String method, String setting, int threads,
            int keys, String baseline, String baselineLabel, Target target) {
        return postgres(Group.POSTGRES, operation, method, setting, threads, keys, Adapters.KV4J,
                baseline, baselineLabel, target);
    }

    private static Comparison postgres(Group group, String operation, String method,
            String setting, int threads, int keys, String kv4j, String baseline,
            String baselineLabel, Target target) {
        Map<String, String> params = Map.of("keys", Integer.toString(keys), "setting", setting);
        return new Comparison(group, "postgres " + operation,
                Servers.label(setting) + " keys=" + keys, threads,
                new Trial(PostgresBenchmark.class, method, kv4j, threads, params),
                new Trial(PostgresBenchmark.class, method, baseline, threads, params),
                baselineLabel, target);
    }

    /** The same comparison, shown in another group's section. */
    private static Comparison in(Group group, Comparison c) {
        return new Comparison(group, c.operation(), c.setting(), c.threads(), c.kv4j(),
                c.baseline(), c.baselineLabel(), c.target());
    }

    /** Whether any comparison needs the server of a setting. */
    static boolean needs(List<Comparison> plan, String setting) {
        for (Comparison c : plan) {
            if (setting.equals(c.kv4j().params().get("setting"))) {
                return true;
            }
        }
        return false;
    }
}
