package io.kv4j.postgres;

import io.kv4j.spi.BackendException;
import io.kv4j.spi.Commit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * Sends blind commits ({@link CommitGroup#isBlind}) together: while {@value #LANES} transactions
 * of them are in flight, the commits that become ready wait, and the next transaction carries as
 * many of them as fit in a {@link CommitGroup}. A commit that finds a lane free goes at once:
 * nothing waits for company, so a lone commit costs what it did alone.
 *
 * <p>The thread whose commit heads the queue sends the transaction for everyone in it, passes
 * its lane to the thread that heads the queue then, and hands each member its own outcome, so no
 * thread works for others longer than one round trip and no extra thread is needed. A
 * transaction in flight holds one connection; the waiting threads hold none.
 *
 * <p>Two lanes, not one: on a hot key the second transaction is already waiting for the key's
 * lock in the server when the first commits, so the key never waits for a client thread to wake
 * up and send the next one (on a loaded machine that wake-up took longer than the commit).
 */
final class CommitQueue {

    private final Function<CommitGroup, List<CommitOutcome>> send;
    private final ArrayDeque<Waiter> waiting = new ArrayDeque<>();
    /** How many transactions may be in flight at once. */
    static final int LANES = 2;

    /** How many transactions are in flight. Guarded by this. */
    private int sending;
    /** How many transactions carried more than one commit. */
    private final LongAdder together = new LongAdder();

    /**
     * @param send sends a group as one transaction and returns each member's outcome, in
     *     member order
     */
    CommitQueue(Function<CommitGroup, List<CommitOutcome>> send) {
        this.send = send;
    }

    /** A commit waiting for its outcome, or for its turn to send. */
    private static final class Waiter {
        final Commit commit;
        final Thread thread = Thread.currentThread();
        volatile boolean leads;
        volatile boolean done;
        CommitOutcome outcome;
        RuntimeException failure;

        Waiter(Commit commit) {
            this.commit = commit;
        }

        void finish(CommitOutcome outcome, RuntimeException failure) {
            this.outcome = outcome;
            this.failure = failure;
            done = true;
            LockSupport.unpark(thread);
        }
    }

    /**
     * Commits a blind commit with whatever others are ready, and returns its own outcome.
     *
     * @throws BackendException as {@link Committer} throws it for the transaction that carried
     *     the commit
     */
    CommitOutcome commit(Commit commit) {
        Waiter me = new Waiter(commit);
        synchronized (this) {
            if (sending < LANES) {
                sending++;
                me.leads = true;
            } else {
                waiting.add(me);
            }
        }
        boolean interrupted = false;
        while (!me.leads && !me.done) {
            LockSupport.park(this);
            interrupted |= Thread.interrupted();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (!me.done) {
            lead(me);
        }
        if (me.failure != null) {
            throw me.failure;
        }
        return me.outcome;
    }

    /** Sends the caller's commit and those at the head of the queue that fit with it. */
    private void lead(Waiter me) {
        List<Waiter> taken = new ArrayList<>(List.of(me));
        CommitGroup group = CommitGroup.blind();
        group.tryAdd(me.commit);
        synchronized (this) {
            while (!waiting.isEmpty() && group.tryAdd(waiting.peek().commit)) {
                taken.add(waiting.poll());
            }
        }
        if (taken.size() > 1) {
            together.increment();
        }
        List<CommitOutcome> outcomes = null;
        RuntimeException failure = null;
        try {
            outcomes = send.apply(group);
        } catch (RuntimeException e) {
            failure = e;
        } catch (Error e) {
            failure = new IllegalStateException("The commit failed: " + e, e);
            throw e;
        } finally {
            synchronized (this) {
                Waiter next = waiting.poll();
                if (next == null) {
                    sending--;
                } else {
                    next.leads = true;
                    LockSupport.unpark(next.thread);
                }
            }
            for (int i = 0; i < taken.size(); i++) {
                taken.get(i).finish(outcomes == null ? null : outcomes.get(i),
                        failure == null ? null : i == 0 ? failure : copy(failure));
            }
        }
    }

    /** How many transactions carried more than one commit so far. */
    long together() {
        return together.sum();
    }

    /** How many commits wait for a lane; -1 while one is free. */
    synchronized int waiting() {
        return sending == LANES ? waiting.size() : -1;
    }

    /**
     * The failure of a transaction as one of its other commits reports it: the same kind and
     * message, with the first one's failure as its cause, so that no two threads throw one
     * exception.
     */
    private static RuntimeException copy(RuntimeException e) {
        if (!(e instanceof BackendException b)) {
            return new IllegalStateException(e.getMessage(), e);
        }
        return switch (b.kind()) {
            case UNAVAILABLE -> BackendException.unavailable(b.getMessage(), b);
            case OUTCOME_UNKNOWN -> BackendException.outcomeUnknown(b.getMessage(), b);
            case CONFIGURATION -> BackendException.configuration(b.getMessage(), b.sqlState(), b);
            case STORAGE -> BackendException.storage(b.getMessage(), b.sqlState(), b);
            // refusals come back as outcomes, never thrown for a whole transaction
            default -> b;
        };
    }
}
