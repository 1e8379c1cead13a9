package app.immichexport.export.copy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Tells, in the readiness response, when the upload folder is set but Immich's originals were not
 * found in it. It stays up: exports still work, by downloading from Immich.
 */
@Readiness
@ApplicationScoped
public class UploadFolderReadiness implements HealthCheck {

    @Inject
    UploadFolders folders;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response =
                HealthCheckResponse.named("upload-folder").up().withData("set", folders.isSet());
        if (folders.warning().isPresent()) {
            // probes are anonymous: no folder and no Immich path is named here
            response.withData(
                    "warning",
                    "IMMICH_UPLOAD_DIR is set, but Immich's originals were not found in it at the "
                            + "latest look: exports download them from Immich instead");
        }
        return response.build();
    }
}
