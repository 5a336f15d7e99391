package io.kv4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With no store configured, kv keeps its data in a SQLite file of the user's. */
class DefaultStoreTest {

    @TempDir
    Path home;

    /** Runs kv in a JVM of its own, as the kv command does, with no URL configured. */
    private Run kv(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(
                new File(System.getProperty("java.home"), "bin/java").getPath(),
                "-XX:TieredStopAtLevel=1", "-Duser.home=" + home, "-cp",
                System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("KV_URL");
        pb.environment().put("XDG_DATA_HOME", home.resolve("data").toString());
        Path err = home.resolve("err.txt");
        Process p = pb.redirectError(err.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "kv ended");
        return new Run(p.exitValue(), out, Files.readString(err, StandardCharsets.UTF_8));
    }

    private record Run(int exitCode, String out, String err) {
    }

    @Test
    void setThenGet_inTwoProcesses_printsTheValue_andTheFirstSaysWhereTheFileIs()
            throws Exception {
        Path file = home.resolve("data").resolve("kv4j").resolve("kv.db");
        Run set = kv("set", "-f", "F", "k", "1");
        assertEquals(0, set.exitCode(), set.err());
        assertTrue(set.err().contains(file.toString()), "where the store is: " + set.err());
        assertTrue(Files.exists(file));

        Run get = kv("get", "-f", "F", "k");
        assertEquals(0, get.exitCode(), get.err());
        assertEquals("1\n", get.out());
        assertEquals("", get.err(), "said once only");
    }

    @Test
    void dataDirectory_followsEachSystemsConvention() {
        assertEquals(Path.of("/x/data/kv4j"),
                DefaultStore.directory(Map.of("XDG_DATA_HOME", "/x/data"), "Linux", "/home/u"));
        assertEquals(Path.of("/home/u/.local/share/kv4j"),
                DefaultStore.directory(Map.of("XDG_DATA_HOME", "relative"), "Linux", "/home/u"));
        assertEquals(Path.of("/Users/u/Library/Application Support/kv4j"),
                DefaultStore.directory(Map.of(), "Mac OS X", "/Users/u"));
    }
}
