package app.immichexport.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The API's OpenAPI description, generated from its annotations when the application is built. */
@Path("openapi")
public class OpenApiResource {

    static final String DOCUMENT = "openapi.yaml";

    @GET
    @Produces("application/yaml")
    @Operation(summary = "This description of the API, in OpenAPI's YAML")
    public String describe() {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new NotFoundException("The API description was not built into this package");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
