package io.kv4j.postgres;

import io.kv4j.spi.Commit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Commits sent as one transaction ({@link CommitStatements#send}): a single commit of any kind,
 * or several blind ones ({@link #isBlind}), which read and check nothing and so cannot conflict
 * with anything. Each member gets a version of its own, ascending in member order, and its own
 * id; a key several members write is written once, with their writes composed in member order
 * and the last one's version, which is the state their commits one after the other would leave.
 *
 * <p>Only writes that compose exactly share a key: mutations with mutations
 * ({@link io.kv4j.spi.Mutation#then}), values and deletions with values and deletions (the later
 * one wins). A mutation after a value or a deletion, or a value after a mutation, waits for a
 * later transaction: folded together, a mutation refused alone could pass unnoticed. A group
 * holds at most {@value #MAX_MEMBERS} commits, {@value #MAX_BYTES} bytes of keys and values, and
 * {@value CommitLocks#MAX_KEY_LOCKS} keys, past which its locks would take whole namespaces;
 * a single commit that is larger is sent alone.
 */
final class CommitGroup {

    /** The most commits in one transaction. */
    static final int MAX_MEMBERS = 64;
    /** The most bytes of keys and values in one transaction, unless it is one commit. */
    static final int MAX_BYTES = 1 << 20;

    private final List<Commit> members = new ArrayList<>();
    private final List<UUID> ids = new ArrayList<>();
    private final List<Slot> writes = new ArrayList<>();
    /** Where each key's write is in {@link #writes}. */
    private final Map<Key, Integer> keys = new HashMap<>();
    private long bytes;

    /** A key's write in the transaction, and the member (from 1) whose version it gets. */
    record Slot(Commit.Write write, int member) {
    }

    private record Key(String namespace, String key) {
    }

    private CommitGroup() {
    }

    /**
     * The group of one commit, whatever it holds, sent under {@code id}: null for a commit
     * without writes, which records no id.
     */
    static CommitGroup of(Commit commit, UUID id) {
        CommitGroup group = new CommitGroup();
        group.add(commit, id);
        return group;
    }

    /** Whether a commit only writes: no reads, checks, listings or range deletions. */
    static boolean isBlind(Commit commit) {
        return !commit.writes().isEmpty() && commit.reads().isEmpty() && commit.ranges().isEmpty()
                && commit.checks().isEmpty() && commit.rangeDeletes().isEmpty();
    }

    /** An empty group, for blind commits. */
    static CommitGroup blind() {
        return new CommitGroup();
    }

    /**
     * Adds a blind commit if it fits; the first always does.
     *
     * @return false when it must go in a later transaction
     */
    boolean tryAdd(Commit commit) {
        if (!members.isEmpty() && !fits(commit)) {
            return false;
        }
        add(commit, commit.id());
        return true;
    }

    private boolean fits(Commit commit) {
        if (members.size() >= MAX_MEMBERS || bytes + bytes(commit) > MAX_BYTES) {
            return false;
        }
        int keys = writes.size();
        for (Commit.Write w : commit.writes()) {
            Integer at = this.keys.get(new Key(w.namespace(), w.key()));
            if (at == null) {
                keys++;
            } else if ((writes.get(at).write().kind() == Commit.Write.Kind.MUTATE)
                    != (w.kind() == Commit.Write.Kind.MUTATE)) {
                return false;
            }
        }
        return keys <= CommitLocks.MAX_KEY_LOCKS;
    }

    private void add(Commit commit, UUID id) {
        members.add(commit);
        ids.add(id);
        bytes += bytes(commit);
        int member = members.size();
        for (Commit.Write w : commit.writes()) {
            Integer at = member == 1 ? null : keys.get(new Key(w.namespace(), w.key()));
            if (at == null) {
                // the first commit's writes go as they are, so that a refusal's position in
                // them stays right
                keys.put(new Key(w.namespace(), w.key()), writes.size());
                writes.add(new Slot(w, member));
            } else {
                Commit.Write old = writes.get(at).write();
                writes.set(at, new Slot(w.kind() != Commit.Write.Kind.MUTATE ? w
                        : Commit.Write.mutate(w.namespace(), w.key(),
                                old.mutation().then(w.mutation())), member));
            }
        }
    }

    private static long bytes(Commit commit) {
        long n = 0;
        for (Commit.Write w : commit.writes()) {
            n += w.namespace().length() + w.key().length()
                    + (w.value() == null ? 0 : w.value().length);
        }
        return n;
    }

    /** How many commits it carries. */
    int size() {
        return members.size();
    }

    /** The commits, in the order of their versions. */
    List<Commit> members() {
        return members;
    }

    /** The first commit: the only one of a group that reads, checks or deletes ranges. */
    Commit first() {
        return members.get(0);
    }

    /** The members' ids for this attempt, in member order. */
    List<UUID> ids() {
        return ids;
    }

    /**
     * Gives every member a new id: the old ones were fenced off by a lookup that found the
     * transaction had not landed.
     */
    void renewIds() {
        ids.replaceAll(id -> UUID.randomUUID());
    }

    /** The writes, one per key, in the order the members first wrote the keys. */
    List<Slot> writes() {
        return writes;
    }

    /** What the transaction locks: the first commit's reads and listings, and every write. */
    Commit locked() {
        if (members.size() == 1) {
            return first();
        }
        List<Commit.Write> all = new ArrayList<>(writes.size());
        for (Slot s : writes) {
            all.add(s.write());
        }
        return Commit.of(ids.get(0), List.of(), List.of(), all);
    }
}
