package app.immichexport.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for an Immich server, bound to loopback: the endpoints this application uses, with
 * Immich's authentication, permissions, paging and per-line response shapes, plus injectable faults.
 */
public final class ImmichSimulator implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ImmichSimulator.class.getName());

    /** One request and its answer, kept for tests that check the simulator against the contract. */
    public record Exchange(
            String method, String route, String requestBody, int status, String dto, String responseBody) {}

    /** @param onlyOn the one line that offers the endpoint, or null when both do */
    private record Route(
            String method,
            Pattern pattern,
            String template,
            String permission,
            Reply.Handler handler,
            ImmichLine onlyOn) {}

    private final SimulatedLibrary library;
    private final HandoverRoutes handover;
    private final MetadataRoutes metadata;
    private final AlbumRoutes albumRoutes;
    private final Map<String, AtomicLong> answeringNanos = new ConcurrentHashMap<>();
    private final Faults faults = new Faults();
    private final MetadataSearch.LastOrder searchOrder = new MetadataSearch.LastOrder();
    private final List<Route> routes = new ArrayList<>();
    private final List<Exchange> exchanges = Collections.synchronizedList(new ArrayList<>());
    private final Map<HttpExchange, Instant> inFlight = new ConcurrentHashMap<>();
    private final Thumbnails thumbnails = new Thumbnails();
    private final HttpServer server;
    private final ExecutorService executor;
    private volatile ImmichLine line;
    private volatile boolean recording;

    static {
        // Immich's server (Node) sends small replies at once; the JDK server otherwise waits on
        // Nagle's algorithm and the client's delayed acknowledgement, about 40 ms per request.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private ImmichSimulator(ImmichLine line, SimulatedLibrary library, int port) throws IOException {
        this.line = line;
        this.library = library;
        this.handover = new HandoverRoutes(library, this::json);
        this.metadata = new MetadataRoutes(library, this::json);
        this.albumRoutes = new AlbumRoutes(library, this::json);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        this.executor = Executors.newFixedThreadPool(8, runnable -> {
            Thread thread = new Thread(runnable, "immich-simulator");
            thread.setDaemon(true);
            return thread;
        });
        defineRoutes();
        server.createContext("/api/", this::dispatch);
        server.setExecutor(executor);
        server.start();
    }

    /** Starts a simulator on 127.0.0.1; port 0 picks a free one. */
    public static ImmichSimulator start(ImmichLine line, SimulatedLibrary library, int port) {
        try {
            return new ImmichSimulator(line, library, port);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the Immich simulator on 127.0.0.1:" + port, e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public Faults faults() {
        return faults;
    }

    public ImmichLine line() {
        return line;
    }

    /** Switches the emulated Immich line; the library stays the same. */
    public void line(ImmichLine newLine) {
        this.line = newLine;
    }

    public void record(boolean on) {
        recording = on;
    }

    public List<Exchange> exchanges() {
        synchronized (exchanges) {
            return List.copyOf(exchanges);
        }
    }

    public void clearExchanges() {
        exchanges.clear();
    }

    private void defineRoutes() {
        route("GET", "/server/version", null, r -> Reply.ok(json().version(), "ServerVersionResponseDto"));
        route("GET", "/server/ping", null, r -> Reply.ok(json().ping(), "ServerPingResponse"));
        route("GET", "/server/features", null, r -> Reply.ok(json().features(), "ServerFeaturesDto"));
        route("GET", "/api-keys/me", "", r -> Reply.ok(json().apiKey(r.key()), "ApiKeyResponseDto"));
        route(
                "GET",
                "/users/me",
                "user.read",
                r -> Reply.ok(json().userAdmin(r.key().userId()), "UserAdminResponseDto"));
        route("GET", "/users", "user.read", albumRoutes::users);
        route("GET", "/albums", "album.read", this::listAlbums);
        route("POST", "/albums", "album.create", albumRoutes::createAlbum);
        route("PUT", "/albums/{id}/assets", "albumAsset.create", albumRoutes::addAssets);
        route("DELETE", "/albums/{id}/assets", "albumAsset.delete", albumRoutes::removeAssets);
        route("GET", "/albums/{id}", "album.read", this::getAlbum);
        route("PATCH", "/albums/{id}", "album.update", handover::updateAlbum);
        route("DELETE", "/albums/{id}", "album.delete", this::deleteAlbum);
        route("POST", "/search/metadata", "asset.read", this::searchMetadata);
        route("GET", "/assets/{id}", "asset.read", this::getAsset);
        route("DELETE", "/assets", "asset.delete", this::deleteAssets);
        route("PUT", "/assets/copy", "asset.copy", handover::copyAsset);
        route("PUT", "/assets/{id}", "asset.update", handover::updateAsset);
        route("GET", "/assets/{id}/thumbnail", "asset.view", this::thumbnail);
        route("GET", "/assets/{id}/original", "asset.download", this::original);
        route("GET", "/assets/{id}/edits", "asset.edit.get", this::edits);
        route("GET", "/stacks", "stack.read", this::stacks);
        route("PUT", "/tags/assets", "tag.asset", handover::tagAssets);
        route("GET", "/tags", "tag.read", metadata::tags);
        route("GET", "/faces", "face.read", metadata::faces);
        route("GET", "/people", "person.read", metadata::people);
        route("GET", "/people/{id}/thumbnail", "person.read", this::personThumbnail);
        route("GET", "/libraries", "library.read", this::listLibraries);
        route("POST", "/libraries/{id}/scan", "library.update", this::scanLibrary);
        // asset files arrived with 3.2: a 2.x server answers 404
        route("GET", "/asset-files", "assetFile.read", this::searchAssetFiles, ImmichLine.V3);
        route("GET", "/asset-files/{id}/download", "assetFile.download", this::downloadAssetFile, ImmichLine.V3);
    }

    private void route(String method, String template, String permission, Reply.Handler handler) {
        route(method, template, permission, handler, null);
    }

    private void route(String method, String template, String permission, Reply.Handler handler, ImmichLine onlyOn) {
        Pattern pattern = Pattern.compile("/api" + template.replace("{id}", "([0-9a-fA-F-]{1,64})"));
        routes.add(new Route(method, pattern, template, permission, handler, onlyOn));
    }

    /** The method and path template of every endpoint the simulator serves on a line. */
    public List<String> endpoints(ImmichLine on) {
        return routes.stream()
                .filter(r -> r.onlyOn() == null || r.onlyOn() == on)
                .map(r -> r.method() + " " + r.template())
                .toList();
    }

    private WireJson json() {
        return new WireJson(line, library);
    }

    /** The requests being answered now, each with when it arrived: what a test that waited in vain looks at. */
    public List<String> inFlight() {
        return inFlight.entrySet().stream()
                .map(e -> e.getKey().getRequestMethod() + " "
                        + e.getKey().getRequestURI().getPath() + " since " + e.getValue())
                .toList();
    }

    /**
     * The time spent answering one kind of request since the start, from its arrival to its answer
     * sent: what a client waited for Immich, as opposed to its own work.
     *
     * @param route as the simulator names it, e.g. {@code /search/metadata}
     */
    public Duration answering(String method, String route) {
        return Duration.ofNanos(answeringNanos
                .getOrDefault(method + " " + route, new AtomicLong())
                .get());
    }

    private void dispatch(HttpExchange http) throws IOException {
        inFlight.put(http, Instant.now());
        long arrived = System.nanoTime();
        String answered = "?";
        try (http) {
            String path = http.getRequestURI().getPath();
            for (Route route : routes) {
                Matcher matcher = route.pattern().matcher(path);
                if (matcher.matches()
                        && route.method().equals(http.getRequestMethod())
                        && (route.onlyOn() == null || route.onlyOn() == line)) {
                    answered = route.template();
                    serve(http, route, matcher);
                    return;
                }
            }
            send(http, "?", null, Reply.status(404, "Cannot " + http.getRequestMethod() + " " + path));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Simulator failed on " + http.getRequestURI(), e);
        } finally {
            inFlight.remove(http);
            answeringNanos
                    .computeIfAbsent(http.getRequestMethod() + " " + answered, k -> new AtomicLong())
                    .addAndGet(System.nanoTime() - arrived);
        }
    }

    private void serve(HttpExchange http, Route route, Matcher matcher) throws IOException {
        String body = new String(http.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        pause(faults.latencyMillis);
        Faults.Failure failure = faults.failNow(!route.method().equals("GET"));
        if (failure == Faults.Failure.INSTEAD) {
            send(http, route.template(), body, injectedFailure());
            return;
        }
        SimulatedLibrary.Key key = null;
        if (route.permission() != null) {
            key = library.key(http.getRequestHeaders().getFirst("x-api-key")).orElse(null);
            if (key == null) {
                send(http, route.template(), body, Reply.status(401, "Invalid API key"));
                return;
            }
            if (!route.permission().isEmpty()
                    && !key.permissions().contains("all")
                    && !key.permissions().contains(route.permission())) {
                send(
                        http,
                        route.template(),
                        body,
                        Reply.status(403, "Missing required permission: " + route.permission()));
                return;
            }
        }
        Reply reply = route.handler().handle(new Request(http, matcher, key, query(http), body));
        if (reply != null) {
            send(http, route.template(), body, failure == Faults.Failure.AFTER ? injectedFailure() : reply);
        }
    }

    private static Reply injectedFailure() {
        return ThreadLocalRandom.current().nextBoolean()
                ? Reply.status(500, "Injected failure")
                : Reply.status(503, "Injected failure: service unavailable");
    }

    private void send(HttpExchange http, String route, String requestBody, Reply reply) throws IOException {
        String text = reply.json() == null
                ? null
                : WireJson.escapeLoneSurrogates(reply.json().toString());
        if (recording) {
            exchanges.add(new Exchange(http.getRequestMethod(), route, requestBody, reply.status(), reply.dto(), text));
        }
        if (text == null) {
            http.sendResponseHeaders(reply.status(), -1);
            return;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        http.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        http.sendResponseHeaders(reply.status(), bytes.length);
        http.getResponseBody().write(bytes);
    }

    private Reply listAlbums(Request r) {
        Set<String> allowed =
                line == ImmichLine.V3 ? Set.of("isOwned", "isShared", "assetId") : Set.of("shared", "assetId");
        for (String name : r.query().keySet()) {
            if (!allowed.contains(name)) {
                return Reply.status(400, "property " + name + " should not exist");
            }
        }
        String userId = r.key().userId();
        String assetId = r.query().get("assetId");
        List<SimulatedAlbum> albums = library.albums().stream()
                .filter(a -> a.visibleTo(userId))
                .filter(a -> assetId == null || a.assetIds.contains(assetId))
                .filter(a -> {
                    if (line == ImmichLine.V2) {
                        boolean shared = "true".equals(r.query().get("shared"));
                        // 2.x: without the flag only owned albums; with it, albums shared either way.
                        return shared ? !a.sharedWith.isEmpty() : a.ownerId.equals(userId);
                    }
                    String isOwned = r.query().get("isOwned");
                    String isShared = r.query().get("isShared");
                    boolean owned = a.ownerId.equals(userId);
                    return (isOwned == null || Boolean.parseBoolean(isOwned) == owned)
                            && (isShared == null || Boolean.parseBoolean(isShared) == !a.sharedWith.isEmpty());
                })
                .toList();
        JsonArrayBuilder list = WireJson.JSON.createArrayBuilder();
        albums.forEach(a -> list.add(json().album(a, false)));
        return Reply.ok(list.build(), "AlbumResponseDto[]");
    }

    private Reply listLibraries(Request r) {
        if (!library.isAdmin(r.key().userId())) {
            return Reply.status(403, "Forbidden");
        }
        JsonArrayBuilder list = WireJson.JSON.createArrayBuilder();
        library.externalLibraries().forEach(l -> list.add(json().library(l)));
        return Reply.ok(list.build(), "LibraryResponseDto[]");
    }

    /** As Immich: the scan is queued and runs in the background; the answer comes at once. */
    private Reply scanLibrary(Request r) {
        if (!library.isAdmin(r.key().userId())) {
            return Reply.status(403, "Forbidden");
        }
        Optional<SimulatedLibrary.ExternalLibrary> external = library.externalLibrary(r.param(1));
        if (external.isEmpty()) {
            return Reply.status(400, "Library not found");
        }
        long delay = faults.scanDelayMillis;
        executor.submit(() -> {
            pause(delay);
            library.scan(external.get());
        });
        return new Reply(204, null, null);
    }

    private Reply getAlbum(Request r) {
        return library.album(r.param(1))
                .filter(a -> a.visibleTo(r.key().userId()))
                .map(a -> Reply.ok(json().album(a, line == ImmichLine.V2), "AlbumResponseDto"))
                .orElseGet(() -> Reply.status(400, "Not found or no album.read access"));
    }

    private Reply deleteAlbum(Request r) {
        SimulatedAlbum album = library.album(r.param(1))
                .filter(a -> a.ownerId.equals(r.key().userId()))
                .orElse(null);
        if (album == null) {
            return Reply.status(400, "Not found or no album.delete access");
        }
        library.delete(album);
        return new Reply(204, null, null);
    }

    private Reply getAsset(Request r) {
        return visibleAsset(r)
                .map(a -> Reply.ok(json().asset(a, true), "AssetResponseDto"))
                .orElseGet(() -> Reply.status(400, "Not found or no asset.read access"));
    }

    private Optional<SimulatedAsset> visibleAsset(Request r) {
        return library.asset(r.param(1)).filter(a -> library.canSee(r.key().userId(), a));
    }

    private Reply searchMetadata(Request r) {
        JsonObject body = r.bodyObject();
        if (body == null) {
            return Reply.status(400, "Request body must be a JSON object");
        }
        MetadataSearch.Result result = new MetadataSearch(line, library, faults, searchOrder)
                .run(r.key().userId(), body);
        if (result.error() != null) {
            return Reply.status(400, result.error());
        }
        return Reply.ok(
                json().searchResponse(
                                result.page(),
                                body.getBoolean("withExif", false),
                                body.getBoolean("withPeople", false),
                                result.nextPage()),
                "SearchResponseDto");
    }

    private Reply original(Request r) throws IOException {
        SimulatedAsset asset = visibleAsset(r).orElse(null);
        if (asset == null) {
            return Reply.status(400, "Not found or no asset.download access");
        }
        boolean edited = "true".equals(r.query().get("edited")) && asset.edited != null;
        record(
                r,
                edited
                        ? OriginalDownload.serveEdited(r.http(), asset, faults)
                        : OriginalDownload.serve(r.http(), asset, faults));
        return null;
    }

    private Reply edits(Request r) {
        return visibleAsset(r)
                .map(asset -> Reply.ok(json().edits(asset), "AssetEditsResponseDto"))
                .orElseGet(() -> Reply.status(400, "Not found or no asset.edit.get access"));
    }

    /** The key user's stacks, as {@code GET /stacks} lists them. */
    private Reply stacks(Request r) {
        Map<String, List<SimulatedAsset>> members = new TreeMap<>();
        library.assets().stream()
                .filter(a -> a.stackId != null && a.ownerId.equals(r.key().userId()) && !a.trashed)
                .forEach(a -> members.computeIfAbsent(a.stackId, id -> new ArrayList<>())
                        .add(a));
        JsonArrayBuilder stacks = WireJson.JSON.createArrayBuilder();
        members.forEach((id, assets) ->
                stacks.add(json().stack(id, library.stackPrimaries().get(id), assets)));
        return Reply.ok(stacks.build(), "StackResponseDto[]");
    }

    private Reply searchAssetFiles(Request r) {
        String assetId = r.query().get("assetId");
        if (assetId == null) {
            return Reply.status(400, "assetId must be a UUID");
        }
        SimulatedAsset asset = library.asset(assetId)
                .filter(a -> library.canSee(r.key().userId(), a))
                .orElse(null);
        if (asset == null) {
            return Reply.status(400, "Not found or no assetFile.read access");
        }
        String type = r.query().get("type");
        JsonArrayBuilder files = WireJson.JSON.createArrayBuilder();
        if (asset.sidecar != null && (type == null || type.equals("sidecar"))) {
            files.add(json().sidecarFile(asset));
        }
        return Reply.ok(files.build(), "AssetFileResponseDto[]");
    }

    private Reply downloadAssetFile(Request r) throws IOException {
        SimulatedAsset asset = library.assetBySidecarId(r.param(1))
                .filter(a -> library.canSee(r.key().userId(), a))
                .orElse(null);
        if (asset == null) {
            return Reply.status(400, "Not found or no assetFile.download access");
        }
        byte[] bytes;
        try (InputStream in = asset.sidecar.open(0)) {
            bytes = in.readAllBytes();
        }
        r.http().getResponseHeaders().set("Content-Type", "application/xml");
        r.http().sendResponseHeaders(200, bytes.length);
        r.http().getResponseBody().write(bytes);
        record(r, 200);
        return null;
    }

    private Reply deleteAssets(Request r) {
        JsonObject body = r.bodyObject();
        if (body == null) {
            return Reply.status(400, "Request body must be a JSON object");
        }
        List<SimulatedAsset> targets = new ArrayList<>();
        for (JsonString id : body.getJsonArray("ids").getValuesAs(JsonString.class)) {
            SimulatedAsset asset = library.asset(id.getString()).orElse(null);
            if (asset == null || !asset.ownerId.equals(r.key().userId())) {
                return Reply.status(400, "Not found or no asset.delete access");
            }
            targets.add(asset);
        }
        boolean force = body.getBoolean("force", false);
        if (targets.stream().anyMatch(a -> faults.refuseTrashOf.contains(a.id))) {
            return Reply.status(500, "Injected failure: refused to trash");
        }
        Faults.Hold held = faults.trashHold;
        if (held != null && !force) {
            faults.trashHold = null;
            held.arrived.complete(targets.stream().map(SimulatedAsset::id).toList());
            try {
                held.released.await(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Reply.status(500, "Held and refused");
        }
        for (SimulatedAsset asset : targets) {
            if (force) {
                library.remove(asset);
            } else {
                library.trash(asset);
            }
        }
        return new Reply(204, null, null);
    }

    private Reply thumbnail(Request r) throws IOException {
        SimulatedAsset asset = visibleAsset(r).orElse(null);
        if (asset == null) {
            return Reply.status(400, "Not found or no asset.view access");
        }
        byte[] image = thumbnails.of(asset);
        r.http().getResponseHeaders().set("Content-Type", "image/jpeg");
        r.http().sendResponseHeaders(200, image.length);
        r.http().getResponseBody().write(image);
        record(r, 200);
        return null;
    }

    private Reply personThumbnail(Request r) throws IOException {
        if (library.person(r.param(1))
                .filter(p -> p.ownerId().equals(r.key().userId()))
                .isEmpty()) {
            return Reply.status(400, "Not found or no person.read access");
        }
        byte[] image = thumbnails.ofPerson(r.param(1));
        r.http().getResponseHeaders().set("Content-Type", "image/jpeg");
        r.http().sendResponseHeaders(200, image.length);
        r.http().getResponseBody().write(image);
        record(r, 200);
        return null;
    }

    private void record(Request r, int status) {
        if (recording) {
            exchanges.add(new Exchange(r.http().getRequestMethod(), templateOf(r), r.body(), status, null, null));
        }
    }

    private String templateOf(Request r) {
        return routes.stream()
                .filter(route -> route.pattern()
                                .matcher(r.http().getRequestURI().getPath())
                                .matches()
                        && route.method().equals(r.http().getRequestMethod()))
                .map(Route::template)
                .findFirst()
                .orElse("?");
    }

    private static Map<String, String> query(HttpExchange http) {
        Map<String, String> query = new HashMap<>();
        String raw = http.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                query.put(name, value);
            }
        }
        return query;
    }

    private static void pause(long millis) {
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
