package io.kv4j.bench;

import java.util.ArrayList;
import java.util.List;

/** The key shape shared by kv4j and the baselines: {@code user/0000042}, 12 ASCII bytes. */
final class Keys {

    /** How many keys one request loads, and how many one {@code write1000} operation writes. */
    static final int BLOCK = 1000;

    private static final int DIGITS = 7;

    private Keys() {
    }

    static String key(int i) {
        String n = Integer.toString(i);
        StringBuilder sb = new StringBuilder(5 + DIGITS).append("user/");
        for (int pad = DIGITS - n.length(); pad > 0; pad--) {
            sb.append('0');
        }
        return sb.append(n).toString();
    }

    static String[] first(int count) {
        String[] keys = new String[count];
        for (int i = 0; i < count; i++) {
            keys[i] = key(i);
        }
        return keys;
    }

    /** The keys split into consecutive blocks of {@code size}; the last may be shorter. */
    static List<List<String>> blocks(String[] keys, int size) {
        List<String> all = List.of(keys);
        List<List<String>> blocks = new ArrayList<>(keys.length / size + 1);
        for (int start = 0; start < keys.length; start += size) {
            blocks.add(all.subList(start, Math.min(start + size, keys.length)));
        }
        return blocks;
    }
}
