package io.kv4j.postgres;

import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.Driver;

/**
 * Unpooled connections from the PostgreSQL JDBC driver, with every setting, the password among
 * them, handed over as connection properties. The URL holds only the servers and the database:
 * the driver logs it ("Connecting with URL: ..."), and its own data sources put every property,
 * {@code sslpassword} too, into the URL they connect with.
 */
final class DriverSource implements DataSource {

    private static final Driver DRIVER = new Driver();

    private final String url;
    private final Properties properties;
    private volatile PrintWriter logWriter;

    /**
     * @param servers the servers as {@code host:port,host:port}, IPv6 hosts in brackets
     * @param database the database name
     * @param properties the driver's connection properties; copied
     */
    DriverSource(String servers, String database, Properties properties) {
        this.url = "jdbc:postgresql://" + servers + "/"
                + URLEncoder.encode(database, StandardCharsets.UTF_8);
        this.properties = new Properties();
        this.properties.putAll(properties);
    }

    @Override
    public Connection getConnection() throws SQLException {
        Properties p;
        synchronized (properties) {
            p = (Properties) properties.clone();
        }
        Connection c = DRIVER.connect(url, p);
        if (c == null) {
            throw new SQLException("The PostgreSQL JDBC driver does not accept " + url, "08001");
        }
        return c;
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("connections are made as the configured user");
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        logWriter = out;
    }

    /** Sets the driver's {@code loginTimeout}, as a pool does with its connection timeout. */
    @Override
    public void setLoginTimeout(int seconds) {
        synchronized (properties) {
            properties.setProperty("loginTimeout", Integer.toString(seconds));
        }
    }

    @Override
    public int getLoginTimeout() {
        synchronized (properties) {
            return Integer.parseInt(properties.getProperty("loginTimeout", "0"));
        }
    }

    @Override
    public Logger getParentLogger() {
        return Logger.getLogger("org.postgresql");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("Not a wrapper of " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
