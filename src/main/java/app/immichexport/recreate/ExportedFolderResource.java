package app.immichexport.recreate;

import app.immichexport.api.ErrorResponse;
import app.immichexport.security.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The folders albums were exported into below linked roots, and albums re-created from them. */
@Path("exported-folders")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Exported folders")
public class ExportedFolderResource {

    @Inject
    CurrentCaller caller;

    @Inject
    AlbumRecreation recreation;

    @Inject
    FolderCatalog catalog;

    /**
     * @param folder  below the root, as {@code GET /exported-folders} names it
     * @param albumId the album exported there ({@code exportedFrom}); needed only when several were
     */
    public record FolderChoice(String root, String folder, String albumId) {}

    @GET
    @Operation(
            summary = "The folders below roots linked to an external library that the caller's jobs exported "
                    + "albums into, and whether each album is still in Immich")
    public List<ExportedFolder> folders() {
        return catalog.folders(caller.get());
    }

    @POST
    @Path("album")
    @Operation(
            summary = "Re-create a deleted album from its exported folder: the folder's assets in the external "
                    + "library, the old name, description and sharing; asked again, adds what the album lacks")
    public Response recreate(FolderChoice choice) {
        if (choice == null || choice.root() == null) {
            throw new RecreateRefusedException("Give the export root and the folder below it");
        }
        AlbumRecreation.Result result =
                recreation.recreate(caller.get(), choice.root(), choice.folder(), choice.albumId());
        return Response.status(result.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(result)
                .build();
    }

    @Provider
    public static class RefusedMapper implements ExceptionMapper<RecreateRefusedException> {
        @Override
        public Response toResponse(RecreateRefusedException e) {
            return ErrorResponse.of(Response.Status.BAD_REQUEST.getStatusCode(), e.getMessage());
        }
    }
}
