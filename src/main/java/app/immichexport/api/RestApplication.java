package app.immichexport.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The JSON API for automations; every path is below {@code /api}. */
@ApplicationPath("api")
public class RestApplication extends Application {
}
