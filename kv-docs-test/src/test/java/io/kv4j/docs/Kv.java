package io.kv4j.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the {@code kv} command as {@code ./kv} does: {@code java -jar kv-cli/target/kv.jar}. */
final class Kv {

    /** The jar the reactor builds before this module. */
    static final Path JAR = Path.of("..", "kv-cli", "target", "kv.jar").toAbsolutePath().normalize();

    private Kv() {
    }

    /** What a run printed and how it ended. */
    record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit code " + exitCode + ", standard output:\n" + out + "standard error:\n" + err;
        }
    }

    /**
     * Runs {@code kv ARGS} in a directory, with standard input from a string.
     *
     * @param dir the working directory
     * @param env variables to add to the environment, such as {@code KV_URL}
     * @param args the command's words
     * @return what it printed
     */
    static Result run(Path dir, Map<String, String> env, List<String> args)
            throws IOException, InterruptedException {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR + " is missing: build kv-cli first (this module's "
                    + "tests run in the reactor after it, for example ./mvnw -pl kv-docs-test -am "
                    + "verify)");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().remove("KV_URL");
        pb.environment().putAll(env);
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("kv " + args + " did not end within 120 s");
        }
        Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return r;
    }

    /**
     * The words of a command line as a POSIX shell splits them, for the README's lines: blanks
     * separate words, single quotes keep everything, double quotes keep all but a backslash
     * before {@code "} or {@code \}, a {@code #} that begins a word starts a comment.
     *
     * @param line the line
     * @return its words, without the comment
     */
    static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder word = null;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t') {
                if (word != null) {
                    out.add(word.toString());
                    word = null;
                }
                continue;
            }
            if (c == '#' && word == null) {
                break;
            }
            if (word == null) {
                word = new StringBuilder();
            }
            if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                word.append(line, i + 1, end);
                i = end;
            } else if (c == '"') {
                for (i++; line.charAt(i) != '"'; i++) {
                    if (line.charAt(i) == '\\' && "\"\\".indexOf(line.charAt(i + 1)) >= 0) {
                        i++;
                    }
                    word.append(line.charAt(i));
                }
            } else {
                word.append(c);
            }
        }
        if (word != null) {
            out.add(word.toString());
        }
        return out;
    }
}
