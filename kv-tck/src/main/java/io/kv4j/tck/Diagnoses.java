package io.kv4j.tck;

import io.kv4j.KvStore;
import io.kv4j.common.Capability;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Probes, run once before the tests, for the commonest mistakes of a new backend, so that a run
 * names the cause and its fix in one line before the many failures that follow from it: stores
 * opened on one URL that do not share storage although the backend does not declare
 * {@code PRIVATE_TO_STORE}, and keys or function names ordered by {@link String#compareTo}
 * (UTF-16 code units) instead of UTF-8 bytes. A probe that fails or hangs says nothing: the tests
 * report what is wrong.
 */
final class Diagnoses {

    /** U+E000 and U+1F600: in UTF-8 the first sorts first, in UTF-16 the second. */
    private static final String LOW = "\uE000";
    private static final String HIGH = "\uD83D\uDE00";
    private static final String FIX_ORDER = "compare keys, names and cursors with "
            + "io.kv4j.spi.KeyOrder.COMPARATOR (in SQL, COLLATE \"C\" on UTF-8 text, or bytea)";

    private Diagnoses() {
    }

    /**
     * Runs the probes through the run's store and one more store on its URL, writing only to
     * functions of the run, which the run deletes at its end.
     *
     * @return one line per mistake found, each with its fix; empty when none was found
     */
    static List<String> of(Target target, KvStore store) {
        List<String> out = new ArrayList<>();
        try (Worker worker = new Worker("probing for common mistakes")) {
            worker.call(() -> {
                storage(target, store, out);
                keyOrder(target, store, out);
                functionOrder(target, store, out);
                return null;
            }, target.settings().stepTimeoutMs());
        } catch (RuntimeException | Error e) {
            // a backend too broken to probe: its tests say what is wrong
        }
        return List.copyOf(out);
    }

    private static void storage(Target target, KvStore store, List<String> out) {
        if (store.info().capabilities().contains(Capability.PRIVATE_TO_STORE)) {
            return;
        }
        String f = target.function("probe-storage");
        Checks.commit(store, f, kv -> kv.set("seen", true));
        boolean seen;
        try (KvStore other = target.open(Map.of())) {
            seen = other.reader(f).has("seen");
        }
        if (!seen) {
            out.add("each store opened on " + target.shown() + " has storage of its own (a commit "
                    + "through one store is not seen through a second one), yet the backend does "
                    + "not declare " + Capability.PRIVATE_TO_STORE + ": let every store opened on "
                    + "one URL share the storage, or declare Capability."
                    + Capability.PRIVATE_TO_STORE + " in capabilities(); the failures that look "
                    + "like isolation bugs follow from it");
        }
    }

    private static void keyOrder(Target target, KvStore store, List<String> out) {
        String f = target.function("probe-order");
        Checks.commit(store, f, kv -> {
            for (String k : List.of(LOW, HIGH, "p" + LOW, "p" + HIGH)) {
                kv.set(k, 1);
            }
        });
        boolean whole = inStringOrder(store.reader(f).list("", null, 10).keys());
        boolean prefix = inStringOrder(store.reader(f).list("p", null, 10).keys());
        if (whole || prefix) {
            out.add((whole ? "keys" : "keys under a prefix") + " are listed in String.compareTo "
                    + "order (UTF-16 code units), not in UTF-8 byte order (KV-10.3): U+1F600 came "
                    + "before U+E000; " + FIX_ORDER);
        }
    }

    private static void functionOrder(Target target, KvStore store, List<String> out) {
        String prefix = target.functionPrefix() + "probe-order-";
        for (String name : List.of(LOW, HIGH)) {
            Checks.commit(store, prefix + name, kv -> kv.set("k", 1));
        }
        List<String> names = new ArrayList<>();
        for (String f : store.functions()) {
            if (f.startsWith(prefix)) {
                names.add(f);
            }
        }
        if (inStringOrder(names)) {
            out.add("function names are listed in String.compareTo order (UTF-16 code units), not "
                    + "in UTF-8 byte order (KV-4.4): U+1F600 came before U+E000; " + FIX_ORDER);
        }
    }

    /** Whether the texts are in String order where it differs from UTF-8 order. */
    private static boolean inStringOrder(List<String> texts) {
        List<String> utf16 = sorted(texts, Comparator.naturalOrder());
        return texts.size() > 1 && texts.equals(utf16)
                && !texts.equals(sorted(texts, Checks.UTF8_ORDER));
    }

    private static List<String> sorted(List<String> texts, Comparator<String> order) {
        List<String> out = new ArrayList<>(texts);
        out.sort(order);
        return out;
    }
}
