package app.immichexport.it.support;

import app.immichexport.account.StaleCallerIT;
import app.immichexport.export.record.ExportJobPersistenceIT;
import app.immichexport.mirror.MirrorScheduleIT;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import org.eu.ingwar.tools.arquillian.extension.suite.annotations.ArquillianSuiteDeployment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** One deployment of the real, packaged application, shared by every integration test class. */
@ArquillianSuiteDeployment
public class Deployments {

    /** Keeps the upload folder from looking empty (an empty one stops mirror pruning). */
    public static final Path UPLOAD_MARKER = Path.of("target/it-upload/mounted");

    @Deployment(testable = true)
    public static WebArchive application() throws IOException {
        // A fresh database, export root and upload folder for every run (DATA_DIR, EXPORT_ROOTS and
        // IMMICH_UPLOAD_DIR, see pom.xml); the folders must exist, or the application refuses to start.
        deleteRecursively(Path.of("target/it-data"));
        deleteRecursively(Path.of("target/it-exports"));
        Files.createDirectories(Path.of("target/it-exports"));
        deleteRecursively(Path.of("target/it-upload"));
        Files.createDirectories(Path.of("target/it-upload"));
        Files.writeString(UPLOAD_MARKER, "an upload folder that is mounted is not empty");
        // the Immich the application is configured with answers from its first moment, whichever test comes first
        TestImmich.simulator();
        return ShrinkWrap.create(ZipImporter.class, "ROOT.war")
                .importFrom(new File("target/ROOT.war"))
                .as(WebArchive.class)
                .addClass(ExportJobPersistenceIT.class)
                .addClass(MirrorScheduleIT.class)
                .addClass(StaleCallerIT.class);
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (var paths = Files.walk(folder)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
