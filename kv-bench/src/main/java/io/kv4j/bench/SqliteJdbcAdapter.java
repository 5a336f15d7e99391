package io.kv4j.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.JDBC;
import org.sqlite.SQLiteConfig;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SQLite baseline, written as one would by hand with the settings kv4j uses: a file in WAL
 * mode, {@code synchronous=FULL}, a busy timeout of 5 s, one connection per thread, one table
 * {@code kv_bench(key TEXT PRIMARY KEY, value BLOB NOT NULL) WITHOUT ROWID} holding the same keys
 * and JSON values. A read-modify-write is {@code BEGIN IMMEDIATE; SELECT; INSERT ... ON CONFLICT;
 * COMMIT}, a read one autocommitted {@code SELECT}. Write transactions of this process take turns
 * at a fair lock first, as kv4j's do: on SQLite's busy handler alone, which sleeps and retries,
 * a thread can wait out the busy timeout and fail with {@code SQLITE_BUSY} (seen at 4 threads).
 */
final class SqliteJdbcAdapter implements Adapter {

    private static final String SELECT = "SELECT value FROM kv_bench WHERE key = ?";
    private static final String UPSERT = "INSERT INTO kv_bench (key, value) VALUES (?, ?)"
            + " ON CONFLICT (key) DO UPDATE SET value = excluded.value";

    private final Path file;
    private final ObjectMapper mapper = JsonMapper.builder().build();
    private final List<Session> sessions = new ArrayList<>();
    private final ReentrantLock writer = new ReentrantLock(true);
    private final ThreadLocal<Session> session = ThreadLocal.withInitial(this::connect);

    /** One thread's connection and its statements. */
    private record Session(Connection connection, Statement plain, PreparedStatement select,
            PreparedStatement upsert) {
    }

    SqliteJdbcAdapter(Path file) throws SQLException {
        this.file = file;
        try (Connection c = JDBC.createConnection(JDBC.PREFIX + file, new Properties());
                Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode = WAL");
            s.execute("CREATE TABLE IF NOT EXISTS kv_bench (key TEXT PRIMARY KEY,"
                    + " value BLOB NOT NULL) WITHOUT ROWID");
        }
    }

    private Session connect() {
        try {
            SQLiteConfig config = new SQLiteConfig();
            config.setBusyTimeout(5_000);
            config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
            Properties properties = config.toProperties();
            Connection c = JDBC.createConnection(JDBC.PREFIX + file, properties);
            Session s = new Session(c, c.createStatement(), c.prepareStatement(SELECT),
                    c.prepareStatement(UPSERT));
            synchronized (sessions) {
                sessions.add(s);
            }
            return s;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot open " + file, e);
        }
    }

    @Override
    public void load(List<String> keys) throws IOException, SQLException {
        Session s = session.get();
        s.plain().execute("BEGIN IMMEDIATE");
        for (String key : keys) {
            s.upsert().setString(1, key);
            s.upsert().setBytes(2, mapper.writeValueAsBytes(Item.initial(key)));
            s.upsert().executeUpdate();
        }
        s.plain().execute("COMMIT");
    }

    @Override
    public Item readModifyWrite(String key) throws IOException, SQLException {
        Session s = session.get();
        writer.lock();
        try {
            s.plain().execute("BEGIN IMMEDIATE");
            s.select().setString(1, key);
            Item next;
            try (ResultSet rs = s.select().executeQuery()) {
                rs.next();
                next = mapper.readValue(rs.getBytes(1), Item.class).next();
            }
            s.upsert().setString(1, key);
            s.upsert().setBytes(2, mapper.writeValueAsBytes(next));
            s.upsert().executeUpdate();
            s.plain().execute("COMMIT");
            return next;
        } catch (SQLException | RuntimeException e) {
            s.plain().execute("ROLLBACK");
            throw e;
        } finally {
            writer.unlock();
        }
    }

    @Override
    public Item read(String key) throws IOException, SQLException {
        Session s = session.get();
        s.select().setString(1, key);
        try (ResultSet rs = s.select().executeQuery()) {
            return rs.next() ? mapper.readValue(rs.getBytes(1), Item.class) : null;
        }
    }

    @Override
    public void writeAll(List<String> keys, Item value) throws IOException, SQLException {
        Session s = session.get();
        byte[] bytes = mapper.writeValueAsBytes(value);
        s.plain().execute("BEGIN IMMEDIATE");
        for (String key : keys) {
            s.upsert().setString(1, key);
            s.upsert().setBytes(2, bytes);
            s.upsert().executeUpdate();
        }
        s.plain().execute("COMMIT");
    }

    @Override
    public void close() {
        synchronized (sessions) {
            for (Session s : sessions) {
                try {
                    s.connection().close();
                } catch (SQLException e) {
                    // the benchmark is over; the file is deleted next
                }
            }
            sessions.clear();
        }
    }
}
