package app.immichexport.export.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.immichexport.database.DatabaseBootstrap;
import app.immichexport.export.copy.FileExporter;
import app.immichexport.export.job.ExportService;
import app.immichexport.immich.Album;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.sql.DataSource;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Runs inside Payara Micro: JPA reads back what it wrote, on the schema Flyway created. */
@ExtendWith(ArquillianExtension.class)
public class ExportJobPersistenceIT {

    @Inject
    ExportJobRepository jobs;

    @Resource(lookup = DatabaseBootstrap.DATA_SOURCE)
    DataSource dataSource;

    @Test
    void flywayCreatedTheSchema() throws Exception {
        try (Connection connection = dataSource.getConnection();
                ResultSet rs = connection
                        .createStatement()
                        .executeQuery("select version, success from flyway_schema_history where version = '1'")) {
            assertTrue(rs.next(), "migration 1 is recorded");
            assertTrue(rs.getBoolean("success"));
            assertTrue(connection.getMetaData().getDatabaseProductName().contains("PostgreSQL"));
        }
    }

    @Inject
    ExportService exports;

    @Test
    void jobsRunningWhenTheApplicationStoppedAreMarkedInterrupted() {
        ExportJob running = new ExportJob("alex", Instant.now(), "/exports");
        running.setState(ExportJob.State.RUNNING);
        long id = jobs.save(running).getId();
        exports.markInterrupted();
        ExportJob after = jobs.find(id).orElseThrow();
        assertEquals(ExportJob.State.INTERRUPTED, after.getState());
        assertTrue(after.getMessage().contains("resume it"), after.getMessage());
        assertTrue(after.isResumeAtStart(), "to be resumed once the start is over");
    }

    @Test
    void onlyThisInstancesJobsInterruptedByItsStopAreToBeResumed() {
        ExportJob mine = new ExportJob("alex", Instant.now(), "/exports");
        mine.setInstanceName("this-one");
        mine.setState(ExportJob.State.INTERRUPTED);
        mine.setResumeAtStart(true);
        ExportJob resumedByHand = new ExportJob("alex", Instant.now(), "/exports");
        resumedByHand.setInstanceName("this-one");
        resumedByHand.setState(ExportJob.State.INTERRUPTED);
        ExportJob another = new ExportJob("alex", Instant.now(), "/exports");
        another.setInstanceName("another-one");
        another.setState(ExportJob.State.INTERRUPTED);
        another.setResumeAtStart(true);
        long id = jobs.save(mine).getId();
        jobs.save(resumedByHand);
        jobs.save(another);
        assertEquals(
                List.of(id),
                jobs.toResumeAtStart("this-one").stream().map(ExportJob::getId).toList());
    }

    @Test
    void anAlbumsItemsComeFromTheDatabaseUntilKeptInMemory() {
        long id = jobs.create(new ExportJob("alex", Instant.now(), "/exports"), List.of(album("a9")))
                .getId();
        Instant taken = Instant.parse("2024-06-15T12:00:00Z");
        String reason = "it is in the Immich trash, \"quoted\", with a comma\nand a new line";
        jobs.saveItems(
                "/exports",
                List.of(
                        new ExportItem(
                                id,
                                "x1",
                                "a9",
                                "ORIGINAL",
                                FileExporter.Source.API,
                                "A/x1.jpg",
                                10L,
                                "c2hhMQ==",
                                taken,
                                ExportItem.Outcome.COPIED,
                                null,
                                0,
                                Instant.now()),
                        new ExportItem(
                                id,
                                "x2",
                                "a9",
                                "ORIGINAL",
                                null,
                                null,
                                null,
                                null,
                                null,
                                ExportItem.Outcome.SKIPPED,
                                reason,
                                0,
                                Instant.now()),
                        new ExportItem(
                                id,
                                "x3",
                                "a9",
                                "ORIGINAL",
                                FileExporter.Source.API,
                                "A/x3.jpg",
                                null,
                                null,
                                taken,
                                ExportItem.Outcome.FAILED,
                                "broken",
                                0,
                                Instant.now())));
        List<ExportJobRepository.ItemRow> rows = jobs.albumItems(id, "a9");
        assertEquals(
                List.of(
                        new ExportJobRepository.ItemRow(
                                "x1", "ORIGINAL", "A/x1.jpg", 10L, "c2hhMQ==", taken, "COPIED", null),
                        new ExportJobRepository.ItemRow("x2", "ORIGINAL", null, null, null, null, "SKIPPED", reason)),
                rows,
                "copied and skipped members, texts intact through COPY; not the failed one");

        List<ExportJobRepository.ItemRow> kept = List.of(new ExportJobRepository.ItemRow(
                "k1", "ORIGINAL", "A/k1.jpg", 5L, "a2VwdA==", taken, "IDENTICAL", null));
        jobs.rememberAlbumItems(id, "a9", kept);
        assertEquals(kept, jobs.albumItems(id, "a9"), "kept in memory once the job ended");
    }

    @Test
    void aJobRecordSurvivesTheRoundTrip() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ExportJob saved = jobs.create(new ExportJob("alex", now, "/exports"), List.of(album("a2"), album("a1")));
        assertNotNull(saved.getId());
        saved.setState(ExportJob.State.RUNNING);
        jobs.save(saved);

        ExportJob found = jobs.find(saved.getId()).orElseThrow();
        assertEquals("alex", found.getRequestedBy());
        assertEquals(now, found.getRequestedAt());
        assertEquals(List.of("a2", "a1"), jobs.albumIds(saved.getId()), "in the order chosen");
        assertEquals(ExportJob.State.RUNNING, found.getState());
        assertEquals(saved.getId(), jobs.newestFirst(1, null).get(0).getId());
    }

    private static Album album(String id) {
        return new Album(id, "Album " + id, "", 0, null, null, null, null, null, "u1", "", false);
    }
}
