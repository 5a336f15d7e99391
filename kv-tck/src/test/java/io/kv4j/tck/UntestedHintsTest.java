package io.kv4j.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A clause untested for want of a fixture's hook says what would offer the hook. */
class UntestedHintsTest {

    @Test
    void withoutAFixtureAPostgresUrlIsToldOfThePostgresFixture() {
        assertEquals("no fixture offers a restart of the server: run with the fixture postgres "
                + "(kv.tck.fixture=postgres, or kv tck --fixture postgres; it ships in "
                + "io.kv4j:kv-tck-postgres), which offers the hooks on the server of the URL",
                Fixtures.without(null, "kv:postgresql://db/app?user=u", TckFixture.Hook.RESTART));
    }

    @Test
    void withoutAFixtureAnotherBackendIsToldToWriteOne() {
        assertEquals("no fixture offers an unreachable URL: implement io.kv4j.tck.TckFixture and "
                + "name it with kv.tck.fixture",
                Fixtures.without(null, "kv:mydb://host/db", TckFixture.Hook.UNREACHABLE_URL));
    }

    @Test
    void aFixtureThatLacksAHookGivesItsOwnAdvice() {
        TckFixture fixture = new TckFixture() {
            @Override
            public String start(String configuredUrl) {
                return configuredUrl;
            }

            @Override
            public void stop() {
            }

            @Override
            public String howToOffer(Hook hook) {
                return hook == Hook.RESTART ? "set kv.tck.mydb.restart" : null;
            }
        };
        String name = fixture.getClass().getName();
        assertEquals("the fixture " + name + " does not offer a restart of the server: set "
                + "kv.tck.mydb.restart", Fixtures.without(fixture, "kv:mydb:", TckFixture.Hook.RESTART));
        assertEquals("the fixture " + name + " does not offer a commit-cutting URL",
                Fixtures.without(fixture, "kv:mydb:", TckFixture.Hook.COMMIT_CUTTING_URL));
    }
}
