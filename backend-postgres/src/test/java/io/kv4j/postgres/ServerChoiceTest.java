package io.kv4j.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.testcontainers.postgresql.PostgreSQLContainer;

class ServerChoiceTest {

    private static final String EXT = "kv:postgresql://db:5432/kv?user=u";

    @Test
    void nothingSet_isEmbedded() {
        assertEquals(ServerChoice.Kind.EMBEDDED,
                ServerChoice.choose(null, null, null, () -> true).kind());
    }

    @Test
    void environmentUrl_isExternal() {
        assertEquals(new ServerChoice(ServerChoice.Kind.EXTERNAL, EXT),
                ServerChoice.choose(EXT, null, "testcontainers", () -> true));
    }

    @Test
    void propertyUrl_winsOverEnvironment() {
        assertEquals("kv:postgresql://other/x", ServerChoice.choose(EXT,
                "kv:postgresql://other/x", null, () -> true).url());
    }

    @Test
    void testcontainersWithDocker_isTestcontainers() {
        assertEquals(ServerChoice.Kind.TESTCONTAINERS,
                ServerChoice.choose(" ", null, "testcontainers", () -> true).kind());
    }

    @Test
    void testcontainersWithoutDocker_isAClearError() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ServerChoice.choose(null, null, "testcontainers", () -> false));
        assertEquals(true, e.getMessage().contains("Docker is not available"));
    }

    @Test
    void dockerIsNotAskedForWhenNotWanted() {
        assertEquals(ServerChoice.Kind.EMBEDDED, ServerChoice.choose(null, null, "embedded",
                () -> { throw new AssertionError("Docker was probed"); }).kind());
    }

    @Test
    void unknownKind_isRefused() {
        assertThrows(IllegalStateException.class,
                () -> ServerChoice.choose(null, null, "docker", () -> true));
    }

    @Test
    void container_hasAPasswordThatIsNoOtherWordOfItsUrl() {
        PostgreSQLContainer container = TestServer.container();
        String url = "kv:postgresql://localhost:5432/" + container.getDatabaseName() + "?user="
                + container.getUsername();
        assertFalse(url.contains(container.getPassword()), container.getPassword() + " in " + url);
    }
}
