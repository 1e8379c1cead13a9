package app.immichexport.database;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The data source behind the connection pool: the PostgreSQL named by {@code DB_URL}, or, when none
 * is configured, the embedded one, started on first use. Payara opens the first connection while it
 * prepares the application, before any of the application's own start-up code runs, so the embedded
 * server has to be started from here.
 */
public class ApplicationDataSource implements DataSource {

    private static PGSimpleDataSource target;
    private static EmbeddedDatabase embedded;

    private static synchronized DataSource target() {
        if (target == null) {
            Config config = ConfigProvider.getConfig(ApplicationDataSource.class.getClassLoader());
            PGSimpleDataSource postgres = new PGSimpleDataSource();
            String url = config.getOptionalValue("db.url", String.class)
                    .map(String::trim)
                    .filter(u -> !u.isEmpty())
                    .orElse(null);
            if (url == null) {
                int port = config.getOptionalValue("embedded.db.port", Integer.class)
                        .orElse(15432);
                Path dataDir = Path.of(config.getOptionalValue("data.dir", String.class)
                                .orElse("data"))
                        .toAbsolutePath();
                embedded = EmbeddedDatabase.start(dataDir.resolve("postgres"), port);
                url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
                postgres.setUser("postgres");
            } else {
                config.getOptionalValue("db.user", String.class).ifPresent(postgres::setUser);
                config.getOptionalValue("db.password", String.class).ifPresent(postgres::setPassword);
            }
            postgres.setURL(url);
            // jobs write their audit rows in batches of many; sent as multi-row inserts, one round trip each
            postgres.setReWriteBatchedInserts(true);
            target = postgres;
        }
        return target;
    }

    static synchronized void stopEmbedded() {
        if (embedded != null) {
            embedded.close();
            embedded = null;
            target = null;
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        return target().getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return target().getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // the pool logs for us
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // PostgreSQL's own connect timeout applies
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("Not a wrapper of " + type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
