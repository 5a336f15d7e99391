package io.kv4j.bench;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The PostgreSQL baselines, written as one would by hand: HikariCP, pgjdbc, Jackson, one table
 * {@code kv_bench(key text COLLATE "C" PRIMARY KEY, value jsonb NOT NULL)} holding the same keys
 * and JSON values as kv4j.
 *
 * <p>{@link Style#TRANSACTION} does what needs a transaction in one: a read-modify-write is
 * {@code SELECT ... FOR UPDATE} then an upsert, and many writes are one JDBC batch.
 * {@link Style#AUTOCOMMIT} sends one autocommitted statement per operation: a read-modify-write is
 * a single upsert that raises the count inside PostgreSQL (the ceiling for one-key updates), and
 * many writes are one upsert each.
 */
final class JdbcAdapter implements Adapter {

    /** How the adapter groups its statements. */
    enum Style { TRANSACTION, AUTOCOMMIT }

    static final String CREATE_TABLE = "CREATE TABLE IF NOT EXISTS kv_bench ("
            + "key text COLLATE \"C\" PRIMARY KEY, value jsonb NOT NULL)";
    private static final String SELECT = "SELECT value FROM kv_bench WHERE key = ?";
    private static final String SELECT_FOR_UPDATE = SELECT + " FOR UPDATE";
    private static final String UPSERT = "INSERT INTO kv_bench (key, value) VALUES (?, CAST(? AS jsonb)) "
            + "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value";
    private static final String INCREMENT = "INSERT INTO kv_bench AS t (key, value) "
            + "VALUES (?, CAST(? AS jsonb)) ON CONFLICT (key) DO UPDATE SET value = "
            + "jsonb_set(t.value, '{count}', to_jsonb((t.value ->> 'count')::bigint + 1))";

    private static final String ADD_ONE = "INSERT INTO kv_bench AS t (key, value) "
            + "VALUES (?, '1') ON CONFLICT (key) DO UPDATE SET value = to_jsonb(t.value::numeric + 1)";
    private static final String SELECT_ANY = "SELECT key, value FROM kv_bench WHERE key = ANY(?)";

    /** HikariCP's default pool size, stated so that the pool does not change if that default does. */
    static final int POOL_SIZE = 10;

    private final Style style;
    private final HikariDataSource pool;
    private final ObjectMapper mapper = JsonMapper.builder().build();

    JdbcAdapter(String jdbcUrl, Style style) throws SQLException {
        this.style = style;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setMaximumPoolSize(POOL_SIZE);
        config.setPoolName("kv-bench-" + style.name().toLowerCase(Locale.ROOT));
        // pgjdbc then sends a batch of upserts as multi-row INSERTs: the fastest batch it has
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        this.pool = new HikariDataSource(config);
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute(CREATE_TABLE);
        } catch (SQLException | RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    @Override
    public void load(List<String> keys) throws SQLException, IOException {
        upsertInOneBatch(keys, Item::initial);
    }

    @Override
    public Item readModifyWrite(String key) throws SQLException, IOException {
        return style == Style.TRANSACTION ? selectForUpdateThenUpsert(key) : incrementInOneStatement(key);
    }

    private Item selectForUpdateThenUpsert(String key) throws SQLException, IOException {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                Item current;
                try (PreparedStatement select = c.prepareStatement(SELECT_FOR_UPDATE)) {
                    select.setString(1, key);
                    try (ResultSet rs = select.executeQuery()) {
                        current = rs.next() ? mapper.readValue(rs.getString(1), Item.class)
                                : Item.initial(key);
                    }
                }
                Item next = current.next();
                try (PreparedStatement upsert = c.prepareStatement(UPSERT)) {
                    upsert.setString(1, key);
                    upsert.setString(2, mapper.writeValueAsString(next));
                    upsert.executeUpdate();
                }
                c.commit();
                return next;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private Item incrementInOneStatement(String key) throws SQLException, IOException {
        try (Connection c = pool.getConnection(); PreparedStatement increment = c.prepareStatement(INCREMENT)) {
            increment.setString(1, key);
            increment.setString(2, mapper.writeValueAsString(Item.initial(key).next()));
            increment.executeUpdate();
            return null;
        }
    }

    /** One autocommitted statement that adds in the database, whatever the style. */
    @Override
    public void addOne(String key, AttemptCounter counter) throws SQLException {
        try (Connection c = pool.getConnection(); PreparedStatement add = c.prepareStatement(ADD_ONE)) {
            add.setString(1, key);
            add.executeUpdate();
        }
    }

    /**
     * In transaction style, one SELECT per key in one read-only transaction (one consistent
     * snapshot, as kv4j's request is); in autocommit style, one {@code = ANY} select.
     */
    @Override
    public List<Item> readMany(List<String> keys) throws SQLException, IOException {
        List<Item> items = new ArrayList<>(keys.size());
        try (Connection c = pool.getConnection()) {
            if (style == Style.AUTOCOMMIT) {
                Map<String, Item> found = new HashMap<>();
                try (PreparedStatement select = c.prepareStatement(SELECT_ANY)) {
                    select.setArray(1, c.createArrayOf("text", keys.toArray()));
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            found.put(rs.getString(1), mapper.readValue(rs.getString(2), Item.class));
                        }
                    }
                }
                for (String key : keys) {
                    items.add(found.get(key));
                }
                return items;
            }
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try (PreparedStatement select = c.prepareStatement(SELECT)) {
                for (String key : keys) {
                    select.setString(1, key);
                    try (ResultSet rs = select.executeQuery()) {
                        items.add(rs.next() ? mapper.readValue(rs.getString(1), Item.class) : null);
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setReadOnly(false);
                c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            }
            return items;
        }
    }

    @Override
    public Item read(String key) throws SQLException, IOException {
        try (Connection c = pool.getConnection(); PreparedStatement select = c.prepareStatement(SELECT)) {
            select.setString(1, key);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? mapper.readValue(rs.getString(1), Item.class) : null;
            }
        }
    }

    @Override
    public void writeAll(List<String> keys, Item value) throws SQLException, IOException {
        if (style == Style.TRANSACTION) {
            upsertInOneBatch(keys, key -> value);
            return;
        }
        try (Connection c = pool.getConnection(); PreparedStatement upsert = c.prepareStatement(UPSERT)) {
            for (String key : keys) {
                upsert.setString(1, key);
                upsert.setString(2, mapper.writeValueAsString(value));
                upsert.executeUpdate();
            }
        }
    }

    private void upsertInOneBatch(List<String> keys, Function<String, Item> values)
            throws SQLException, IOException {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement upsert = c.prepareStatement(UPSERT)) {
                for (String key : keys) {
                    upsert.setString(1, key);
                    upsert.setString(2, mapper.writeValueAsString(values.apply(key)));
                    upsert.addBatch();
                }
                upsert.executeBatch();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
