package app.immichexport.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
    private static final Set<String> VISIBILITIES = Set.of("archive", "timeline", "hidden", "locked");

    /** One request and its answer, kept for tests that check the simulator against the contract. */
    public record Exchange(String method, String route, String requestBody, int status, String dto, String responseBody) {
    }

    private record Request(HttpExchange http, Matcher path, SimulatedLibrary.Key key, Map<String, String> query, String body) {
        String param(int group) {
            return path.group(group);
        }
    }

    private record Reply(int status, JsonStructure json, String dto) {
        static Reply ok(JsonStructure json, String dto) {
            return new Reply(200, json, dto);
        }

        static Reply status(int status, String message) {
            return new Reply(status, WireJson.error(status, message), null);
        }
    }

    @FunctionalInterface
    private interface Handler {
        Reply handle(Request request) throws IOException;
    }

    private record Route(String method, Pattern pattern, String template, String permission, Handler handler) {
    }

    private final SimulatedLibrary library;
    private final Faults faults = new Faults();
    private final List<Route> routes = new ArrayList<>();
    private final List<Exchange> exchanges = Collections.synchronizedList(new ArrayList<>());
    private final Thumbnails thumbnails = new Thumbnails();
    private final HttpServer server;
    private final ExecutorService executor;
    private volatile ImmichLine line;
    private volatile boolean recording;

    private ImmichSimulator(ImmichLine line, SimulatedLibrary library, int port) throws IOException {
        this.line = line;
        this.library = library;
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
        route("GET", "/api-keys/me", "", r -> Reply.ok(json().apiKey(r.key()), "ApiKeyResponseDto"));
        route("GET", "/albums", "album.read", this::listAlbums);
        route("GET", "/albums/{id}", "album.read", this::getAlbum);
        route("DELETE", "/albums/{id}", "album.delete", this::deleteAlbum);
        route("POST", "/search/metadata", "asset.read", this::searchMetadata);
        route("GET", "/assets/{id}", "asset.read", this::getAsset);
        route("DELETE", "/assets", "asset.delete", this::deleteAssets);
        route("GET", "/assets/{id}/thumbnail", "asset.view", this::thumbnail);
        route("GET", "/assets/{id}/original", "asset.download", this::original);
    }

    private void route(String method, String template, String permission, Handler handler) {
        Pattern pattern = Pattern.compile("/api" + template.replace("{id}", "([0-9a-fA-F-]{1,64})"));
        routes.add(new Route(method, pattern, template, permission, handler));
    }

    /** The method and path template of every endpoint the simulator serves. */
    public List<String> endpoints() {
        return routes.stream().map(r -> r.method() + " " + r.template()).toList();
    }

    private WireJson json() {
        return new WireJson(line, library);
    }

    private void dispatch(HttpExchange http) throws IOException {
        try (http) {
            String path = http.getRequestURI().getPath();
            for (Route route : routes) {
                Matcher matcher = route.pattern().matcher(path);
                if (matcher.matches() && route.method().equals(http.getRequestMethod())) {
                    serve(http, route, matcher);
                    return;
                }
            }
            send(http, "?", null, Reply.status(404, "Cannot " + http.getRequestMethod() + " " + path));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Simulator failed on " + http.getRequestURI(), e);
        }
    }

    private void serve(HttpExchange http, Route route, Matcher matcher) throws IOException {
        String body = new String(http.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        pause(faults.latencyMillis);
        if (faults.failNow()) {
            send(http, route.template(), body, Reply.status(500, "Injected failure"));
            return;
        }
        SimulatedLibrary.Key key = null;
        if (route.permission() != null) {
            key = library.key(http.getRequestHeaders().getFirst("x-api-key")).orElse(null);
            if (key == null) {
                send(http, route.template(), body, Reply.status(401, "Invalid API key"));
                return;
            }
            if (!route.permission().isEmpty() && !key.permissions().contains("all")
                    && !key.permissions().contains(route.permission())) {
                send(http, route.template(), body, Reply.status(403, "Missing required permission: " + route.permission()));
                return;
            }
        }
        Reply reply = route.handler().handle(new Request(http, matcher, key, query(http), body));
        if (reply != null) {
            send(http, route.template(), body, reply);
        }
    }

    private void send(HttpExchange http, String route, String requestBody, Reply reply) throws IOException {
        String text = reply.json() == null ? null : reply.json().toString();
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
        Set<String> allowed = line == ImmichLine.V3 ? Set.of("isOwned", "isShared", "assetId") : Set.of("shared", "assetId");
        for (String name : r.query().keySet()) {
            if (!allowed.contains(name)) {
                return Reply.status(400, "property " + name + " should not exist");
            }
        }
        String userId = r.key().userId();
        List<SimulatedAlbum> albums = library.albums().stream().filter(a -> a.visibleTo(userId)).filter(a -> {
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
        }).toList();
        JsonArrayBuilder list = Json.createArrayBuilder();
        albums.forEach(a -> list.add(json().album(a, false)));
        return Reply.ok(list.build(), "AlbumResponseDto[]");
    }

    private Reply getAlbum(Request r) {
        return library.album(r.param(1)).filter(a -> a.visibleTo(r.key().userId()))
                .map(a -> Reply.ok(json().album(a, line == ImmichLine.V2), "AlbumResponseDto"))
                .orElseGet(() -> Reply.status(400, "Not found or no album.read access"));
    }

    private Reply deleteAlbum(Request r) {
        SimulatedAlbum album = library.album(r.param(1)).filter(a -> a.ownerId.equals(r.key().userId())).orElse(null);
        if (album == null) {
            return Reply.status(400, "Not found or no album.delete access");
        }
        library.delete(album);
        return new Reply(204, null, null);
    }

    private Reply getAsset(Request r) {
        return visibleAsset(r).map(a -> Reply.ok(json().asset(a, true), "AssetResponseDto"))
                .orElseGet(() -> Reply.status(400, "Not found or no asset.read access"));
    }

    private java.util.Optional<SimulatedAsset> visibleAsset(Request r) {
        return library.asset(r.param(1)).filter(a -> library.canSee(r.key().userId(), a));
    }

    private Reply searchMetadata(Request r) {
        JsonObject body;
        try (JsonReader reader = Json.createReader(new StringReader(r.body()))) {
            body = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            return Reply.status(400, "Request body must be a JSON object");
        }
        Set<String> known = Set.of("albumIds", "page", "size", "withExif", "visibility", "withDeleted", "cursor");
        for (Map.Entry<String, JsonValue> field : body.entrySet()) {
            if (!known.contains(field.getKey()) || (field.getKey().equals("cursor") && line == ImmichLine.V2)) {
                return Reply.status(400, "property " + field.getKey() + " should not exist");
            }
            if (line == ImmichLine.V3 && field.getValue() instanceof JsonString s && s.getString().isEmpty()) {
                return Reply.status(400, field.getKey() + " should not be empty");
            }
        }
        int page = integer(body, "page", 1);
        int size = integer(body, "size", 250);
        if (page < 1 || size < 1 || size > 1000) {
            return Reply.status(400, "page must be a positive integer and size an integer from 1 to 1000");
        }
        String visibility = body.containsKey("visibility") ? body.getString("visibility", "") : null;
        if (visibility != null && !VISIBILITIES.contains(visibility)) {
            return Reply.status(400, "visibility must be one of " + VISIBILITIES);
        }
        boolean withDeleted = body.getBoolean("withDeleted", false);
        String userId = r.key().userId();
        List<SimulatedAsset> matches = new ArrayList<>();
        List<String> albumIds = body.containsKey("albumIds")
                ? body.getJsonArray("albumIds").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList()
                : List.of();
        if (albumIds.isEmpty()) {
            return Reply.status(400, "the simulator only searches by albumIds");
        }
        for (String albumId : albumIds) {
            SimulatedAlbum album = library.album(albumId).filter(a -> a.visibleTo(userId)).orElse(null);
            if (album == null) {
                return Reply.status(400, "Not found or no album.read access");
            }
            if (faults.emptyMemberAlbums.contains(albumId)) {
                continue;
            }
            album.assetIds.stream().map(library::asset).flatMap(java.util.Optional::stream)
                    .filter(a -> withDeleted || !a.trashed)
                    .filter(a -> visibility != null ? visibility.equals(a.visibility)
                            : line == ImmichLine.V3 ? !"locked".equals(a.visibility) : "timeline".equals(a.visibility))
                    .filter(a -> !(line == ImmichLine.V2 && faults.sharedAlbumsListOwnAssetsOnly) || a.ownerId.equals(userId))
                    .filter(a -> !matches.contains(a))
                    .forEach(matches::add);
        }
        matches.sort(Comparator.comparing((SimulatedAsset a) -> a.takenAt).reversed().thenComparing(a -> a.id));
        int from = Math.min(matches.size(), (page - 1) * size);
        int to = Math.min(matches.size(), from + size);
        String nextPage = to < matches.size() ? String.valueOf(page + 1) : null;
        return Reply.ok(json().searchResponse(matches.subList(from, to), body.getBoolean("withExif", false), nextPage),
                "SearchResponseDto");
    }

    private static int integer(JsonObject body, String name, int fallback) {
        JsonValue value = body.get(name);
        if (value == null) {
            return fallback;
        }
        if (value instanceof JsonNumber number && number.isIntegral()) {
            return number.intValue();
        }
        return -1;
    }

    private Reply deleteAssets(Request r) {
        JsonObject body;
        try (JsonReader reader = Json.createReader(new StringReader(r.body()))) {
            body = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
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
        for (SimulatedAsset asset : targets) {
            if (force) {
                library.remove(asset);
            } else {
                asset.trashed = true;
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

    private Reply original(Request r) throws IOException {
        SimulatedAsset asset = visibleAsset(r).orElse(null);
        if (asset == null) {
            return Reply.status(400, "Not found or no asset.download access");
        }
        long size = asset.content.size();
        long start = 0;
        long end = size - 1;
        String range = r.http().getRequestHeaders().getFirst("Range");
        Matcher m = range == null ? null : Pattern.compile("bytes=(\\d+)-(\\d*)").matcher(range);
        if (m != null && m.matches()) {
            start = Long.parseLong(m.group(1));
            if (!m.group(2).isEmpty()) {
                end = Math.min(end, Long.parseLong(m.group(2)));
            }
            if (start >= size || start > end) {
                r.http().getResponseHeaders().set("Content-Range", "bytes */" + size);
                return Reply.status(416, "Range not satisfiable");
            }
        }
        long length = end - start + 1;
        var headers = r.http().getResponseHeaders();
        headers.set("Content-Type", WireJson.mimeType(asset));
        headers.set("Accept-Ranges", "bytes");
        headers.set("Content-Disposition", "attachment; filename=\"" + asset.originalFileName.replace("\"", "") + "\"");
        int status = m != null && m.matches() ? 206 : 200;
        if (status == 206) {
            headers.set("Content-Range", "bytes " + start + "-" + end + "/" + size);
        }
        r.http().sendResponseHeaders(status, length);
        record(r, status);
        streamBody(asset, start, length, r.http().getResponseBody());
        return null;
    }

    private void streamBody(SimulatedAsset asset, long start, long length, OutputStream out) throws IOException {
        long cutAfter = faults.cutDownloadsAfterBytes > 0 ? faults.cutDownloadsAfterBytes : Long.MAX_VALUE;
        long corruptAt = faults.corruptDownloads ? asset.content.size() / 2 : -1;
        byte[] buffer = new byte[64 * 1024];
        long sent = 0;
        try (InputStream in = asset.content.open(start)) {
            while (sent < length) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, length - sent));
                if (n < 0) {
                    break;
                }
                long position = start + sent;
                if (corruptAt >= position && corruptAt < position + n) {
                    buffer[(int) (corruptAt - position)] ^= 0x5A;
                }
                if (sent + n > cutAfter) {
                    out.write(buffer, 0, (int) (cutAfter - sent));
                    out.flush();
                    throw new IOException("download cut off by fault injection");
                }
                out.write(buffer, 0, n);
                sent += n;
            }
        }
    }

    private void record(Request r, int status) {
        if (recording) {
            exchanges.add(new Exchange(r.http().getRequestMethod(), templateOf(r), r.body(), status, null, null));
        }
    }

    private String templateOf(Request r) {
        return routes.stream().filter(route -> route.pattern().matcher(r.http().getRequestURI().getPath()).matches()
                && route.method().equals(r.http().getRequestMethod())).map(Route::template).findFirst().orElse("?");
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
