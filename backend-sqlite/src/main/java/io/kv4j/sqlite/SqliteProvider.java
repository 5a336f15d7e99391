package io.kv4j.sqlite;

import io.kv4j.common.Option;
import io.kv4j.spi.BackendConfig;
import io.kv4j.spi.KvBackend;
import io.kv4j.spi.KvProvider;
import java.nio.file.Files;
import java.sql.SQLException;
import java.util.List;

/**
 * Opens SQLite storage: {@code kv:sqlite:path/to/file.db}, relative to the working directory,
 * {@code kv:sqlite:/abs/path.db}, {@code kv:sqlite:~/path.db} in the user's home directory, or on
 * Windows {@code kv:sqlite:C:/data/kv.db}. The file is created with its tables when it is missing
 * (unless {@code migrate=false}); its directory must exist.
 */
public final class SqliteProvider implements KvProvider {

    /** Creates the provider; it holds no state. */
    public SqliteProvider() {
    }

    @Override
    public int apiVersion() {
        return API_VERSION;
    }

    @Override
    public String scheme() {
        return "sqlite";
    }

    @Override
    public boolean accepts(String url) {
        return url != null && url.startsWith(SqliteSettings.PREFIX);
    }

    @Override
    public List<Option<?>> options() {
        return SqliteOption.table();
    }

    /**
     * {@inheritDoc}
     *
     * <p>SQLite's default limit on the length of a string or blob, {@code SQLITE_MAX_LENGTH}, is
     * 1,000,000,000 bytes; a value is stored as one blob.
     */
    @Override
    public int maxValueBytes() {
        return 1_000_000_000;
    }

    @Override
    public KvBackend open(BackendConfig config) {
        SqliteSettings settings = SqliteSettings.of(config);
        if (!settings.migrate() && !Files.exists(settings.file())) {
            throw Failures.configuration("The SQLite file " + settings.file() + " of "
                    + settings.url() + " does not exist, and option migrate=false: open it once "
                    + "with migrate=true, which creates it");
        }
        SqliteFile file = null;
        try {
            file = new SqliteFile(settings, settings.migrate());
            SqliteFile opened = file;
            file.write(w -> {
                Migrations.apply(w, opened.settings());
                return null;
            });
            return new SqliteBackend(file);
        } catch (SQLException | RuntimeException e) {
            if (file != null) {
                file.close();
            }
            throw e instanceof SQLException sql ? Failures.of(sql, "opening the store", settings)
                    : (RuntimeException) e;
        }
    }
}
