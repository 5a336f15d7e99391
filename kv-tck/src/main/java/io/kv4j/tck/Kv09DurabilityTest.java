package io.kv4j.tck;

import static io.kv4j.tck.Checks.assertNames;
import static io.kv4j.tck.Checks.commit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.kv4j.KvOutcomeUnknownException;
import io.kv4j.KvStore;
import io.kv4j.KvUnavailableException;
import io.kv4j.common.Capability;
import io.kv4j.common.KvUrl;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * KV-9 Durability. A store declares whether it is durable ({@code KvStore.info().isDurable()},
 * taken from the backend through the SPI); every test but those of KV-9.1, KV-9.6 (check()) and
 * KV-9.7 (capability claims) runs only on a store that declares itself durable, and the hooks
 * that restart the server or cut a commit come from the target's {@link TckFixture}.
 */
@Chapter(9)
final class Kv09DurabilityTest {

    /** The reason the SPEC gives for skipping the durability tests. */
    static final String NON_DURABLE = "backend declares itself non-durable (KV-9.1)";

    @Clause("KV-9.1")
    void kv9_1_theStoreDeclaresWhetherItIsDurableAsTheFixtureExpects(Env env) {
        boolean declared = env.store().info().isDurable();
        assertEquals(declared, env.open().info().isDurable(),
                "two stores on the same URL declare the same durability");
        TckFixture fixture = env.fixture();
        if (fixture != null) {
            assertEquals(fixture.durable(), declared, "the fixture "
                    + fixture.getClass().getName() + " says durable() is " + fixture.durable()
                    + " but the store declares isDurable() " + declared);
        }
    }

    @Clause("KV-9.1")
    void kv9_1_theMemoryBackendDeclaresItselfNotDurable(Env env) {
        Probes.requireMemory();
        try (KvStore memory = KvStore.open(KvStore.DEFAULT_URL)) {
            assertFalse(memory.info().isDurable(), KvStore.DEFAULT_URL + " declares itself durable");
        }
    }

    @Clause("KV-9.2")
    void kv9_2_aCommitSurvivesTheApplicationBeingKilled(Env env) throws Exception {
        requireDurable(env);
        String f = env.fn("killed");
        Process child = ChildJvm.start(env, Map.of(), List.of(), "commit-and-hang", env.url(), f,
                String.valueOf(env.settings().workloadTimeoutMs()));
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            StringBuilder seen = new StringBuilder();
            String line;
            int lines = 0;
            while ((line = out.readLine()) != null && !line.equals(ChildMain.COMMITTED)) {
                if (++lines > 1000) {
                    fail("the child printed 1,000 lines without committing: " + seen);
                }
                seen.append(line).append('\n');
            }
            assertEquals(ChildMain.COMMITTED, line, "the child never committed: " + seen);
            child.destroyForcibly();
            assertTrue(child.waitFor(env.settings().stepTimeoutMs(), TimeUnit.MILLISECONDS),
                    "the child was killed");
        } finally {
            child.destroyForcibly();
        }
        try (KvStore store = env.open()) {
            assertEquals(true, store.reader(f).get("committed"), "the killed child's commit");
            assertFalse(store.reader(f).has("uncommitted"), "the killed child's open transaction");
        }
    }

    @Clause("KV-9.2")
    void kv9_2_aCommitSurvivesARestartOfTheServer(Env env) throws Exception {
        requireDurable(env);
        TckFixture fixture = fixture(env, TckFixture.Hook.RESTART);
        Skip.untestedUnless(fixture.canRestart(), env.without(TckFixture.Hook.RESTART));
        for (boolean immediate : new boolean[] {false, true}) {
            String f = env.fn(immediate ? "immediate" : "clean");
            try (KvStore store = env.open()) {
                commit(store, f, kv -> kv.set("k", "kept"));
            }
            fixture.restart(immediate);
            try (KvStore store = env.open()) {
                assertEquals("kept", store.reader(f).get("k"), "a commit after "
                        + (immediate ? "an immediate" : "a clean") + " restart of the server");
            }
        }
    }

    @Clause("KV-9.3")
    void kv9_3_aCommitWithALostOutcomeIsReportedAndAppliedWhollyOrNotAtAll(Env env) {
        requireDurable(env);
        // a backend that looks lost commits up can only be made to not know by losing the storage
        boolean resolves = resolves(env);
        TckFixture.Hook hook = resolves ? TckFixture.Hook.COMMIT_CUTTING_UNREACHABLE_URL
                : TckFixture.Hook.COMMIT_CUTTING_URL;
        String url = resolves ? fixture(env, hook).commitCuttingUnreachableUrl()
                : fixture(env, hook).commitCuttingUrl();
        Skip.untestedUnless(url != null, env.without(hook));
        String f = env.fn("outcome-unknown");
        try (KvStore cut = KvStore.open(url)) {
            assertThrows(KvOutcomeUnknownException.class, () -> commit(cut, f, kv -> {
                kv.set("a", 1);
                kv.set("b", 1);
            }), "a commit whose connection was cut");
        }
        try (KvStore store = env.open()) {
            assertEquals(store.reader(f).has("a"), store.reader(f).has("b"),
                    "the commit was applied wholly or not at all");
        }
    }

    @Clause("KV-9.5")
    void kv9_5_aBackendThatResolvesLostCommitsResolvesACutOne(Env env) {
        requireDurable(env);
        Skip.doesNotApplyUnless(resolves(env), "the backend does not declare "
                + Capability.RESOLVES_LOST_COMMITS);
        String url = fixture(env, TckFixture.Hook.COMMIT_CUTTING_URL).commitCuttingUrl();
        Skip.untestedUnless(url != null, env.without(TckFixture.Hook.COMMIT_CUTTING_URL));
        String f = env.fn("outcome-resolved");
        try (KvStore cut = KvStore.open(url)) {
            commit(cut, f, kv -> {
                kv.set("a", 1);
                kv.set("b", 2);
                kv.set("count", 1);
            });
            commit(cut, f, kv -> kv.set("count", kv.get("count", Integer.class) + 1));
        }
        try (KvStore store = env.open()) {
            assertEquals(Arrays.asList(1L, 2L, 2L), Arrays.asList(store.reader(f).get("a"),
                    store.reader(f).get("b"), store.reader(f).get("count")),
                    "each commit whose answer was cut, applied once");
        }
    }

    private static boolean resolves(Env env) {
        return env.store().info().capabilities().contains(Capability.RESOLVES_LOST_COMMITS);
    }

    @Clause("KV-9.4")
    void kv9_4_unreachableStorageIsReportedAsUnavailable(Env env) {
        requireDurable(env);
        String url = fixture(env, TckFixture.Hook.UNREACHABLE_URL).unreachableUrl();
        Skip.untestedUnless(url != null, env.without(TckFixture.Hook.UNREACHABLE_URL));
        KvUnavailableException e = env.elsewhere("opening an unreachable URL", () -> {
            try (KvStore store = KvStore.open(url)) {
                return assertThrows(KvUnavailableException.class,
                        () -> store.reader(env.fn("down")).get("k"), "a read on unreachable storage");
            } catch (KvUnavailableException thrown) {
                return thrown;
            }
        });
        assertNames(e, KvUrl.redact(KvUrl.withoutQuery(url)), "the URL, secrets removed");
    }

    /** Skips a test on a store that declares itself non-durable, with the SPEC's reason. */
    static void requireDurable(Env env) {
        if (!env.store().info().isDurable()) {
            Assumptions.abort(NON_DURABLE);
        }
    }

    /** The fixture, or a skip saying which hook is missing and what would offer it. */
    private static TckFixture fixture(Env env, TckFixture.Hook hook) {
        TckFixture fixture = env.fixture();
        Skip.untestedUnless(fixture != null, env.without(hook));
        return fixture;
    }

    @Clause("KV-9.6")
    void kv9_6_checkAnswersWithPlainValuesInAStableOrderAndChangesNothing(Env env) {
        KvStore store = env.store();
        List<String> before = store.functions();
        Map<String, Object> first = store.check();
        Map<String, Object> second = store.check();
        assertEquals(List.copyOf(first.keySet()), List.copyOf(second.keySet()),
                "the names of check()'s details, asked twice, in the same order");
        first.forEach((name, value) -> assertTrue(value instanceof String
                || value instanceof Number || value instanceof Boolean,
                "check()'s detail " + name + " is a plain value, not a "
                        + (value == null ? "null" : value.getClass().getName())));
        assertThrows(UnsupportedOperationException.class, () -> first.put("tck", 1),
                "check()'s details can be changed by the caller");
        List<String> added = new java.util.ArrayList<>(store.functions());
        added.removeAll(before);
        assertEquals(List.of(), added, "functions that check() created: a health check "
                + "changes no data");
    }

    @Clause("KV-9.6")
    void kv9_6_aClosedStoreRefusesCheck(Env env) {
        KvStore own = env.openOwn();
        own.close();
        assertThrows(IllegalStateException.class, own::check, "check() of a closed store");
    }

    @Clause("KV-9.7")
    void kv9_7_storesShareDataExactlyWhenPrivateToStoreIsNotDeclared(Env env) {
        KvStore a = env.openOwn();
        KvStore b = env.openOwn();
        boolean declared = a.info().capabilities().contains(Capability.PRIVATE_TO_STORE);
        String f = env.fn("claim");
        commit(a, f, kv -> kv.set("k", "through a"));
        boolean seen = b.reader(f).has("k");
        assertEquals(!declared, seen, declared
                ? "the backend declares PRIVATE_TO_STORE, yet a commit through one store is seen "
                        + "through another store opened on the same URL"
                : "the backend does not declare PRIVATE_TO_STORE, yet a commit through one store "
                        + "is not seen through another store opened on the same URL");
    }
}
