package app.immichexport.health;

import app.immichexport.database.DatabaseBootstrap;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/** Container probes: alive while deployed, ready while the database answers. Reveals no data. */
public class ApplicationHealth {

    private ApplicationHealth() {}

    @Liveness
    @ApplicationScoped
    public static class Alive implements HealthCheck {
        @Override
        public HealthCheckResponse call() {
            return HealthCheckResponse.up("application");
        }
    }

    @Readiness
    @ApplicationScoped
    public static class DatabaseReady implements HealthCheck {

        @Resource(lookup = DatabaseBootstrap.DATA_SOURCE)
        DataSource dataSource;

        @Override
        public HealthCheckResponse call() {
            try (Connection connection = dataSource.getConnection()) {
                return HealthCheckResponse.named("database")
                        .status(connection.isValid(2))
                        .build();
            } catch (SQLException e) {
                return HealthCheckResponse.down("database");
            }
        }
    }
}
