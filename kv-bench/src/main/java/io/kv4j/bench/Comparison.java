package io.kv4j.bench;

/**
 * One row of the table: kv4j and one baseline doing the same operation with the same threads and
 * setting, measured in the same run.
 */
record Comparison(Group group, String operation, String setting, int threads, Trial kv4j,
        Trial baseline, String baselineLabel, Target target) {
}
