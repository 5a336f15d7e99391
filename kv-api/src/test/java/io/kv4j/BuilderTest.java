package io.kv4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** KvStore.builder: object-valued settings, Jackson mapping, the observer, and admin calls. */
class BuilderTest {

    record Order(String id, Instant placed, Optional<String> note) {
    }

    @Test
    void defaultMapper_storesJavaTimeAndOptionalInRecords() {
        Order order = new Order("o-1", Instant.parse("2026-11-29T12:00:00Z"), Optional.of("fast"));
        try (KvStore store = KvStore.open("kv:checked:")) {
            store.run("shop", kv -> {
                kv.set("order", order);
                return null;
            });
            assertEquals(order, store.reader("shop").get("order", Order.class));
            assertEquals(Map.of("id", "o-1", "placed", "2026-11-29T12:00:00Z", "note", "fast"),
                    store.reader("shop").get("order"), "as plain JSON");
        }
    }

    @Test
    void genericTypes_areReadThroughKvType() {
        try (KvStore store = KvStore.open("kv:checked:")) {
            store.run("shop", kv -> {
                kv.set("orders", List.of(new Order("a", Instant.EPOCH, Optional.empty())));
                return null;
            });
            List<Order> orders = store.reader("shop").get("orders", new KvType<List<Order>>() { });
            assertEquals(Order.class, orders.get(0).getClass());
            assertEquals("a", orders.get(0).id());
        }
    }

    @Test
    void applicationMapper_decidesTheJson_andKv4jStillRefusesWhatJsonCannotHold() {
        JsonMapper snake = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
        record Line(String itemName, int count) {
        }
        try (KvStore store = KvStore.builder("kv:checked:").objectMapper(snake).open()) {
            store.run("shop", kv -> {
                kv.set("line", new Line("tea", 2));
                return null;
            });
            assertEquals(Map.of("item_name", "tea", "count", 2L), store.reader("shop").get("line"));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> store.run("shop", kv -> {
                        kv.set("nan", Double.NaN);
                        return null;
                    }));
            assertTrue(e.getMessage().contains("non-finite"), e.getMessage());
        }
    }

    @Test
    void objectOptions_areCheckedAgainstTheBackendsTable() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> KvStore.builder("kv:checked:").object("data-source", new Object()).open());
        assertTrue(unknown.getMessage().contains("'data-source'"), unknown.getMessage());
        IllegalArgumentException text = assertThrows(IllegalArgumentException.class,
                () -> KvStore.builder("kv:checked:").object("commit-delay-us", new Object())
                        .open());
        assertTrue(text.getMessage().contains("commit-delay-us must be an integer"),
                text.getMessage());
    }

    @Test
    void secretOptionValues_neverAppearInMessages() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KvStore.open("kv:stub:?api-key=hunter2&greeting=hi&colour=blue"));
        assertTrue(e.getMessage().contains("'colour'"), e.getMessage());
        assertTrue(!e.getMessage().contains("hunter2"), e.getMessage());
        try (KvStore store = KvStore.open("kv:stub:?api-key=hunter2&greeting=hi")) {
            assertEquals("kv:stub:?api-key=<masked>&greeting=hi", store.url());
        }
    }

    @Test
    void anUnencodedAmpersandInASecret_leaksNoPartOfIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KvStore.open("kv:stub:?api-key=hun&ter2"));
        assertTrue(!e.getMessage().contains("ter2"), e.getMessage());
    }

    @Test
    void theObserver_hearsEveryRequestAndCommit_withAttemptsAndOutcomes() {
        List<String> heard = new ArrayList<>();
        KvObserver observer = new KvObserver() {
            @Override
            public void commitEnded(String function, Outcome outcome,
                    io.kv4j.common.ConflictReason reason, int writes, long nanos) {
                heard.add("commit " + function + " " + outcome + " " + reason + " " + writes);
            }

            @Override
            public void requestEnded(String function, Outcome outcome, int attempts,
                    long nanos) {
                heard.add("request " + function + " " + outcome + " " + attempts);
            }
        };
        try (KvStore store = KvStore.builder("kv:checked:").observer(observer).open()) {
            store.run("f", kv -> {
                kv.set("x", 0);
                return null;
            });
            boolean[] first = {true};
            store.run("f", kv -> {
                int x = kv.get("x", Integer.class);
                if (first[0]) {
                    first[0] = false;
                    Thread other = new Thread(() -> store.run("g", g -> {
                        g.call("f", f -> {
                            f.set("x", 100);
                            return null;
                        });
                        return null;
                    }));
                    other.start();
                    other.join();
                }
                kv.set("x", x + 1);
                return null;
            });
            assertThrows(IllegalStateException.class, () -> store.run("f", kv -> {
                throw new IllegalStateException("boom");
            }));
        }
        assertEquals(List.of("commit f COMMITTED null 1", "request f COMMITTED 1",
                "commit g COMMITTED null 1", "request g COMMITTED 1",
                "commit f CONFLICT CHANGED 1", "commit f COMMITTED null 1",
                "request f COMMITTED 2", "request f FAILED 1"), heard);
    }

    @Test
    void functionsAreListed_andDeleteAllEmptiesOne() {
        try (KvStore store = KvStore.open("kv:checked:")) {
            for (String f : List.of("b", "a", "c")) {
                store.run(f, kv -> {
                    kv.set("k1", 1);
                    kv.set("k2", 2);
                    return null;
                });
            }
            assertEquals(List.of("a", "b", "c"), store.functions());
            assertEquals(2, store.deleteAll("b"));
            assertEquals(List.of("a", "c"), store.functions());
            assertEquals(0, store.deleteAll("b"));
        }
    }

    @Test
    void infoNamesTheBackend() {
        try (KvStore store = KvStore.open("kv:checked:")) {
            KvStoreInfo info = store.info();
            assertEquals(List.of("checked", CheckedMapProvider.class.getName(), 3),
                    List.of(info.scheme(), info.provider(), info.spiVersion()));
        }
    }

    @Test
    void aTypedOptionIsCheckedAsItsTextIs() {
        try (KvStore store = KvStore.builder("kv:checked:").option(KvOption.MAX_RETRIES, 0)
                .option(KvOption.RETRY_TIMEOUT_MS, 0).open()) {
            assertEquals(Integer.valueOf(1), store.run("F", kv -> Integer.valueOf(1)));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KvStore.builder("kv:checked:").option(KvOption.MAX_CALL_DEPTH, 101).open());
        assertEquals("max-call-depth must be an integer from 1 to 100 but was: 101",
                e.getMessage());
    }
}
