package app.immichexport.database;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings the schema up to date with Flyway at start-up, and stops the embedded server, if one
 * was started, at shutdown.
 */
@ApplicationScoped
public class DatabaseBootstrap {

    public static final String DATA_SOURCE = "java:app/jdbc/immichExport";

    @Resource(lookup = DATA_SOURCE)
    DataSource dataSource;

    public void start() {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    @PreDestroy
    public void stop() {
        ApplicationDataSource.stopEmbedded();
    }
}
