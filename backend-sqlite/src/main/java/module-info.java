/**
 * The SQLite backend, for URLs {@code kv:sqlite:path/to/file.db}: durable storage in one file,
 * shared by the processes of one host.
 */
module io.kv4j.sqlite {
    requires io.kv4j.spi;
    requires org.xerial.sqlitejdbc;
    // SqliteTckFixture, which only the compatibility kit loads
    requires static io.kv4j.tck;

    provides io.kv4j.spi.KvProvider with io.kv4j.sqlite.SqliteProvider;
}
