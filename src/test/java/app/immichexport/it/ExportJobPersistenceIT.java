package app.immichexport.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.immichexport.database.DatabaseBootstrap;
import app.immichexport.export.job.ExportJob;
import app.immichexport.export.job.ExportJobRepository;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Runs inside Payara Micro: JPA reads back what it wrote, on the schema Flyway created. */
@ExtendWith(ArquillianExtension.class)
class ExportJobPersistenceIT {

    @Inject
    ExportJobRepository jobs;

    @Resource(lookup = DatabaseBootstrap.DATA_SOURCE)
    DataSource dataSource;

    @Test
    void flywayCreatedTheSchema() throws Exception {
        try (Connection connection = dataSource.getConnection();
             ResultSet rs = connection.createStatement().executeQuery(
                     "select version, success from flyway_schema_history where version = '1'")) {
            assertTrue(rs.next(), "migration 1 is recorded");
            assertTrue(rs.getBoolean("success"));
            assertTrue(connection.getMetaData().getDatabaseProductName().contains("PostgreSQL"));
        }
    }

    @Inject
    app.immichexport.export.job.ExportService exports;

    @Test
    void jobsRunningWhenTheApplicationStoppedAreMarkedInterrupted() {
        ExportJob running = new ExportJob("alex", Instant.now(), "a1", "/exports");
        running.setState(ExportJob.State.RUNNING);
        long id = jobs.save(running).getId();
        exports.markInterrupted();
        ExportJob after = jobs.find(id).orElseThrow();
        assertEquals(ExportJob.State.INTERRUPTED, after.getState());
        assertTrue(after.getMessage().contains("resume it"), after.getMessage());
    }

    @Test
    void aJobRecordSurvivesTheRoundTrip() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ExportJob saved = jobs.save(new ExportJob("alex", now, "a1,a2", "/exports"));
        assertNotNull(saved.getId());
        saved.setState(ExportJob.State.RUNNING);
        jobs.save(saved);

        ExportJob found = jobs.find(saved.getId()).orElseThrow();
        assertEquals("alex", found.getRequestedBy());
        assertEquals(now, found.getRequestedAt());
        assertEquals("a1,a2", found.getAlbumIds());
        assertEquals(ExportJob.State.RUNNING, found.getState());
        assertEquals(saved.getId(), jobs.newestFirst(1).get(0).getId());
    }
}
