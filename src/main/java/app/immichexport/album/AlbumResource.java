package app.immichexport.album;

import app.immichexport.account.ImmichKeys;
import app.immichexport.immich.Album;
import app.immichexport.immich.AlbumMembers;
import app.immichexport.immich.Asset;
import app.immichexport.immich.ImmichConnection;
import app.immichexport.immich.ImmichServer;
import app.immichexport.immich.ImmichService;
import app.immichexport.security.CurrentCaller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;

/** Albums and their members as Immich reports them to the caller's own API key. */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AlbumResource {

    @Inject
    ImmichService immich;

    @Inject
    ImmichKeys keys;

    @Inject
    CurrentCaller caller;

    @GET
    @Path("server")
    public ImmichServer server() {
        return immich.server(client());
    }

    @GET
    @Path("albums")
    public List<Album> albums() {
        return immich.albums(client());
    }

    /** {@code complete} is false when Immich returned fewer members than the album's asset count. */
    public record MembersView(Album album, int returned, boolean complete, List<AssetView> assets) {}

    /** An asset as the API shows it. */
    public record AssetView(
            String id,
            String originalFileName,
            String originalPath,
            Asset.AssetType type,
            Instant capturedAt,
            Instant fileModifiedAt,
            String checksumSha1,
            long size,
            String libraryId,
            boolean trashed,
            boolean offline,
            String visibility,
            String livePhotoVideoId,
            String ownerId,
            String mimeType,
            Instant updatedAt,
            String editedLook) {

        static AssetView of(Asset asset) {
            return new AssetView(
                    asset.id(),
                    asset.originalFileName(),
                    asset.originalPath(),
                    asset.type(),
                    asset.capturedAt(),
                    asset.fileModifiedAt(),
                    asset.checksumSha1(),
                    asset.size(),
                    asset.libraryId(),
                    asset.trashed(),
                    asset.offline(),
                    asset.visibility(),
                    asset.livePhotoVideoId(),
                    asset.ownerId(),
                    asset.mimeType(),
                    asset.updatedAt(),
                    asset.editedLook());
        }
    }

    @GET
    @Path("albums/{id}/assets")
    public MembersView members(@PathParam("id") String id) {
        AlbumMembers members = immich.members(client(), id);
        return new MembersView(
                members.album(),
                members.assets().size(),
                members.isComplete(),
                members.assets().stream().map(AssetView::of).toList());
    }

    private ImmichConnection client() {
        return keys.client(caller.get());
    }
}
