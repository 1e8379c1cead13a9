package app.immichexport.exportroot;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while every export root is mounted and writable; names no folder. */
@Readiness
@ApplicationScoped
public class ExportRootsHealth implements HealthCheck {

    @Inject
    ExportRoots roots;

    @Override
    public HealthCheckResponse call() {
        try {
            boolean all = roots.all().stream()
                    .map(r -> Path.of(r.getPath()))
                    .allMatch(root -> Files.isDirectory(root) && Files.isWritable(root));
            return HealthCheckResponse.named("export-roots").status(all).build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.down("export-roots");
        }
    }
}
