package app.immichexport.exportroot;

import app.immichexport.account.AccountException;
import app.immichexport.security.Caller;
import app.immichexport.security.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Export roots: each caller lists those they may use; administrators manage them. */
@Path("roots")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Export roots")
public class ExportRootResource {

    @Inject
    CurrentCaller caller;

    @Inject
    ExportRoots roots;

    /** @param library the Immich external library Immich imports the root's files into; null when not linked */
    public record RootView(long id, String path, boolean restricted, Set<Long> userIds, LibraryLink library) {
        static RootView of(ExportRoot r) {
            return new RootView(
                    r.getId(),
                    r.getPath(),
                    r.isRestricted(),
                    r.getUsers(),
                    r.library().orElse(null));
        }

        /** As a user sees it: who else may use the root is the administrators' business. */
        RootView seenBy(Caller viewer) {
            return viewer.isAdmin()
                    ? this
                    : new RootView(
                            id,
                            path,
                            restricted,
                            userIds.contains(viewer.id()) ? Set.of(viewer.id()) : Set.of(),
                            library);
        }
    }

    /** @param proposedPath where Immich likely sees the root; null when no import path suggests one */
    public record LibraryView(
            String id,
            String name,
            String ownerId,
            List<String> importPaths,
            List<String> exclusionPatterns,
            String proposedPath) {}

    public record Link(String libraryId, String immichPath) {}

    public record NewRoot(String path) {}

    public record Access(boolean restricted, Set<Long> userIds) {}

    @GET
    @Operation(summary = "The export roots the caller may write to")
    public List<RootView> usable() {
        Caller viewer = caller.get();
        return roots.usableBy(viewer).stream()
                .map(r -> RootView.of(r).seenBy(viewer))
                .toList();
    }

    @POST
    @Operation(summary = "Add an export root (administrators)")
    public Response add(NewRoot root) {
        return Response.status(Response.Status.CREATED)
                .entity(RootView.of(roots.add(caller.get(), root == null ? null : root.path())))
                .build();
    }

    @PUT
    @Path("{id}/access")
    @Operation(summary = "Open a root to every user, or restrict it to some (administrators)")
    public Response restrict(@PathParam("id") long id, Access access) {
        roots.restrict(
                caller.get(),
                id,
                access != null && access.restricted(),
                access == null || access.userIds() == null ? Set.of() : access.userIds());
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/libraries")
    @Operation(
            summary = "The Immich external libraries the root could be linked to (administrators with an "
                    + "Immich key that may read libraries)")
    public List<LibraryView> libraries(@PathParam("id") long id) {
        return roots.libraryChoices(caller.get(), id).stream()
                .map(c -> new LibraryView(
                        c.library().id(),
                        c.library().name(),
                        c.library().ownerId(),
                        c.library().importPaths(),
                        c.library().exclusionPatterns(),
                        c.proposedPath().orElse(null)))
                .toList();
    }

    @PUT
    @Path("{id}/library")
    @Operation(
            summary = "Link the root to an Immich external library, with the path under which Immich sees the "
                    + "root (administrators)")
    public RootView link(@PathParam("id") long id, Link link) {
        if (link == null || link.libraryId() == null) {
            throw new AccountException("Give the library's id and the path under which Immich sees the root");
        }
        return RootView.of(roots.link(caller.get(), id, link.libraryId(), link.immichPath()));
    }

    @DELETE
    @Path("{id}/library")
    @Operation(summary = "Unlink the root from its external library (administrators)")
    public RootView unlink(@PathParam("id") long id) {
        return RootView.of(roots.unlink(caller.get(), id));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Remove an export root; no file is deleted (administrators)")
    public Response remove(@PathParam("id") long id) {
        roots.remove(caller.get(), id);
        return Response.noContent().build();
    }
}
