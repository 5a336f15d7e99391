package io.kv4j.tck;

import io.kv4j.KvConflictException;
import io.kv4j.KvStore;
import io.kv4j.KvTransaction;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One explicit transaction of a scripted interleaving, driven step by step from the test's
 * thread but run on a thread of its own, so that a backend that makes one transaction wait for
 * another fails the step's bound instead of hanging the kit. A {@link KvConflictException} from
 * any step ends the session: later steps do not run and {@link #commit} reports it.
 */
final class Session implements AutoCloseable {

    private final String name;
    private final Worker worker;
    private final long timeoutMs;
    private final History history;
    private KvTransaction tx;
    private KvConflictException conflict;
    private boolean finished;

    private Session(String name, long timeoutMs, History history) {
        this.name = name;
        this.worker = new Worker(name, " (" + Tck.STEP_TIMEOUT_MS
                + "): a transaction must not wait on an open one (KV-7.12)");
        this.timeoutMs = timeoutMs;
        this.history = history;
    }

    static Session begin(String name, KvStore store, String function, long timeoutMs,
            History history) {
        Session s = new Session(name, timeoutMs, history);
        s.tx = s.worker.call(() -> store.begin(function), timeoutMs);
        history.add(name + " begin");
        return s;
    }

    /**
     * Runs one step; returns its result, or null without running it once the session conflicted.
     */
    <T> T step(String what, Function<KvTransaction, T> op) {
        if (conflict != null || finished) {
            return null;
        }
        try {
            T result = worker.call(() -> op.apply(tx), timeoutMs);
            history.add(name + " " + what + (result == null ? "" : " -> " + result));
            return result;
        } catch (KvConflictException e) {
            conflict = e;
            history.add(name + " " + what + " -> conflict");
            return null;
        } catch (AssertionError e) {
            throw new AssertionError("step '" + what + "' of " + name + ": " + e.getMessage()
                    + "\nhistory: " + history, e);
        }
    }

    void act(String what, Consumer<KvTransaction> op) {
        step(what, t -> {
            op.accept(t);
            return null;
        });
    }

    Object get(String key) {
        return step("get " + key, t -> t.get(key));
    }

    /** Whether the key has an entry, or null once the session conflicted. */
    Boolean has(String key) {
        return step("has " + key, t -> t.has(key));
    }

    void set(String key, Object value) {
        act("set " + key + "=" + value, t -> t.set(key, value));
    }

    List<String> list(String prefix) {
        return step("list " + prefix, t -> t.list(prefix, null, 1000).keys());
    }

    /** Commits; true when committed, false when this session met a conflict at any step. */
    boolean commit() {
        if (conflict == null) {
            step("commit", t -> {
                t.commit();
                return null;
            });
        }
        finished = true;
        return conflict == null;
    }

    void rollback() {
        act("rollback", KvTransaction::rollback);
        finished = true;
    }

    boolean conflicted() {
        return conflict != null;
    }

    @Override
    public void close() {
        try {
            worker.call(() -> {
                tx.close();
                return null;
            }, timeoutMs);
        } finally {
            worker.close();
        }
    }
}
