package app.immichexport.album;

import app.immichexport.immich.Album;
import app.immichexport.immich.AlbumMembers;
import app.immichexport.immich.Asset;
import app.immichexport.immich.ImmichServer;
import app.immichexport.immich.ImmichService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Albums and their members as the configured Immich server reports them. */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AlbumResource {

    @Inject
    ImmichService immich;

    @GET
    @Path("server")
    public ImmichServer server() {
        return immich.server();
    }

    @GET
    @Path("albums")
    public List<Album> albums() {
        return immich.albums();
    }

    /** {@code complete} is false when Immich returned fewer members than the album's asset count. */
    public record MembersView(Album album, int returned, boolean complete, List<Asset> assets) {
    }

    @GET
    @Path("albums/{id}/assets")
    public MembersView members(@PathParam("id") String id) {
        AlbumMembers members = immich.members(id);
        return new MembersView(members.album(), members.assets().size(), members.isComplete(), members.assets());
    }
}
