package app.immichexport.it.support;

import app.immichexport.account.StaleCallerIT;
import app.immichexport.mirror.MirrorScheduleIT;
import app.immichexport.export.record.ExportJobPersistenceIT;
import java.io.File;
import org.eu.ingwar.tools.arquillian.extension.suite.annotations.ArquillianSuiteDeployment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** One deployment of the real, packaged application, shared by every integration test class. */
@ArquillianSuiteDeployment
public class Deployments {

    /** Keeps the upload folder from looking empty (an empty one stops mirror pruning). */
    public static final java.nio.file.Path UPLOAD_MARKER = java.nio.file.Path.of("target/it-upload/mounted");

    @Deployment(testable = true)
    public static WebArchive application() throws java.io.IOException {
        // A fresh database, export root and upload folder for every run (DATA_DIR, EXPORT_ROOTS and
        // IMMICH_UPLOAD_DIR, see pom.xml); the folders must exist, or the application refuses to start.
        deleteRecursively(java.nio.file.Path.of("target/it-data"));
        deleteRecursively(java.nio.file.Path.of("target/it-exports"));
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/it-exports"));
        deleteRecursively(java.nio.file.Path.of("target/it-upload"));
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/it-upload"));
        java.nio.file.Files.writeString(UPLOAD_MARKER, "an upload folder that is mounted is not empty");
        // the Immich the application is configured with answers from its first moment, whichever test comes first
        TestImmich.simulator();
        return ShrinkWrap.create(ZipImporter.class, "ROOT.war").importFrom(new File("target/ROOT.war"))
                .as(WebArchive.class)
                .addClass(ExportJobPersistenceIT.class)
                .addClass(MirrorScheduleIT.class)
                .addClass(StaleCallerIT.class);
    }

    private static void deleteRecursively(java.nio.file.Path folder) throws java.io.IOException {
        if (java.nio.file.Files.exists(folder)) {
            try (var paths = java.nio.file.Files.walk(folder)) {
                for (java.nio.file.Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    java.nio.file.Files.delete(path);
                }
            }
        }
    }
}
