package io.kv4j.cli;

import static io.kv4j.cli.Cli.kv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kv4j.KvStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The store of a one-shot command: the options it opens it with, the one rule for stores that
 * end with the command, the password prompt, and the class path the kv script builds.
 */
class OneShotStoreTest {

    private static final String ROLE = "kv_cli_password_user";
    private static final String PASSWORD = "Prompted-Secret-5e1";

    @Test
    void oneShotOptions_askForOneConnectionAndNoCacheWhereTheBackendHasThem() {
        assertEquals(Map.of("pool-size", "1", "pool-min-idle", "1", "cache", "false"),
                OpenStore.oneShotOptions("kv:postgresql://localhost/db"));
        assertEquals(Map.of("cache", "false"),
                OpenStore.oneShotOptions("kv:postgresql://localhost/db?pool-size=4"));
        assertEquals(Map.of(), OpenStore.oneShotOptions("kv:memory:x"),
                "the memory backend has none of them");
    }

    @Test
    void writes_toANamedMemoryStore_areRefusedAsToAPrivateOne() {
        Cli.Setup kvCommand = Cli.Setup.pipe().inItsOwnProcess();

        Cli named = kv(kvCommand, "set", "--url", "kv:memory:x", "-f", "KT1", "k", "1");
        Cli anonymous = kv(kvCommand, "set", "--url", "kv:memory:", "-f", "KT1", "k", "1");

        assertEquals(2, named.exitCode, named::toString);
        assertEquals(2, anonymous.exitCode, anonymous::toString);
        assertTrue(named.err.startsWith("error: kv:memory:x lives in this command's process only:"
                + " what set writes would be lost when it ends; name a store that outlives it"),
                named::toString);
    }

    @Test
    void reads_ofANamedMemoryStore_warnThatItStartsEmpty() {
        Cli named = kv(Cli.Setup.pipe().inItsOwnProcess(), "get", "--url", "kv:memory:x", "-f",
                "KT1", "k");

        assertEquals(3, named.exitCode);
        assertTrue(named.err.startsWith("warning: kv:memory:x lives in this command's process"
                + " only and starts empty"), named::toString);
    }

    @Test
    void aUserWithoutPassword_isAskedForIt_atATerminal() throws Exception {
        Postgres.passwordRole(ROLE, PASSWORD);
        String url = Postgres.url(Postgres.newSchema(), ROLE);
        List<String> prompts = new ArrayList<>();

        Cli result = kv(Cli.Setup.pipe().atTerminal(prompt -> {
            prompts.add(prompt);
            return PASSWORD.toCharArray();
        }), "set", "--url", url, "-f", "KT1", "k", "1");

        assertEquals(0, result.exitCode, result::toString);
        assertEquals(List.of("Password for user " + ROLE + ": "), prompts);
        assertFalse(result.out.contains(PASSWORD) || result.err.contains(PASSWORD));
    }

    @Test
    void aUserWithoutPassword_inAPipe_isNotAskedAndTheErrorSaysWhy() throws Exception {
        Postgres.passwordRole(ROLE, PASSWORD);
        String url = Postgres.url(Postgres.newSchema(), ROLE);

        Cli result = kv("get", "--url", url, "-f", "KT1", "k");

        assertEquals(1, result.exitCode, result::toString);
        assertTrue(result.err.contains("password"), result::toString);
    }

    @Test
    void aServerThatAsksForNoPassword_isNotAskedFor() {
        String url = Postgres.url(Postgres.newSchema());
        List<String> prompts = new ArrayList<>();

        Cli result = kv(Cli.Setup.pipe().atTerminal(prompt -> {
            prompts.add(prompt);
            return null;
        }), "set", "--url", url, "-f", "KT1", "k", "1");

        assertEquals(0, result.exitCode, result::toString);
        assertEquals(List.of(), prompts);
    }

    @Test
    void aMissingKvClasspathEntry_isReportedBeforeAnythingRuns() throws IOException,
            InterruptedException {
        String missing = "/no/such/dir/backend-" + UUID.randomUUID() + ".jar";
        ProcessBuilder kv = new ProcessBuilder("bash", Path.of("..", "kv").toString(), "--version")
                .redirectErrorStream(true);
        kv.environment().put("KV_CLASSPATH", "/tmp:" + missing);
        Process process = kv.start();
        String output = new String(process.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8);

        assertEquals(2, process.waitFor(), output);
        assertEquals("kv: KV_CLASSPATH names " + missing + ", which does not exist\n", output);
    }

    @Test
    void theStoreOfAOneShot_opensWithOneConnection() throws Exception {
        String schema = Postgres.newSchema();
        String url = Postgres.url(schema) + "&ApplicationName=" + schema;
        // the schema exists: the one-shot below only checks it
        KvStore.open(url).close();

        Cli result = kv("ping", "--url", url);

        assertEquals(0, result.exitCode, result::toString);
        assertTrue(result.out.contains(" pool-size=1 ") && result.out.contains(" cache=off"),
                result::toString);
    }
}
