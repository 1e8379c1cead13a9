package app.immichexport.immich;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.reflect.Type;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * A connection to one Immich server with one API key. Handles the differences between the
 * Immich lines it supports; nothing outside this package needs to know them.
 */
class ImmichClient implements AutoCloseable {

    static final int PAGE_SIZE = 1000;

    /** The calls not made through {@link ImmichApi}: see {@link #deleteWithBody}. */
    static final String TRASH_METHOD = "DELETE";

    static final String TRASH_PATH = "assets";

    static final String ALBUM_ASSETS_PATH = "albums/{id}/assets";

    /** The other call not made through {@link ImmichApi}: see {@link #sidecar}. Immich 3.2 and later. */
    static final String SIDECAR_PATH = "asset-files";

    private static final Type ASSET_FILES =
            new ArrayList<ImmichDtos.AssetFile>() {}.getClass().getGenericSuperclass();
    private static final Jsonb JSON = JsonbBuilder.create();
    /** {@code []} with any of JSON's own white space around and inside it. */
    private static final Pattern EMPTY_LIST = Pattern.compile("[ \\t\\r\\n]*\\[[ \\t\\r\\n]*][ \\t\\r\\n]*");

    private final String url;
    private final String apiKey;
    private final ImmichApi api;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ImmichClient(String url, String apiKey) {
        this.url = url;
        this.apiKey = apiKey;
        this.api = RestClientBuilder.newBuilder()
                .baseUri(apiBase(url))
                .connectTimeout(5, TimeUnit.SECONDS)
                .readTimeout(60, TimeUnit.SECONDS)
                .register(new ApiKeyFilter(apiKey))
                // the JDK's HttpURLConnection, under Payara's client, knows no PATCH (an album's cover)
                .property("jersey.config.client.httpUrlConnection.setMethodWorkaround", true)
                .build(ImmichApi.class);
    }

    /** Users give the address they open Immich at; the API lives below {@code /api}. */
    static URI apiBase(String url) {
        String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        return URI.create(base.endsWith("/api") ? base + "/" : base + "/api/");
    }

    public String url() {
        return url;
    }

    /** Reads the version and the key's permissions; refuses servers older than 2.0. */
    public ImmichServer server(boolean demo) {
        ImmichVersion serverVersion = version();
        ImmichDtos.ApiKey key = call("read the API key's permissions", api::currentApiKey);
        return new ImmichServer(url, serverVersion, demo, key.name(), ImmichTranslator.permissions(key));
    }

    /** Read on every use, not remembered: Immich may be upgraded while this application runs. */
    public ImmichVersion version() {
        ImmichVersion version = ImmichTranslator.version(call("read the server version", api::serverVersion));
        if (!version.isSupported()) {
            throw new UnsupportedImmichVersionException(url, version);
        }
        return version;
    }

    /** Whether the server answers; 2.x and 3.x differ in the body, so only the success counts. */
    public boolean ping() {
        call("ping the server", api::ping);
        return true;
    }

    /** Owned albums and albums shared with the key's user, each once. */
    public List<Album> albums() {
        return albums(version());
    }

    /** @param version the server's, read just before by the caller */
    public List<Album> albums(ImmichVersion version) {
        Map<String, Album> albums = new LinkedHashMap<>();
        boolean twoX = version.albumsListAssets();
        List<ImmichDtos.Album> listed = new ArrayList<>(call("list albums", () -> api.albums(null)));
        if (twoX) {
            // 2.x lists only owned albums unless asked for the shared ones.
            listed.addAll(call("list shared albums", () -> api.albums(true)));
        }
        listed.forEach(dto -> albums.putIfAbsent(dto.id(), ImmichTranslator.album(dto)));
        return List.copyOf(albums.values());
    }

    /**
     * Every member of the album. 3.x: paged through {@code POST /search/metadata}. 2.x: that search
     * returns only the key owner's assets, which loses other people's photos in a shared album, but
     * {@code GET /albums/{id}} still lists every member there.
     */
    public AlbumMembers members(Album album) {
        return members(album, version());
    }

    /** @param version the server's, read just before by the caller */
    public AlbumMembers members(Album album, ImmichVersion version) {
        if (version.albumsListAssets()) {
            List<ImmichDtos.Asset> listed = call(
                            "list the members of album " + album.name(), () -> api.album(album.id()))
                    .assets();
            return new AlbumMembers(
                    album,
                    listed == null
                            ? List.of()
                            : listed.stream().map(ImmichTranslator::asset).toList());
        }
        Map<String, Asset> assets = new LinkedHashMap<>();
        String what = "list the members of album " + album.name();
        int page = 1;
        while (true) {
            if (Thread.currentThread().isInterrupted()) {
                throw new ImmichException("Interrupted while asked to " + what, null);
            }
            ImmichDtos.MetadataSearch search =
                    new ImmichDtos.MetadataSearch(List.of(album.id()), page, PAGE_SIZE, true, null, null, null);
            SearchAnswer.Page answer;
            try {
                answer = call(what, () -> SearchAnswer.read(api.searchMetadataAnswer(search)));
            } catch (JsonException e) {
                throw new ImmichException("Immich's answer made no sense when trying to " + what, e);
            } catch (java.io.UncheckedIOException e) {
                throw new ImmichUnreachableException(
                        "Immich's answer broke off at " + url + " (could not " + what + ")", e);
            }
            answer.items().forEach(dto -> assets.putIfAbsent(dto.id(), ImmichTranslator.asset(dto)));
            Integer next = nextPage(answer.nextPage());
            if (next == null || next <= page) {
                return new AlbumMembers(album, List.copyOf(assets.values()));
            }
            page = next;
        }
    }

    /**
     * The album's members with their exif and the people in them: what a full sidecar holds, a
     * thousand at a time. 2.x searches only the key owner's assets; others' photos of a shared album
     * are left out.
     */
    public List<AssetMetadata> albumMetadata(String albumId) {
        List<AssetMetadata> found = new ArrayList<>();
        searchAll(
                "read the metadata of album " + albumId,
                page -> new ImmichDtos.MetadataSearch(
                        List.of(albumId), page, PAGE_SIZE, true, null, null, null, true, null),
                dto -> found.add(ImmichTranslator.metadata(dto)));
        return found;
    }

    /**
     * Whether Immich takes the names of the people in face regions from the files it imports (its
     * administrator's "Import faces from metadata"): told to everyone, so no administrator's key is needed.
     */
    public boolean importsFaces() {
        return call("read the server's features", api::serverFeatures).importFaces();
    }

    /** The key user's tags, each with its whole path ({@code tag.read}). */
    public List<TagPath> tags() {
        return call("list the tags (tag.read)", api::tags).stream()
                .filter(t -> t.value() != null)
                .map(t -> new TagPath(t.id(), t.value()))
                .toList();
    }

    /** The ids of the key user's assets that have the tag, or a tag below it, as Immich matches tags. */
    public Set<String> taggedAssetIds(String tagId) {
        Set<String> ids = new HashSet<>();
        searchAll(
                "search the assets tagged " + tagId,
                page -> new ImmichDtos.MetadataSearch(
                        null, page, PAGE_SIZE, false, null, null, null, null, List.of(tagId)),
                dto -> ids.add(dto.id()));
        return ids;
    }

    /** The people recognised in an asset, each with the boxes of their faces ({@code face.read}). */
    public List<AssetMetadata.Person> faces(String assetId) {
        Map<String, List<AssetMetadata.FaceBox>> boxes = new LinkedHashMap<>();
        Map<String, ImmichDtos.Person> people = new LinkedHashMap<>();
        for (ImmichDtos.Face face :
                call("read the faces of asset " + assetId + " (face.read)", () -> api.faces(assetId))) {
            if (face.person() != null && face.person().id() != null) {
                people.putIfAbsent(face.person().id(), face.person());
                boxes.computeIfAbsent(face.person().id(), id -> new ArrayList<>())
                        .add(ImmichTranslator.box(face));
            }
        }
        return people.values().stream()
                .map(p -> new AssetMetadata.Person(
                        p.id(), p.name(), Boolean.TRUE.equals(p.isHidden()), boxes.get(p.id())))
                .toList();
    }

    /** Every page of a search, each asset handed on. */
    private void searchAll(
            String what,
            java.util.function.IntFunction<ImmichDtos.MetadataSearch> request,
            java.util.function.Consumer<ImmichDtos.Asset> each) {
        int page = 1;
        while (true) {
            if (Thread.currentThread().isInterrupted()) {
                throw new ImmichException("Interrupted while asked to " + what, null);
            }
            int current = page;
            ImmichDtos.AssetPage result =
                    call(what, () -> api.searchMetadata(request.apply(current))).assets();
            result.items().forEach(each);
            Integer next = nextPage(result.nextPage());
            if (next == null || next <= current) {
                return;
            }
            page = next;
        }
    }

    private static Integer nextPage(String nextPage) {
        if (nextPage == null || nextPage.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(nextPage.trim());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    /** Asks Immich to scan an external library; it imports in the background. */
    public void scanLibrary(String libraryId) {
        call("scan the external library (an administrator's key with library.update)", () -> {
            api.scanLibrary(libraryId);
            return null;
        });
    }

    /**
     * The key user's assets of an external library below a folder as Immich sees it. Immich matches
     * {@code originalPath} anywhere in the path, so the folder is checked here.
     */
    public List<Asset> libraryAssets(String libraryId, String folder) {
        String prefix = folder.endsWith("/") ? folder : folder + "/";
        List<Asset> found = new ArrayList<>();
        searchAll(
                "search the external library's assets",
                page -> new ImmichDtos.MetadataSearch(null, page, PAGE_SIZE, true, null, libraryId, prefix),
                dto -> {
                    Asset asset = ImmichTranslator.asset(dto);
                    if (asset.originalPath() != null && asset.originalPath().startsWith(prefix)) {
                        found.add(asset);
                    }
                });
        return found;
    }

    public AssetDetails details(String assetId) {
        return ImmichTranslator.details(call("read asset " + assetId, () -> api.asset(assetId)));
    }

    /**
     * Gives the target the source's favourite and sidecar and, with {@code everything}, its albums,
     * shared links and stack too.
     */
    public void copyAsset(String sourceId, String targetId, boolean everything) {
        call("copy what belongs to asset " + sourceId + " to " + targetId, () -> {
            api.copyAsset(new ImmichDtos.AssetCopy(sourceId, targetId, everything, true, everything, true, everything));
            return null;
        });
    }

    /** Sets the changed details on the asset and adds the tags it lacks. */
    public void updateAsset(String assetId, AssetDetails changes) {
        if (changes.changesFields()) {
            call(
                    "update asset " + assetId,
                    () -> api.updateAsset(
                            assetId,
                            new ImmichDtos.AssetUpdate(
                                    changes.description(),
                                    changes.rating(),
                                    changes.capturedAt() == null
                                            ? null
                                            : changes.capturedAt().toString(),
                                    changes.latitude(),
                                    changes.longitude(),
                                    changes.visibility(),
                                    changes.favorite(),
                                    null)));
        }
        if (!changes.tagIds().isEmpty()) {
            call(
                    "tag asset " + assetId + " (tag.asset)",
                    () -> api.tagAssets(new ImmichDtos.TagAssets(changes.tagIds(), List.of(assetId))));
        }
    }

    /** Makes a video the motion part of a still, as Immich links a live photo's two files. */
    public void linkMotionPart(String stillId, String motionId) {
        call(
                "link the motion part " + motionId + " to " + stillId,
                () -> api.updateAsset(
                        stillId, new ImmichDtos.AssetUpdate(null, null, null, null, null, null, null, motionId)));
    }

    /** Shows the asset as the album's cover. */
    public void setAlbumCover(String albumId, String assetId) {
        call(
                "set the cover of album " + albumId + " (album.update)",
                () -> api.updateAlbum(albumId, new ImmichDtos.AlbumUpdate(assetId)));
    }

    /**
     * Creates an album of the key's user holding the assets, shared with the users. Immich leaves out
     * silently the assets the user may not share.
     */
    public Album createAlbum(String name, String description, List<String> assetIds, List<AlbumUser> users) {
        List<ImmichDtos.AlbumUserAdd> shares = users.stream()
                .map(u -> new ImmichDtos.AlbumUserAdd(u.id(), u.role()))
                .toList();
        return ImmichTranslator.album(call(
                "create the album " + name + " (album.create)",
                () -> api.createAlbum(new ImmichDtos.CreateAlbum(name, description, assetIds, shares))));
    }

    /** Adds assets to an album; returns how many it did not hold before. */
    public int addToAlbum(String albumId, List<String> assetIds) {
        List<ImmichDtos.BulkIdResult> results = call(
                "add assets to album " + albumId + " (albumAsset.create)",
                () -> api.addAssetsToAlbum(albumId, new ImmichDtos.BulkIds(assetIds)));
        return (int)
                results.stream().filter(r -> Boolean.TRUE.equals(r.success())).count();
    }

    /** The ids of every user of the server. */
    public Set<String> userIds() {
        Set<String> ids = new HashSet<>();
        call("list the users (user.read)", api::users).forEach(u -> ids.add(u.id()));
        return ids;
    }

    /** The ids of the albums holding the asset that the key's user owns or shares. */
    public Set<String> albumIdsOf(String assetId, ImmichVersion version) {
        Set<String> ids = new HashSet<>();
        call("list the albums of asset " + assetId, () -> api.albumsWith(assetId, null))
                .forEach(a -> ids.add(a.id()));
        if (version.albumsListAssets()) {
            call("list the shared albums of asset " + assetId, () -> api.albumsWith(assetId, true))
                    .forEach(a -> ids.add(a.id()));
        }
        return ids;
    }

    /** Every external library, as an administrator's key with {@code library.read} sees them. */
    public List<Library> libraries() {
        return call("list the external libraries (an administrator's key with library.read)", api::libraries).stream()
                .map(dto -> new Library(
                        dto.id(),
                        dto.name(),
                        dto.ownerId(),
                        dto.importPaths() == null ? List.of() : List.copyOf(dto.importPaths()),
                        dto.exclusionPatterns() == null ? List.of() : List.copyOf(dto.exclusionPatterns())))
                .toList();
    }

    /** The key's user, when the key may tell ({@code user.read}); empty otherwise. */
    public Optional<String> currentUserId() {
        try {
            return Optional.ofNullable(api.currentUser().id());
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 403) {
                return Optional.empty();
            }
            throw translate("read the key's user", e.getResponse().getStatus(), e);
        } catch (ProcessingException e) {
            throw new ImmichUnreachableException(
                    "Immich is not reachable at " + url + " (could not read the key's user)", e);
        }
    }

    /** Moves assets to Immich's trash (not deleted for good). */
    public void trash(List<String> assetIds) {
        deleteWithBody(
                TRASH_PATH, JSON.toJson(new ImmichDtos.AssetBulkDelete(assetIds, false)), "move assets to the trash");
    }

    /** Takes assets out of an album; they stay in the library. */
    public void removeFromAlbum(String albumId, List<String> assetIds) {
        deleteWithBody(
                ALBUM_ASSETS_PATH.replace("{id}", albumId),
                JSON.toJson(new ImmichDtos.BulkIds(assetIds)),
                "take assets out of album " + albumId + " (albumAsset.delete)");
    }

    /**
     * Immich takes the ids of some DELETEs in the request's body, which the REST client drops, so these
     * calls go through the JDK's HTTP client.
     */
    private void deleteWithBody(String path, String body, String what) {
        HttpRequest request = HttpRequest.newBuilder(apiBase(url).resolve(path))
                .timeout(Duration.ofSeconds(60))
                .header("x-api-key", apiKey)
                .header("Content-Type", "application/json")
                .method("DELETE", HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ImmichUnreachableException("Immich is not reachable at " + url + " (could not " + what + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImmichException("Interrupted while asked to " + what, e);
        }
        if (response.statusCode() >= 300) {
            throw translate(
                    what,
                    response.statusCode(),
                    new WebApplicationException(Response.status(response.statusCode())
                            .entity(response.body())
                            .build()));
        }
    }

    /** Deletes an album; its assets stay in the library. */
    public void deleteAlbum(String albumId) {
        call("delete album " + albumId, () -> {
            api.deleteAlbum(albumId);
            return null;
        });
    }

    public Asset asset(String id) {
        return ImmichTranslator.asset(call("read asset " + id, () -> api.asset(id)));
    }

    /** A small preview image of the asset, as Immich renders it. */
    public Thumbnail thumbnail(String assetId) {
        return call("load a thumbnail", () -> {
            try (Response response = api.thumbnail(assetId, "thumbnail")) {
                String type = response.getMediaType() == null
                        ? "image/jpeg"
                        : response.getMediaType().toString();
                try (InputStream body = response.readEntity(InputStream.class)) {
                    return new Thumbnail(type, body.readAllBytes());
                } catch (IOException e) {
                    throw new ProcessingException(e);
                }
            }
        });
    }

    /**
     * The original's bytes from {@code offset} on, streamed; the caller closes the stream.
     *
     * @throws java.io.IOException when Immich cannot be reached or refuses
     */
    public InputStream openOriginal(String assetId, long offset) throws IOException {
        return open(
                "download asset " + assetId,
                offset,
                () -> api.original(assetId, offset > 0 ? "bytes=" + offset + "-" : null));
    }

    /**
     * An asset's XMP sidecar, when the server offers asset files (3.2 and later) and the asset has one.
     * Immich tells it one asset at a time, so an export of ten thousand photos asks ten thousand
     * times: the question goes to Immich straight over the JDK's connection, the one the REST client
     * uses underneath, as the client's own machinery costs several times the question (0.85 ms of
     * processor time per question through it, against about 0.15 ms without it, on 2 cores).
     */
    public Optional<Sidecar> sidecar(String assetId) {
        String what = "list the files of asset " + assetId;
        URI address = apiBase(url)
                .resolve(SIDECAR_PATH + "?assetId=" + URLEncoder.encode(assetId, StandardCharsets.UTF_8)
                        + "&type=sidecar");
        List<ImmichDtos.AssetFile> files;
        try {
            HttpURLConnection connection = (HttpURLConnection) address.toURL().openConnection();
            connection.setConnectTimeout((int) TimeUnit.SECONDS.toMillis(5));
            connection.setReadTimeout((int) TimeUnit.SECONDS.toMillis(60));
            connection.setRequestProperty("x-api-key", apiKey);
            connection.setRequestProperty("Accept", "application/json");
            int status = connection.getResponseCode();
            if (status >= 300) {
                // read to its end, so that the connection is kept for the next question
                InputStream error = connection.getErrorStream();
                String body = error == null ? "" : new String(error.readAllBytes(), StandardCharsets.UTF_8);
                if (error != null) {
                    error.close();
                }
                throw translate(
                        what,
                        status,
                        new WebApplicationException(
                                Response.status(status).entity(body).build()));
            }
            try (InputStream body = connection.getInputStream()) {
                files = assetFiles(body.readAllBytes());
            }
        } catch (IOException e) {
            throw new ImmichUnreachableException(
                    "Immich is not reachable at " + url + " (could not " + what
                            + "): check IMMICH_URL and that the server is running",
                    e);
        } catch (JsonbException e) {
            throw new ImmichException("Immich's answer made no sense when trying to " + what, e);
        }
        return (files == null ? List.<ImmichDtos.AssetFile>of() : files)
                .stream()
                        .filter(f -> "sidecar".equals(f.type()))
                        .findFirst()
                        .map(f -> new Sidecar(assetId, f.id(), f.path()));
    }

    /**
     * Most photos have no sidecar, and Immich then answers {@code []}: read without a JSON binding,
     * which would otherwise cost more than the rest of the question.
     */
    static List<ImmichDtos.AssetFile> assetFiles(byte[] answer) {
        if (EMPTY_LIST.matcher(new String(answer, StandardCharsets.UTF_8)).matches()) {
            return List.of();
        }
        return JSON.fromJson(new ByteArrayInputStream(answer), ASSET_FILES);
    }

    /** Immich sends asset files whole: a download cut short is started again, never resumed. */
    public InputStream openAssetFile(String fileId, long offset) throws IOException {
        if (offset > 0) {
            throw new IOException("Immich does not resume downloads of asset files");
        }
        return open("download asset file " + fileId, 0, () -> api.downloadAssetFile(fileId));
    }

    private InputStream open(String what, long offset, Supplier<Response> request) throws IOException {
        Response response;
        try {
            response = request.get();
        } catch (WebApplicationException e) {
            throw new IOException(
                    translate(what, e.getResponse().getStatus(), e).getMessage(), e);
        } catch (ProcessingException e) {
            throw new IOException("Immich is not reachable at " + url + ": " + e.getMessage(), e);
        }
        if (offset > 0 && response.getStatus() != 206) {
            response.close();
            throw new IOException("Immich did not resume the download at byte " + offset);
        }
        InputStream body = response.readEntity(InputStream.class);
        return new FilterInputStream(body) {
            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    response.close();
                }
            }
        };
    }

    private <T> T call(String what, Supplier<T> request) {
        try {
            return request.get();
        } catch (WebApplicationException e) {
            throw translate(what, e.getResponse().getStatus(), e);
        } catch (ProcessingException e) {
            throw new ImmichUnreachableException(
                    "Immich is not reachable at " + url + " (could not " + what
                            + "): check IMMICH_URL and that the server is running",
                    e);
        }
    }

    private ImmichException translate(String what, int status, Exception cause) {
        return switch (status) {
            case 401 ->
                new ImmichException(
                        "Immich at " + url + " rejected the API key (401) when trying to " + what
                                + ": check the Immich API key in Settings",
                        cause);
            case 403 ->
                new ImmichException(
                        "The Immich API key may not " + what + " (403): give the key the "
                                + "permissions listed in the README",
                        cause);
            case 404 ->
                new ImmichException(
                        "Immich at " + url + " does not know what we asked for when trying to " + what + " (404)",
                        cause);
            default ->
                status >= 500
                        ? new ImmichUnreachableException(
                                "Immich at " + url + " failed to " + what + " (HTTP " + status + ")", cause)
                        : new ImmichException(
                                "Immich at " + url + " refused to " + what + " (HTTP " + status + ")"
                                        + immichMessage(cause),
                                cause);
        };
    }

    /** Immich explains a refusal in the body's {@code message}; worth passing on. */
    private static String immichMessage(Exception cause) {
        if (!(cause instanceof WebApplicationException web)) {
            return "";
        }
        try {
            String body = web.getResponse().readEntity(String.class);
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                JsonValue message = reader.readObject().get("message");
                return message == null ? "" : ": " + message.toString().replace("\"", "");
            }
        } catch (RuntimeException unreadable) {
            return "";
        }
    }

    @Override
    public void close() {
        if (api instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // closing an HTTP client frees resources only; nothing to report
            }
        }
    }
}
