package io.kv4j.postgres;

import io.kv4j.tck.TckFixture;
import io.kv4j.tck.postgres.EmbeddedPostgresFixture;
import io.kv4j.tck.postgres.PostgresFixture;
import io.kv4j.tck.postgres.TestcontainersPostgresFixture;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The compatibility kit's hook into PostgreSQL for this build, found by the kit through
 * {@code META-INF/services}: by default the kit's own fixture for an embedded server of its own
 * (fsync and synchronous_commit on, restarts, a URL that loses commit outcomes, a URL with no
 * server), the one {@code kv tck --fixture postgres-embedded} uses; with
 * {@code -Dkv.test.postgres=testcontainers} the kit's fixture for a container of its own, which
 * offers the same hooks; when {@code KV_TEST_POSTGRES_URL} names a server
 * ({@link ServerChoice}), the kit's fixture for a server that runs already, which offers no
 * restart. The kit's own URL setting is not used: the hooks need the server this fixture knows.
 */
public final class PostgresTckFixture implements TckFixture {

    /** The schema the kit's stores use, apart from every other test's. */
    static final String SCHEMA = "tck";

    /** The password in the embedded server's URL, which the server does not check. */
    static final String PASSWORD = "tck-unchecked-secret";

    private final TckFixture delegate = delegate(TestServer.choice().kind());

    /** Creates the fixture; the kit calls this. */
    public PostgresTckFixture() {
    }

    private static TckFixture delegate(ServerChoice.Kind kind) {
        switch (kind) {
            case EMBEDDED:
                return new EmbeddedPostgresFixture();
            case TESTCONTAINERS:
                return new TestcontainersPostgresFixture();
            default:
                return new PostgresFixture();
        }
    }

    @Override
    public String start(String configuredUrl) throws Exception {
        if (delegate instanceof TestcontainersPostgresFixture) {
            return delegate.start("kv:postgresql:?schema=" + SCHEMA);
        }
        if (delegate instanceof EmbeddedPostgresFixture) {
            // a password in the URL, as users write one; the embedded server trusts local
            // connections and never asks for it, but the kit's checks must allow for it
            return delegate.start("kv:postgresql:?schema=" + SCHEMA) + "&password=" + PASSWORD;
        }
        return delegate.start(TestServer.get().url() + "?" + query(TestServer.get().options(SCHEMA)));
    }

    @Override
    public void stop() throws Exception {
        delegate.stop();
    }

    @Override
    public String cleanUp() {
        return delegate.cleanUp();
    }

    @Override
    public String howToOffer(Hook hook) {
        return delegate.howToOffer(hook);
    }

    @Override
    public boolean durable() {
        return delegate.durable();
    }

    @Override
    public boolean canRestart() {
        return delegate.canRestart();
    }

    @Override
    public void restart(boolean immediate) throws Exception {
        delegate.restart(immediate);
    }

    @Override
    public String unreachableUrl() {
        return delegate.unreachableUrl();
    }

    @Override
    public String commitCuttingUrl() {
        return delegate.commitCuttingUrl();
    }

    @Override
    public String commitCuttingUnreachableUrl() {
        return delegate.commitCuttingUnreachableUrl();
    }

    private static String query(Map<String, String> options) {
        StringBuilder b = new StringBuilder();
        options.forEach((name, value) -> b.append(b.length() == 0 ? "" : "&").append(name)
                .append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)
                        .replace("+", "%20")));
        return b.toString();
    }
}
