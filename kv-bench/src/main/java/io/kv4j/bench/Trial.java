package io.kv4j.bench;

import java.util.Map;
import java.util.TreeMap;

/**
 * One JMH run: a benchmark method with one implementation, thread count and parameters. Equal
 * trials are run once and their score shared by every comparison that needs it.
 */
record Trial(Class<?> benchmark, String method, String impl, int threads, Map<String, String> params) {

    Trial {
        params = new TreeMap<>(params);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(benchmark.getSimpleName()).append('.').append(method)
                .append(" impl=").append(impl).append(" threads=").append(threads);
        params.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
        return sb.toString();
    }
}
