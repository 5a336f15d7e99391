package io.kv4j.tck.broken;

import io.kv4j.KvStore;
import io.kv4j.tck.TckFixture;
import java.util.UUID;

/**
 * A fixture on memory storage that declares itself durable ({@code kv:broken-durable:}), for the
 * kit's own test of KV-9: the storage lives as long as the fixture holds a store on it, so a
 * "restart" keeps the data. It offers every hook: restart, an unreachable URL and a URL that
 * loses commit outcomes.
 */
public class DurableFixture implements TckFixture {

    private final String name = "tck-durable-" + UUID.randomUUID();
    private KvStore holder;

    /** Creates the fixture; the kit calls this. */
    public DurableFixture() {
    }

    String url() {
        return "kv:broken-durable:" + name;
    }

    @Override
    public String start(String configuredUrl) {
        holder = KvStore.open(url());
        return url();
    }

    @Override
    public void stop() {
        holder.close();
    }

    @Override
    public boolean durable() {
        return true;
    }

    @Override
    public boolean canRestart() {
        return true;
    }

    @Override
    public void restart(boolean immediate) {
        // the holder keeps the storage alive, as a database keeps its files
    }

    @Override
    public String unreachableUrl() {
        return "kv:broken-down://nowhere:1/db";
    }

    @Override
    public String commitCuttingUrl() {
        return "kv:broken-cut:" + name;
    }

    /** The same fixture, but a restart loses every commit: KV-9.2 must fail. */
    public static final class Amnesiac extends DurableFixture {

        /** Creates the fixture; the kit calls this. */
        public Amnesiac() {
        }

        @Override
        String url() {
            return "kv:broken-amnesia:tck";
        }

        @Override
        public void restart(boolean immediate) {
            BrokenBackends.Amnesia.GENERATION.incrementAndGet();
        }
    }

    /**
     * The same fixture on plain memory storage, which declares itself non-durable: the fixture
     * and the store disagree, so KV-9.1 must fail and the other durability tests are skipped.
     */
    public static final class OnMemory extends DurableFixture {

        /** Creates the fixture; the kit calls this. */
        public OnMemory() {
        }

        @Override
        String url() {
            return "kv:memory:" + super.url().substring("kv:broken-durable:".length());
        }
    }
}
