package io.kv4j.tck.broken;

import io.kv4j.common.Capability;
import io.kv4j.common.Option;
import io.kv4j.memory.MemoryProvider;
import io.kv4j.spi.BackendConfig;
import io.kv4j.spi.Commit;
import io.kv4j.spi.KvBackend;
import io.kv4j.spi.KvProvider;
import io.kv4j.tck.ForwardingBackend;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Backends whose claims about themselves are false, or that break a call around the data: a
 * capability, the options they declare, what they log, their health check.
 */
public final class BrokenClaims {

    private BrokenClaims() {
    }

    /**
     * The memory backend, declaring no capability for {@code kv:memory:} either, whose stores
     * have storage of their own. It serves the memory scheme, so a test puts it in place of the
     * real memory provider, which it hides (see {@code BrokenBackendsAreCaughtTest}).
     */
    public static final class MemoryThatClaimsNothing implements KvProvider {
        private final MemoryProvider memory = new MemoryProvider();

        @Override
        public int apiVersion() {
            return memory.apiVersion();
        }

        @Override
        public String scheme() {
            return memory.scheme();
        }

        @Override
        public boolean accepts(String url) {
            return memory.accepts(url);
        }

        @Override
        public List<Option<?>> options() {
            return memory.options();
        }

        @Override
        public int maxValueBytes() {
            return memory.maxValueBytes();
        }

        @Override
        public KvBackend open(BackendConfig config) {
            return new ForwardingBackend(memory.open(config)) {
                @Override
                public Set<Capability> capabilities() {
                    return Set.of();
                }
            };
        }
    }

    /** Declares {@code PRIVATE_TO_STORE} while every store opened on one URL shares storage. */
    public static final class ClaimsPrivateStores extends BrokenBackends.Broken {
        @Override
        String name() {
            return "private-claimed";
        }

        @Override
        KvBackend wrap(KvBackend memory) {
            return new ForwardingBackend(memory) {
                @Override
                public Set<Capability> capabilities() {
                    return Set.of(Capability.PRIVATE_TO_STORE);
                }
            };
        }
    }

    /**
     * Declares a secret option whose name holds none of the words that mark a secret by name,
     * and writes it into a debug log line when it opens, while it would mask a password.
     */
    public static final class LogsItsApiKey extends BrokenBackends.Broken {
        private static final System.Logger LOG = System.getLogger(LogsItsApiKey.class.getName());

        @Override
        String name() {
            return "logs-api-key";
        }

        private static final Option<String> API_KEY = Option.secret("api-key",
                "the key of the account");

        @Override
        public List<Option<?>> options() {
            return List.of(Option.secret("password", "the password"), API_KEY);
        }

        @Override
        public KvBackend open(BackendConfig config) {
            LOG.log(System.Logger.Level.DEBUG, "connecting with password=<masked>"
                    + (config.isGiven(API_KEY) ? " and key " + config.get(API_KEY) : ""));
            return super.open(config);
        }

        @Override
        KvBackend wrap(KvBackend memory) {
            return memory;
        }
    }

    /**
     * Declares options named like the engine's {@code max-retries} that it ignores, so a user
     * who writes {@code maxRetries=0} is told nothing and keeps the default.
     */
    public static final class DeclaresNearCopiesOfEngineOptions extends BrokenBackends.Broken {
        @Override
        String name() {
            return "option-copy";
        }

        @Override
        public List<Option<?>> options() {
            return List.of(
                    Option.integer("maxRetries", null, 0, Integer.MAX_VALUE,
                            "how often to retry"),
                    Option.integer("max_retries", null, 0, Integer.MAX_VALUE,
                            "how often to retry"));
        }

        @Override
        KvBackend wrap(KvBackend memory) {
            return memory;
        }
    }

    /**
     * Answers a health check by writing a row, as a check that proves the storage writable
     * would: the function it writes to shows up among the store's functions.
     */
    public static final class CheckWrites extends BrokenBackends.Broken {
        @Override
        String name() {
            return "check-writes";
        }

        @Override
        KvBackend wrap(KvBackend memory) {
            return new ForwardingBackend(memory) {
                @Override
                public Map<String, Object> check() {
                    inner.commit(Commit.of(List.of(), List.of(), List.of(Commit.Write.put(
                            "kv4j-health", "last", "1".getBytes(StandardCharsets.UTF_8)))));
                    return Map.of();
                }
            };
        }
    }

    /**
     * Declares a scheme other than that of the URLs it accepts, so {@code kv.provider} naming
     * its scheme pins a provider that serves no URL of that scheme.
     */
    public static final class DeclaresAnotherScheme extends BrokenBackends.Broken {
        @Override
        String name() {
            return "scheme";
        }

        @Override
        public String scheme() {
            return "broken-scheme-declared";
        }

        @Override
        public boolean accepts(String url) {
            return url.startsWith("kv:broken-scheme:");
        }

        @Override
        KvBackend wrap(KvBackend memory) {
            return memory;
        }
    }
}
