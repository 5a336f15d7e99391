package io.kv4j.cli;

import io.kv4j.KvException;
import io.kv4j.KvStore;
import io.kv4j.common.KvUrl;
import io.kv4j.common.Option;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How {@code kv} opens a store: a one-shot command with the options that make one request
 * cheap, and asking for the password, as psql does, when the server wants one that the URL
 * does not give and a person is at the terminal.
 */
final class OpenStore {

    /**
     * What a one-shot needs: one connection, which opens the store and then serves the pool,
     * and no cache, whose listener would take a connection of its own to serve one request.
     * Each group applies when the backend takes those options and the URL sets none of them.
     */
    private static final List<Map<String, String>> ONE_SHOT = List.of(
            Map.of("pool-size", "1", "pool-min-idle", "1"),
            Map.of("cache", "false"));

    /** The user of {@code //user@host} or {@code //user:password@host}. */
    private static final Pattern USER_INFO = Pattern.compile("//([^/?#@:]+)(:[^/?#@]*)?@");

    private OpenStore() {
    }

    /** Opens the store of a one-shot command, which does one thing and closes it. */
    static KvStore oneShot(String url, Io io) {
        return open(url, oneShotOptions(url), io);
    }

    /** Opens the store of the shell, which lives as long as it. */
    static KvStore shell(String url, Io io) {
        return open(url, Map.of(), io);
    }

    /** The one-shot options for this URL's backend that the URL does not set already. */
    static Map<String, String> oneShotOptions(String url) {
        Map<String, String> out = new LinkedHashMap<>();
        try {
            Map<String, String> given = KvUrl.queryOptions(url);
            List<Option<?>> table = KvStore.options(url);
            for (Map<String, String> group : ONE_SHOT) {
                if (group.keySet().stream().noneMatch(given::containsKey)
                        && group.entrySet().stream().allMatch(o -> takes(table, o))) {
                    out.putAll(group);
                }
            }
        } catch (IllegalArgumentException e) {
            // a bad URL is reported by the opening itself
        }
        return out;
    }

    private static boolean takes(List<Option<?>> table, Map.Entry<String, String> option) {
        for (Option<?> d : table) {
            if (d.name().equals(option.getKey())) {
                try {
                    d.parse(option.getValue());
                    return true;
                } catch (IllegalArgumentException e) {
                    return false;
                }
            }
        }
        return false;
    }

    private static KvStore open(String url, Map<String, String> options, Io io) {
        try {
            return KvStore.open(url, options);
        } catch (KvException e) {
            String user = user(url);
            if (user == null || !io.terminal() || givesPassword(url)
                    || !Errors.message(e).contains("no password")) {
                throw e;
            }
            char[] typed = io.password().apply("Password for user " + user + ": ");
            if (typed == null || typed.length == 0) {
                throw e;
            }
            Map<String, String> with = new LinkedHashMap<>(options);
            with.put("password", new String(typed));
            Arrays.fill(typed, '\0');
            return KvStore.open(url, with);
        }
    }

    /** The user a URL names, in its query or before its host; null when it names none. */
    static String user(String url) {
        String user = KvUrl.queryOptions(url).get("user");
        if (user != null && !user.isEmpty()) {
            return user;
        }
        Matcher m = USER_INFO.matcher(KvUrl.withoutQuery(url));
        return m.find() ? m.group(1) : null;
    }

    private static boolean givesPassword(String url) {
        Map<String, String> query = KvUrl.queryOptions(url);
        Matcher m = USER_INFO.matcher(KvUrl.withoutQuery(url));
        return query.containsKey("password") || query.containsKey("password-file")
                || (m.find() && m.group(2) != null);
    }
}
