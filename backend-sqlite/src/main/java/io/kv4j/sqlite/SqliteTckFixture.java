package io.kv4j.sqlite;

import io.kv4j.spi.BackendConfig;
import io.kv4j.tck.TckFixture;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.sqlite.JDBC;

/**
 * The compatibility kit's hooks into SQLite, {@code kv tck --fixture sqlite}: a new file in a
 * temporary directory, deleted after the run, and the durability hooks.
 *
 * <ul>
 *   <li>A restart of the storage: SQLite has no server, so the storage is every process that
 *       has the file open. Beside the kit, a child JVM holds the file open; a clean restart
 *       lets it close, an immediate one kills it (SIGKILL) in the middle of a write
 *       transaction, holding SQLite's write lock, and a new one takes its place.</li>
 *   <li>An unreachable URL: a file in a directory that does not exist.</li>
 *   <li>Commit-cutting URLs: another spelling of the file's path on which every commit's
 *       {@code COMMIT} fails as with an I/O error, in turn before and after the commit landed
 *       ({@link Faults}); on the second, the file cannot be opened any more after the cut.</li>
 * </ul>
 *
 * <p>The kit finds it by name ({@code kv.tck.fixture=sqlite}); this class and the kit travel
 * together only in {@code kv.jar} and in tests.
 */
public final class SqliteTckFixture implements TckFixture {

    private static final String HOLDING = "holding";
    private static final String WRITING = "writing";

    private Path dir;
    private Path file;
    private Process holder;
    private final List<String> faulty = new ArrayList<>();

    /** Creates the fixture; the kit calls this. */
    public SqliteTckFixture() {
    }

    @Override
    public String start(String configuredUrl) throws Exception {
        dir = Files.createTempDirectory("kv-tck-sqlite");
        file = dir.resolve("kit.db");
        String url = SqliteSettings.PREFIX + file;
        faulty.add(SqliteSettings.PREFIX + dir + "/./kit.db");
        faulty.add(SqliteSettings.PREFIX + dir + "/././kit.db");
        Faults.register(faulty.get(0), false);
        Faults.register(faulty.get(1), true);
        // the file and its tables, for the holder to open
        SqliteProvider provider = new SqliteProvider();
        provider.open(BackendConfig.of(url, Map.of(), provider.options())).close();
        holder = hold();
        return url;
    }

    @Override
    public void stop() throws Exception {
        release(false);
        faulty.forEach(Faults::unregister);
    }

    @Override
    public String cleanUp() {
        if (dir == null) {
            return null;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
            return "deleted the kit's SQLite file " + file;
        } catch (IOException e) {
            return "could not delete " + dir + ": " + e;
        }
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
    public void restart(boolean immediate) throws Exception {
        release(immediate);
        holder = hold();
    }

    @Override
    public String unreachableUrl() {
        return SqliteSettings.PREFIX + dir.resolve("no-such-directory").resolve("kit.db");
    }

    @Override
    public String commitCuttingUrl() {
        return faulty.get(0);
    }

    @Override
    public String commitCuttingUnreachableUrl() {
        return faulty.get(1);
    }

    /** Starts a child JVM that opens the file and holds it until told to let go. */
    private Process hold() throws IOException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"),
                SqliteTckFixture.class.getName(), file.toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        expect(p, HOLDING);
        return p;
    }

    /** Lets the holder close the file, or kills it while it writes. */
    private void release(boolean kill) throws Exception {
        if (holder == null) {
            return;
        }
        Process p = holder;
        holder = null;
        PrintWriter in = new PrintWriter(new OutputStreamWriter(p.getOutputStream(),
                StandardCharsets.UTF_8), true);
        if (kill) {
            in.println("write");
            expect(p, WRITING);
            p.destroyForcibly();
        } else {
            in.println("close");
        }
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("the JVM holding " + file + " did not end");
        }
    }

    private static void expect(Process p, String word) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = out.readLine()) != null) {
            if (line.equals(word)) {
                return;
            }
            seen.append(line).append('\n');
        }
        p.destroyForcibly();
        throw new IllegalStateException("the JVM holding the kit's file ended before it said "
                + word + ": " + seen);
    }

    /**
     * The holder: opens the file named by {@code args[0]}, says {@value #HOLDING}, then on
     * {@code close} closes it and ends, and on {@code write} begins a write transaction, writes,
     * says {@value #WRITING} and waits to be killed.
     *
     * @param args the file
     * @throws Exception when the file cannot be used
     */
    public static void main(String[] args) throws Exception {
        try (Connection c = JDBC.createConnection(JDBC.PREFIX + args[0], new java.util.Properties());
                Statement st = c.createStatement();
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in,
                        StandardCharsets.UTF_8))) {
            st.execute("PRAGMA busy_timeout = 30000");
            st.executeQuery("SELECT count(*) FROM entries").close();
            System.out.println(HOLDING);
            String command;
            while ((command = in.readLine()) != null && !command.equals("close")) {
                if (command.equals("write")) {
                    st.execute("BEGIN IMMEDIATE");
                    st.execute("INSERT INTO entries (namespace, key, value, version)"
                            + " VALUES ('kv-tck restart', 'uncommitted', x'31', 1)");
                    System.out.println(WRITING);
                }
            }
        }
    }
}
