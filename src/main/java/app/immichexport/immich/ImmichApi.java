package app.immichexport.immich;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** The Immich endpoints this application uses, relative to the server's {@code /api}. */
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface ImmichApi {

    @GET
    @Path("server/version")
    ImmichDtos.ServerVersion serverVersion();

    @GET
    @Path("server/ping")
    ImmichDtos.Ping ping();

    @GET
    @Path("server/features")
    ImmichDtos.ServerFeatures serverFeatures();

    @GET
    @Path("api-keys/me")
    ImmichDtos.ApiKey currentApiKey();

    @GET
    @Path("users/me")
    ImmichDtos.User currentUser();

    /** On 2.x {@code shared=true} lists the albums shared with the key's user; 3.x lists both by default. */
    @GET
    @Path("albums")
    List<ImmichDtos.Album> albums(@QueryParam("shared") Boolean shared);

    @GET
    @Path("albums")
    List<ImmichDtos.Album> albumsWith(@QueryParam("assetId") String assetId, @QueryParam("shared") Boolean shared);

    @GET
    @Path("albums/{id}")
    ImmichDtos.Album album(@PathParam("id") String id);

    @POST
    @Path("albums")
    ImmichDtos.Album createAlbum(ImmichDtos.CreateAlbum album);

    @PUT
    @Path("albums/{id}/assets")
    List<ImmichDtos.BulkIdResult> addAssetsToAlbum(@PathParam("id") String id, ImmichDtos.BulkIds assets);

    /** Every user of the server, as any user sees them ({@code user.read}). */
    @GET
    @Path("users")
    List<ImmichDtos.User> users();

    @PATCH
    @Path("albums/{id}")
    ImmichDtos.Album updateAlbum(@PathParam("id") String id, ImmichDtos.AlbumUpdate update);

    @DELETE
    @Path("albums/{id}")
    void deleteAlbum(@PathParam("id") String id);

    /** Read as it streams in: see {@link SearchAnswer}. */
    @POST
    @Path("search/metadata")
    java.io.InputStream searchMetadata(ImmichDtos.MetadataSearch search);

    @GET
    @Path("assets/{id}")
    ImmichDtos.Asset asset(@PathParam("id") String id);

    @GET
    @Path("assets/{id}/thumbnail")
    @Produces(MediaType.WILDCARD)
    Response thumbnail(@PathParam("id") String id, @QueryParam("size") String size);

    @GET
    @Path("assets/{id}/original")
    @Produces(MediaType.WILDCARD)
    Response original(@PathParam("id") String id, @HeaderParam("Range") String range);

    /** The picture Immich renders from an asset's edits (2.5 and later); the original when it has none. */
    @GET
    @Path("assets/{id}/original")
    @Produces(MediaType.WILDCARD)
    Response edited(
            @PathParam("id") String id, @QueryParam("edited") boolean edited, @HeaderParam("Range") String range);

    /** An asset's edits: crops, rotations, mirrors ({@code asset.edit.get}; 2.5 and later). */
    @GET
    @Path("assets/{id}/edits")
    ImmichDtos.AssetEdits edits(@PathParam("id") String id);

    /** The key user's stacks, each with its primary asset and members ({@code stack.read}). */
    @GET
    @Path("stacks")
    List<ImmichDtos.Stack> stacks();

    @PUT
    @Path("assets/copy")
    void copyAsset(ImmichDtos.AssetCopy copy);

    @PUT
    @Path("assets/{id}")
    ImmichDtos.Asset updateAsset(@PathParam("id") String id, ImmichDtos.AssetUpdate update);

    @PUT
    @Path("tags/assets")
    ImmichDtos.TagAssetsResult tagAssets(ImmichDtos.TagAssets tagging);

    /** Queues a scan; Immich imports in the background. Needs an administrator's key with {@code library.update}. */
    @POST
    @Path("libraries/{id}/scan")
    void scanLibrary(@PathParam("id") String id);

    /** Every external library; Immich answers only an administrator's key with {@code library.read}. */
    /** The key user's tags, each with its whole path ({@code tag.read}). */
    @GET
    @Path("tags")
    List<ImmichDtos.Tag> tags();

    /** A page of the key user's people, the hidden ones too ({@code person.read}). */
    @GET
    @Path("people")
    ImmichDtos.People people(
            @QueryParam("page") int page, @QueryParam("size") int size, @QueryParam("withHidden") boolean withHidden);

    @GET
    @Path("people/{id}/thumbnail")
    @Produces(MediaType.WILDCARD)
    Response personThumbnail(@PathParam("id") String id);

    /** An asset's faces with their boxes and people ({@code face.read}). */
    @GET
    @Path("faces")
    List<ImmichDtos.Face> faces(@QueryParam("id") String assetId);

    @GET
    @Path("libraries")
    List<ImmichDtos.Library> libraries();

    @GET
    @Path("asset-files/{id}/download")
    @Produces(MediaType.WILDCARD)
    @Since(major = 3, minor = 2)
    Response downloadAssetFile(@PathParam("id") String id);
}
