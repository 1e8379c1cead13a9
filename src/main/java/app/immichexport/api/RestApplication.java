package app.immichexport.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The JSON API for automations; every path is below {@code /api}, described at {@code /api/openapi}. */
@ApplicationPath("api")
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Immich Album Export",
                        version = "1",
                        description =
                                "Export Immich albums into folders: albums, export jobs, their files and the changes made in Immich"))
public class RestApplication extends Application {}
