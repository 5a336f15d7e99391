package io.kv4j.tck;

import java.util.ArrayList;
import java.util.List;

/**
 * What a test's transactions did, in order, for failure messages. Keeps the last entries only,
 * so that a long workload cannot flood a report.
 */
final class History {

    private static final int KEEP = 200;

    private final List<String> lines = new ArrayList<>();
    private long dropped;

    synchronized void add(String line) {
        if (lines.size() == KEEP) {
            lines.remove(0);
            dropped++;
        }
        lines.add(line);
    }

    @Override
    public synchronized String toString() {
        StringBuilder out = new StringBuilder();
        if (dropped > 0) {
            out.append("(").append(dropped).append(" earlier steps not shown)");
        }
        for (String l : lines) {
            out.append(out.length() == 0 ? "" : "; ").append(l);
        }
        return out.toString();
    }
}
