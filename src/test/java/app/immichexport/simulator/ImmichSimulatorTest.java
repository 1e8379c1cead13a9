package app.immichexport.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The simulator answers like Immich: every body matches the contract of the line it emulates. */
class ImmichSimulatorTest {

    private static SimulatedLibrary library;
    private static ImmichSimulator simulator;
    private static SimulatorClient client;

    @BeforeAll
    static void start() {
        library = TestLibraries.create();
        simulator = ImmichSimulator.start(ImmichLine.V3, library, 0);
        simulator.record(true);
        client = new SimulatorClient(simulator, TestLibraries.KEY_ALL);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @AfterEach
    void checkContractAndReset() {
        Contract contract = Contract.of(simulator.line());
        List<ImmichSimulator.Exchange> exchanges = simulator.exchanges();
        simulator.clearExchanges();
        simulator.faults().clear();
        for (ImmichSimulator.Exchange exchange : exchanges) {
            if (exchange.route().equals("?")) {
                assertEquals(404, exchange.status(), "a path the line does not serve is not found, as on Immich");
                continue;
            }
            assertTrue(
                    contract.lists(exchange.method(), exchange.route()),
                    exchange.method() + " " + exchange.route() + " is not an Immich " + simulator.line() + " endpoint");
            if (exchange.dto() != null) {
                assertEquals(
                        Set.of(),
                        contract.problems(exchange.dto(), exchange.responseBody()),
                        exchange.route() + " answered outside the " + exchange.dto() + " schema");
            }
        }
    }

    private static JsonObject object(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    private static JsonArray array(String body) {
        return Json.createReader(new StringReader(body)).readArray();
    }

    private static String search(String albumId, int page, int size, String extra) {
        return "{\"albumIds\":[\"" + albumId + "\"],\"page\":" + page + ",\"size\":" + size + ",\"withExif\":true"
                + extra + "}";
    }

    @ParameterizedTest
    @EnumSource(ImmichLine.class)
    void peopleFacesTagsAndExifAnswerAsImmichDoes(ImmichLine line) {
        simulator.line(line);
        String owner = TestLibraries.mainOwner(library);
        String albumId = library.addAlbum("Faces " + line, owner);
        SimulatedAsset photo = library.addAsset(
                albumId,
                owner,
                "face-" + line + ".jpg",
                "IMAGE",
                Instant.parse("2020-02-02T02:02:02Z"),
                Content.pseudoRandom(line.ordinal() + 6100, 300));
        library.setExif(photo, 6, 4000, 3000, "Europe/Oslo");
        String anna = library.addPerson(owner, "Anna", false);
        library.addFace(photo, anna, 10, 20, 110, 140, 3000, 4000);
        library.addFace(photo, library.addPerson(owner, "", false), 200, 200, 260, 260, 3000, 4000);
        String kids = library.addTag(owner, "Family " + line + "/Kids");
        String family = library.addTag(owner, "Family " + line);
        library.tagAsset(photo, kids);

        JsonObject found = object(client.post("/search/metadata", search(albumId, 1, 10, ",\"withPeople\":true"))
                        .body())
                .getJsonObject("assets")
                .getJsonArray("items")
                .getJsonObject(0);
        assertEquals("6", found.getJsonObject("exifInfo").getString("orientation"));
        assertEquals("Europe/Oslo", found.getJsonObject("exifInfo").getString("timeZone"));
        assertFalse(found.containsKey("tags"), "a search gives no tags, whatever it is asked");
        JsonObject person = found.getJsonArray("people").getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getString("name").equals("Anna"))
                .findFirst()
                .orElseThrow();
        assertEquals(line == ImmichLine.V2, person.containsKey("faces"), "2.x gives each person's faces, 3.x none");

        JsonArray faces = array(client.get("/faces?id=" + photo.id()).body());
        assertEquals(2, faces.size());
        assertEquals(110, faces.getJsonObject(0).getInt("boundingBoxX2"));
        assertEquals("Anna", faces.getJsonObject(0).getJsonObject("person").getString("name"));

        JsonArray tags = array(client.get("/tags").body());
        assertTrue(tags.toString().contains("\"value\":\"Family " + line + "/Kids\""), tags.toString());
        String byParent = client.post("/search/metadata", "{\"tagIds\":[\"" + family + "\"],\"page\":1,\"size\":10}")
                .body();
        assertTrue(byParent.contains(photo.id()), "a tag finds what is tagged below it: " + byParent);
    }

    @ParameterizedTest
    @EnumSource(ImmichLine.class)
    void peopleAndSearchesByPersonFavouriteDateAndPlaceAnswerAsImmichDoes(ImmichLine line) {
        simulator.line(line);
        String owner = TestLibraries.mainOwner(library);
        String anna = library.addPerson(owner, "Anna " + line, false);
        String ben = library.addPerson(owner, "Ben " + line, true);
        SimulatedAsset annas = library.addAsset(
                null,
                owner,
                "anna-" + line + ".jpg",
                "IMAGE",
                Instant.parse("2019-05-01T10:00:00Z"),
                Content.pseudoRandom(line.ordinal() + 6200, 300));
        library.addFace(annas, anna, 1, 1, 5, 5, 10, 10);
        library.describe(annas, "", null, true);
        library.place(annas, "Tromsø " + line, "Norway");
        SimulatedAsset bens = library.addArchivedAsset(
                null,
                owner,
                "ben-" + line + ".jpg",
                Instant.parse("2019-05-02T10:00:00Z"),
                Content.pseudoRandom(line.ordinal() + 6201, 300));
        library.addFace(bens, ben, 1, 1, 5, 5, 10, 10);

        JsonObject firstPage =
                object(client.get("/people?page=1&size=1&withHidden=true").body());
        assertEquals(1, firstPage.getJsonArray("people").size());
        assertTrue(firstPage.getBoolean("hasNextPage"));
        String shown = client.get("/people?size=1000").body();
        assertTrue(shown.contains(anna) && !shown.contains(ben), "hidden people only when asked: " + shown);

        String byPerson = client.post(
                        "/search/metadata",
                        "{\"personIds\":[\"" + anna + "\"],\"isFavorite\":true,"
                                + "\"takenAfter\":\"2019-05-01T00:00:00Z\",\"takenBefore\":\"2019-05-01T23:59:59Z\","
                                + "\"city\":\"Tromsø " + line + "\"}")
                .body();
        assertTrue(byPerson.contains(annas.id()), byPerson);
        String notFavourite = client.post("/search/metadata", "{\"personIds\":[\"" + ben + "\"],\"isFavorite\":true}")
                .body();
        assertFalse(notFavourite.contains(bens.id()), notFavourite);
        String bothPeople = "{\"personIds\":[\"" + anna + "\",\"" + ben + "\"],\"visibility\":\"archive\"}";
        assertFalse(
                client.post("/search/metadata", bothPeople).body().contains(bens.id()), "every listed person at once");
        String archived = client.post("/search/metadata", "{\"personIds\":[\"" + ben + "\"]}")
                .body();
        assertEquals(line == ImmichLine.V3, archived.contains(bens.id()), "2.x searches the timeline unless asked");

        HttpResponse<String> anyOf = client.post(
                "/search/metadata", "{\"filter\":{\"personIds\":{\"any\":[\"" + anna + "\",\"" + ben + "\"]}}}");
        if (line == ImmichLine.V3) {
            assertTrue(anyOf.body().contains(annas.id()) && anyOf.body().contains(bens.id()), anyOf.body());
        } else {
            assertEquals(400, anyOf.statusCode(), "2.x has no filter: " + anyOf.body());
        }
    }

    @ParameterizedTest
    @EnumSource(ImmichLine.class)
    void versionAndPingNeedNoKey(ImmichLine line) {
        simulator.line(line);
        SimulatorClient anonymous = new SimulatorClient(simulator, null);
        JsonObject version = object(anonymous.get("/server/version").body());
        assertEquals(line.major, version.getInt("major"));
        HttpResponse<String> ping = anonymous.get("/server/ping");
        assertEquals(200, ping.statusCode());
        assertEquals(line == ImmichLine.V3 ? "pong" : null, object(ping.body()).getString("res", null));
        assertEquals(401, anonymous.get("/albums").statusCode());
        assertEquals(
                401, new SimulatorClient(simulator, "wrong").get("/api-keys/me").statusCode());
    }

    @ParameterizedTest
    @EnumSource(ImmichLine.class)
    void featuresTellEveryoneWhetherFacesAreImportedFromMetadata(ImmichLine line) {
        simulator.line(line);
        SimulatorClient anonymous = new SimulatorClient(simulator, null);
        assertFalse(object(anonymous.get("/server/features").body()).getBoolean("importFaces"), "off by default");
        library.importFaces(true);
        try {
            assertTrue(object(anonymous.get("/server/features").body()).getBoolean("importFaces"));
        } finally {
            library.importFaces(false);
        }
    }

    @ParameterizedTest
    @EnumSource(ImmichLine.class)
    void albumsCarryAssetsAndOwnerOnlyOnTwoX(ImmichLine line) {
        simulator.line(line);
        JsonArray albums = array(client.get("/albums").body());
        JsonObject wedding = albums.getValuesAs(JsonObject.class).stream()
                .filter(a -> a.getString("albumName").equals("Wedding"))
                .findFirst()
                .orElseThrow();
        assertEquals(13, wedding.getInt("assetCount"));
        assertEquals(line == ImmichLine.V2, wedding.containsKey("assets"));
        assertEquals(line == ImmichLine.V2, wedding.containsKey("owner"));
        JsonObject one = object(client.get("/albums/" + wedding.getString("id")).body());
        assertEquals(
                line == ImmichLine.V2 ? 13 : 0,
                one.containsKey("assets") ? one.getJsonArray("assets").size() : 0);
        if (line == ImmichLine.V3) {
            assertEquals(
                    "owner", wedding.getJsonArray("albumUsers").getJsonObject(0).getString("role"));
        }
    }

    @ParameterizedTest
    @EnumSource(ImmichLine.class)
    void twoXListsSharedAlbumsOnlyWhenAsked(ImmichLine line) {
        simulator.line(line);
        Set<String> names = new HashSet<>();
        array(client.get("/albums").body())
                .getValuesAs(JsonObject.class)
                .forEach(a -> names.add(a.getString("albumName")));
        assertEquals(line == ImmichLine.V3, names.contains("Family (shared by Sam)"));
        if (line == ImmichLine.V2) {
            Set<String> shared = new HashSet<>();
            array(client.get("/albums?shared=true").body())
                    .getValuesAs(JsonObject.class)
                    .forEach(a -> shared.add(a.getString("albumName")));
            assertTrue(shared.contains("Family (shared by Sam)"));
        } else {
            assertEquals(400, client.get("/albums?shared=true").statusCode());
        }
    }

    @ParameterizedTest
    @EnumSource(ImmichLine.class)
    void membersArePagedAndTotalIsThePageSize(ImmichLine line) {
        simulator.line(line);
        String big = library.albumIdByName(TestLibraries.BIG_ALBUM);
        Set<String> ids = new HashSet<>();
        List<Integer> pageSizes = new ArrayList<>();
        String nextPage = "1";
        while (nextPage != null) {
            JsonObject assets = object(
                            client.post("/search/metadata", search(big, Integer.parseInt(nextPage), 1000, ""))
                                    .body())
                    .getJsonObject("assets");
            assertEquals(assets.getInt("count"), assets.getInt("total"));
            pageSizes.add(assets.getInt("count"));
            assets.getJsonArray("items").getValuesAs(JsonObject.class).forEach(a -> ids.add(a.getString("id")));
            nextPage = assets.isNull("nextPage") ? null : assets.getString("nextPage");
        }
        assertEquals(List.of(1000, 1000, 345), pageSizes);
        assertEquals(TestLibraries.BIG_ALBUM_SIZE, ids.size());
    }

    @ParameterizedTest
    @EnumSource(ImmichLine.class)
    void aSearchAnswersNewestFirstAlsoAfterACaptureTimeChanged(ImmichLine line) {
        simulator.line(line);
        String owner = TestLibraries.mainOwner(library);
        String album = library.addAlbum("Ordered " + line, owner);
        Instant start = Instant.parse("2020-01-01T00:00:00Z");
        List<String> added = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            added.add(library.addAsset(
                            album, owner, "o" + i + ".jpg", "IMAGE", start.plusSeconds(i), Content.pseudoRandom(i, 10))
                    .id());
        }
        assertEquals(List.of(added.get(2), added.get(1), added.get(0)), searchedIds(album));
        client.put("/assets/" + added.get(0), "{\"dateTimeOriginal\":\"2021-01-01T00:00:00.000Z\"}");
        assertEquals(List.of(added.get(0), added.get(2), added.get(1)), searchedIds(album));
    }

    private List<String> searchedIds(String album) {
        return object(client.post("/search/metadata", search(album, 1, 10, "")).body())
                .getJsonObject("assets")
                .getJsonArray("items")
                .getValuesAs(JsonObject.class)
                .stream()
                .map(a -> a.getString("id"))
                .toList();
    }

    @ParameterizedTest
    @EnumSource(ImmichLine.class)
    void twoXHidesArchivedMembersUnlessAsked(ImmichLine line) {
        simulator.line(line);
        String album = library.albumIdByName(TestLibraries.ARCHIVE_ALBUM);
        int byDefault = object(client.post("/search/metadata", search(album, 1, 1000, ""))
                        .body())
                .getJsonObject("assets")
                .getInt("count");
        int archived = object(client.post("/search/metadata", search(album, 1, 1000, ",\"visibility\":\"archive\""))
                        .body())
                .getJsonObject("assets")
                .getInt("count");
        assertEquals(line == ImmichLine.V3 ? 3 : 2, byDefault);
        assertEquals(1, archived);
    }

    @ParameterizedTest
    @EnumSource(ImmichLine.class)
    void searchRejectsWhatImmichRejects(ImmichLine line) {
        simulator.line(line);
        String album = library.albumIdByName("Wedding");
        assertEquals(
                400, client.post("/search/metadata", search(album, 1, 1001, "")).statusCode());
        assertEquals(
                400,
                client.post("/search/metadata", search(album, 1, 10, ",\"madeUp\":1"))
                        .statusCode());
        assertEquals(
                400,
                client.post("/search/metadata", "{\"albumIds\":[\"" + album + "\"],\"page\":1.5}")
                        .statusCode());
        assertEquals(
                400,
                client.post("/search/metadata", search(album, 1, 10, ",\"visibility\":\"\""))
                        .statusCode());
    }

    @ParameterizedTest
    @EnumSource(ImmichLine.class)
    void originalsMatchTheirChecksumAndHonourRanges(ImmichLine line) throws Exception {
        simulator.line(line);
        JsonObject asset = firstMember("Wedding");
        HttpResponse<byte[]> whole = client.getBytes("/assets/" + asset.getString("id") + "/original", null);
        assertEquals(200, whole.statusCode());
        assertEquals(asset.getString("checksum"), sha1(whole.body()));
        assertEquals(
                asset.getJsonObject("exifInfo").getJsonNumber("fileSizeInByte").longValue(), whole.body().length);
        HttpResponse<byte[]> tail = client.getBytes("/assets/" + asset.getString("id") + "/original", "bytes=100-");
        assertEquals(206, tail.statusCode());
        assertArrayEquals(Arrays.copyOfRange(whole.body(), 100, whole.body().length), tail.body());
        assertEquals(
                "image/jpeg",
                client.getBytes("/assets/" + asset.getString("id") + "/thumbnail?size=thumbnail", null)
                        .headers()
                        .firstValue("Content-Type")
                        .orElseThrow());
    }

    @ParameterizedTest
    @EnumSource(ImmichLine.class)
    void externalAssetsHashTheirPathNotTheirBytes(ImmichLine line) throws Exception {
        simulator.line(line);
        String album = library.albumIdByName(TestLibraries.ARCHIVE_ALBUM);
        JsonObject external = object(client.post("/search/metadata", search(album, 1, 10, ""))
                        .body())
                .getJsonObject("assets")
                .getJsonArray("items")
                .getValuesAs(JsonObject.class)
                .stream()
                .filter(a -> !a.isNull("libraryId"))
                .findFirst()
                .orElseThrow();
        assertEquals(sha1(("path:" + external.getString("originalPath")).getBytes()), external.getString("checksum"));
    }

    @ParameterizedTest
    @EnumSource(ImmichLine.class)
    void aLibraryScanImportsTheMediaFilesImmichWouldInTheBackground(ImmichLine line, @TempDir Path folder)
            throws Exception {
        simulator.line(line);
        Files.createDirectories(folder.resolve("Wedding/.thumbs"));
        Files.createDirectories(folder.resolve("@eaDir"));
        Files.write(folder.resolve("Wedding/IMG_0001.JPG"), new byte[] {1, 2, 3});
        Files.write(folder.resolve("Wedding/clip.MOV"), new byte[] {4, 5});
        for (String skipped : List.of(
                "Wedding/._IMG_0001.JPG",
                "Wedding/.thumbs/t.jpg",
                "Wedding/notes.txt",
                "Wedding/IMG_0001.JPG.partial",
                "@eaDir/thumb.jpg")) {
            Files.write(folder.resolve(skipped), new byte[] {9});
        }
        String importPath = "/mnt/scan-" + line;
        String libraryId = library.addExternalLibrary(
                "Scanned " + line, TestLibraries.mainOwner(library), List.of(importPath), List.of("**/@eaDir/**"));
        library.mount(importPath, folder);

        assertEquals(204, client.post("/libraries/" + libraryId + "/scan", "{}").statusCode());
        List<JsonObject> imported = awaitLibraryAssets(libraryId, 2);
        assertEquals(
                Set.of(importPath + "/Wedding/IMG_0001.JPG", importPath + "/Wedding/clip.MOV"),
                Set.copyOf(
                        imported.stream().map(a -> a.getString("originalPath")).toList()));
        JsonObject photo = imported.stream()
                .filter(a -> a.getString("type").equals("IMAGE"))
                .findFirst()
                .orElseThrow();
        assertEquals(sha1(("path:" + photo.getString("originalPath")).getBytes()), photo.getString("checksum"));
        assertEquals(
                "VIDEO",
                imported.stream()
                        .filter(a -> a.getString("originalFileName").equals("clip.MOV"))
                        .findFirst()
                        .orElseThrow()
                        .getString("type"));

        assertEquals(204, client.post("/libraries/" + libraryId + "/scan", "{}").statusCode());
        Thread.sleep(Faults.SCAN_DELAY_MILLIS + 300);
        assertEquals(2, awaitLibraryAssets(libraryId, 2).size(), "a second scan imports nothing twice");
        JsonArray byPath = object(client.post(
                                "/search/metadata",
                                "{\"originalPath\":\"" + (importPath + "/wedding/img_0001").toUpperCase() + "\"}")
                        .body())
                .getJsonObject("assets")
                .getJsonArray("items");
        assertEquals(1, byPath.size(), "a path is matched anywhere, ignoring case");
        assertEquals(
                400,
                client.post("/libraries/" + UUID.randomUUID() + "/scan", "{}").statusCode());
    }

    @ParameterizedTest
    @EnumSource(ImmichLine.class)
    void aCopyGivesTheTargetTheSourcesAlbumsFavouriteAndSidecarAndAnUpdateItsDetails(ImmichLine line) {
        simulator.line(line);
        String owner = TestLibraries.mainOwner(library);
        String first = library.addAlbum("Copy source one " + line, owner);
        String second = library.addAlbum("Copy source two " + line, owner);
        SimulatedAsset source = library.addAsset(
                first,
                owner,
                "source.jpg",
                "IMAGE",
                Instant.parse("2020-05-05T10:00:00Z"),
                Content.pseudoRandom(51, 64));
        library.addToAlbum(second, source.id());
        library.addSidecar(source, Content.of("<x/>".getBytes(StandardCharsets.UTF_8)));
        SimulatedAsset target = library.addAsset(
                null,
                owner,
                "target.jpg",
                "IMAGE",
                Instant.parse("2021-01-01T00:00:00Z"),
                Content.pseudoRandom(52, 64));
        HttpResponse<String> favourite = client.put("/assets/" + source.id(), "{\"isFavorite\":true}");
        assertEquals(200, favourite.statusCode(), favourite.body());

        HttpResponse<String> copied = client.put(
                "/assets/copy",
                "{\"sourceId\":\"" + source.id() + "\",\"targetId\":\"" + target.id() + "\",\"sharedLinks\":true}");
        assertEquals(204, copied.statusCode(), copied.body());
        assertTrue(library.memberIds(first).contains(target.id()));
        assertTrue(library.memberIds(second).contains(target.id()));
        assertTrue(object(client.get("/assets/" + target.id()).body()).getBoolean("isFavorite"));
        assertEquals(
                400,
                client.put(
                                "/assets/copy",
                                "{\"sourceId\":\"" + source.id() + "\",\"targetId\":\"" + target.id()
                                        + "\",\"tags\":true}")
                        .statusCode());

        HttpResponse<String> updated = client.put(
                "/assets/" + target.id(),
                "{\"description\":\"Grandma's garden\",\"rating\":4,\"dateTimeOriginal\":\"2020-05-05T10:00:00.000Z\","
                        + "\"latitude\":48.5,\"longitude\":9.25,\"visibility\":\"archive\"}");
        assertEquals(200, updated.statusCode(), updated.body());
        JsonObject exif = object(updated.body()).getJsonObject("exifInfo");
        assertEquals("Grandma's garden", exif.getString("description"));
        assertEquals(4, exif.getInt("rating"));
        assertEquals(48.5, exif.getJsonNumber("latitude").doubleValue());
        assertEquals("archive", object(updated.body()).getString("visibility"));
        assertEquals(400, client.put("/assets/" + target.id(), "{\"rating\":9}").statusCode());
        assertEquals(400, client.put("/assets/" + target.id(), "{\"tags\":[]}").statusCode());
    }

    @ParameterizedTest
    @EnumSource(ImmichLine.class)
    void tagsCoversAndLivePhotoLinksChangeAsImmichChangesThem(ImmichLine line) {
        simulator.line(line);
        String owner = TestLibraries.mainOwner(library);
        String album = library.addAlbum("Covered " + line, owner);
        Instant taken = Instant.parse("2020-06-06T10:00:00Z");
        SimulatedAsset first =
                library.addAsset(album, owner, "first.jpg", "IMAGE", taken, Content.pseudoRandom(61, 64));
        SimulatedAsset second =
                library.addAsset(album, owner, "second.jpg", "IMAGE", taken, Content.pseudoRandom(62, 64));
        SimulatedAsset video = library.addAsset(null, owner, "clip.mov", "VIDEO", taken, Content.pseudoRandom(63, 64));
        SimulatedAsset outside =
                library.addAsset(null, owner, "outside.jpg", "IMAGE", taken, Content.pseudoRandom(64, 64));

        assertEquals(first.id(), object(client.get("/albums/" + album).body()).getString("albumThumbnailAssetId"));
        HttpResponse<String> covered =
                client.patch("/albums/" + album, "{\"albumThumbnailAssetId\":\"" + second.id() + "\"}");
        assertEquals(200, covered.statusCode(), covered.body());
        assertEquals(second.id(), object(covered.body()).getString("albumThumbnailAssetId"));
        assertEquals(
                400,
                client.patch("/albums/" + album, "{\"albumThumbnailAssetId\":\"" + outside.id() + "\"}")
                        .statusCode(),
                "a cover must be a member");

        String tag = library.addTag(owner, "Trips/Alps " + line);
        HttpResponse<String> tagged =
                client.put("/tags/assets", "{\"tagIds\":[\"" + tag + "\"],\"assetIds\":[\"" + first.id() + "\"]}");
        assertEquals(200, tagged.statusCode(), tagged.body());
        assertEquals(1, object(tagged.body()).getInt("count"));
        assertEquals(
                0,
                object(client.put(
                                        "/tags/assets",
                                        "{\"tagIds\":[\"" + tag + "\"],\"assetIds\":[\"" + first.id() + "\"]}")
                                .body())
                        .getInt("count"),
                "a tag the asset has is not counted again");
        JsonObject tagOf = object(client.get("/assets/" + first.id()).body())
                .getJsonArray("tags")
                .getJsonObject(0);
        assertEquals("Trips/Alps " + line, tagOf.getString("value"));
        assertEquals("Alps " + line, tagOf.getString("name"));

        assertEquals(
                400,
                client.put("/assets/" + video.id(), "{\"livePhotoVideoId\":\"" + second.id() + "\"}")
                        .statusCode(),
                "the motion part is a video of an image");
        HttpResponse<String> linked =
                client.put("/assets/" + second.id(), "{\"livePhotoVideoId\":\"" + video.id() + "\"}");
        assertEquals(200, linked.statusCode(), linked.body());
        assertEquals(video.id(), object(linked.body()).getString("livePhotoVideoId"));
        assertEquals("hidden", video.visibility(), "a linked motion part leaves the timeline");
    }

    private List<JsonObject> awaitLibraryAssets(String libraryId, int count) throws InterruptedException {
        List<JsonObject> found = List.of();
        for (int i = 0; i < 50 && found.size() < count; i++) {
            Thread.sleep(100);
            found = object(client.post("/search/metadata", "{\"libraryId\":\"" + libraryId + "\"}")
                            .body())
                    .getJsonObject("assets")
                    .getJsonArray("items")
                    .getValuesAs(JsonObject.class);
        }
        return found;
    }

    @ParameterizedTest
    @EnumSource(ImmichLine.class)
    void externalLibrariesAreListedToAnAdministratorOnly(ImmichLine line) {
        simulator.line(line);
        JsonObject family = array(client.get("/libraries").body()).getValuesAs(JsonObject.class).stream()
                .filter(l -> l.getString("name").equals(TestLibraries.LIBRARY_NAME))
                .findFirst()
                .orElseThrow();
        assertEquals(
                TestLibraries.LIBRARY_IMPORT_PATH,
                family.getJsonArray("importPaths").getString(0));
        assertEquals("**/._*", family.getJsonArray("exclusionPatterns").getString(1));
        TestLibraries.addSamsKey(library, "sams-key-for-libraries");
        assertEquals(
                403,
                new SimulatorClient(simulator, "sams-key-for-libraries")
                        .get("/libraries")
                        .statusCode());
        assertEquals(
                403,
                new SimulatorClient(simulator, TestLibraries.KEY_READ_ONLY)
                        .get("/libraries")
                        .statusCode());
    }

    @ParameterizedTest
    @EnumSource(ImmichLine.class)
    void permissionsOfTheKeyAreEnforced(ImmichLine line) {
        simulator.line(line);
        SimulatorClient readOnly = new SimulatorClient(simulator, TestLibraries.KEY_READ_ONLY);
        JsonObject key = object(readOnly.get("/api-keys/me").body());
        assertEquals(
                Set.of("album.read", "asset.read"),
                new HashSet<>(key.getJsonArray("permissions").getValuesAs(JsonString.class).stream()
                        .map(JsonString::getString)
                        .toList()));
        String assetId = firstMember("Wedding").getString("id");
        assertEquals(
                403, readOnly.getBytes("/assets/" + assetId + "/original", null).statusCode());
        assertEquals(
                403,
                readOnly.delete("/assets", "{\"ids\":[\"" + assetId + "\"],\"force\":false}")
                        .statusCode());
    }

    @ParameterizedTest
    @EnumSource(ImmichLine.class)
    void trashAndAlbumDeleteChangeTheLibrary(ImmichLine line) {
        simulator.line(line);
        SimulatedLibrary own = TestLibraries.create();
        try (ImmichSimulator scratch = ImmichSimulator.start(line, own, 0)) {
            SimulatorClient c = new SimulatorClient(scratch, TestLibraries.KEY_ALL);
            String album = own.albumIdByName("Café Noël ☕");
            JsonObject first = object(
                            c.post("/search/metadata", search(album, 1, 10, "")).body())
                    .getJsonObject("assets")
                    .getJsonArray("items")
                    .getJsonObject(0);
            assertEquals(
                    204,
                    c.delete("/assets", "{\"ids\":[\"" + first.getString("id") + "\"],\"force\":false}")
                            .statusCode());
            assertTrue(own.asset(first.getString("id")).orElseThrow().isTrashed());
            assertEquals(
                    4,
                    object(c.post("/search/metadata", search(album, 1, 10, "")).body())
                            .getJsonObject("assets")
                            .getInt("count"));
            String shared = own.albumIdByName("Family (shared by Sam)");
            assertEquals(400, c.delete("/albums/" + shared, null).statusCode(), "only the owner may delete an album");
            assertEquals(204, c.delete("/albums/" + album, null).statusCode());
            assertFalse(own.albumIds().contains(album));
        }
    }

    @ParameterizedTest
    @EnumSource(ImmichLine.class)
    void faultsCanBeInjected(ImmichLine line) throws Exception {
        simulator.line(line);
        JsonObject asset = firstMember("Wedding");
        String path = "/assets/" + asset.getString("id") + "/original";

        simulator.faults().corruptDownloads = true;
        byte[] corrupt = client.getBytes(path, null).body();
        assertNotEquals(asset.getString("checksum"), sha1(corrupt));
        simulator.faults().corruptDownloads = false;

        simulator.faults().cutDownloadsAfterBytes = 1000;
        assertThrows(UncheckedIOException.class, () -> client.getBytes(path, null));
        simulator.faults().cutDownloadsAfterBytes = 0;

        simulator.faults().errorRate = 1.0;
        assertTrue(Set.of(500, 503).contains(client.get("/albums").statusCode()));
        // a change whose answer is lost: the request was carried out, the caller hears of a failure
        String changedAlbum = library.albumIdByName("Wedding");
        String member = library.memberIds(changedAlbum).get(0);
        simulator.faults().lostAnswerShare = 1.0;
        assertTrue(Set.of(500, 503)
                .contains(client.delete("/albums/" + changedAlbum + "/assets", "{\"ids\":[\"" + member + "\"]}")
                        .statusCode()));
        assertFalse(
                library.memberIds(changedAlbum).contains(member), "the change was made although its answer was lost");
        simulator.faults().errorRate = 0;
        simulator.faults().lostAnswerShare = 0;
        HttpResponse<String> again =
                client.delete("/albums/" + changedAlbum + "/assets", "{\"ids\":[\"" + member + "\"]}");
        assertEquals(200, again.statusCode(), again.body());
        assertTrue(again.body().contains("not_found"), "a repeat finds the asset gone, per asset: " + again.body());
        library.addToAlbum(changedAlbum, member);

        String wedding = library.albumIdByName("Wedding");
        simulator.faults().emptyMemberAlbums.add(wedding);
        assertEquals(
                0,
                object(client.post("/search/metadata", search(wedding, 1, 1000, ""))
                                .body())
                        .getJsonObject("assets")
                        .getInt("count"));
        assertEquals(13, object(client.get("/albums/" + wedding).body()).getInt("assetCount"));
    }

    @Test
    void pseudoRandomContentReadsTheSameFromAnyOffset() throws IOException {
        Content content = Content.pseudoRandom(7, 100_003);
        byte[] all;
        try (InputStream in = content.open(0)) {
            all = in.readAllBytes();
        }
        assertEquals(100_003, all.length);
        try (InputStream in = content.open(12_345)) {
            ByteArrayOutputStream rest = new ByteArrayOutputStream();
            in.transferTo(rest);
            assertArrayEquals(Arrays.copyOfRange(all, 12_345, all.length), rest.toByteArray());
        }
        assertNotEquals(Content.pseudoRandom(8, 100_003).sha1Base64(), content.sha1Base64());
    }

    @ParameterizedTest
    @EnumSource(ImmichLine.class)
    void sidecarsAreAssetFilesFromThreeTwoOn(ImmichLine line) throws Exception {
        simulator.line(line);
        SimulatedAsset described = library.assetsNamed("described.jpg").get(0);
        HttpResponse<String> files = client.get("/asset-files?assetId=" + described.id() + "&type=sidecar");
        if (line == ImmichLine.V2) {
            assertEquals(404, files.statusCode(), "2.7 has no asset files");
            return;
        }
        JsonObject sidecar = array(files.body()).getJsonObject(0);
        assertEquals("sidecar", sidecar.getString("type"));
        assertTrue(sidecar.getString("path").endsWith(".jpg.xmp"), sidecar.toString());
        assertEquals(
                TestLibraries.SIDECAR_XML,
                new String(
                        client.getBytes("/asset-files/" + sidecar.getString("id") + "/download", null)
                                .body(),
                        StandardCharsets.UTF_8));
        SimulatedAsset plain = library.assetsNamed("plain.jpg").get(0);
        assertEquals(
                0,
                array(client.get("/asset-files?assetId=" + plain.id() + "&type=sidecar")
                                .body())
                        .size());
    }

    @ParameterizedTest
    @EnumSource(ImmichLine.class)
    void aNewAlbumHoldsTheUsersOwnAssetsAndIsSharedAsAsked(ImmichLine line) {
        simulator.line(line);
        String owner = TestLibraries.mainOwner(library);
        String sam = TestLibraries.samId(library);
        SimulatedAsset mine = library.addAsset(
                null,
                owner,
                "mine-" + line + ".jpg",
                "IMAGE",
                Instant.parse("2024-03-03T00:00:00Z"),
                Content.pseudoRandom(71, 50));
        SimulatedAsset samsOwn = library.addAsset(
                null,
                sam,
                "sams-" + line + ".jpg",
                "IMAGE",
                Instant.parse("2024-03-03T00:00:00Z"),
                Content.pseudoRandom(72, 50));
        HttpResponse<String> created = client.post(
                "/albums",
                "{\"albumName\":\"Made " + line + "\",\"description\":\"Again\",\"assetIds\":[\"" + mine.id()
                        + "\",\"" + samsOwn.id() + "\"],\"albumUsers\":[{\"userId\":\"" + sam
                        + "\",\"role\":\"viewer\"}]}");
        assertEquals(201, created.statusCode(), created.body());
        JsonObject album = object(created.body());
        String id = album.getString("id");
        assertEquals("Made " + line, album.getString("albumName"));
        assertEquals("Again", album.getString("description"));
        assertEquals(List.of(mine.id()), library.memberIds(id), "an asset the user may not share is left out");
        assertEquals(mine.id(), album.getString("albumThumbnailAssetId"), "the first asset is the cover");
        assertEquals(List.of(sam), library.sharedWith(id));
        assertEquals("viewer", library.roleIn(id, sam));

        JsonArray added = array(
                client.put("/albums/" + id + "/assets", "{\"ids\":[\"" + mine.id() + "\",\"" + samsOwn.id() + "\"]}")
                        .body());
        assertEquals("duplicate", added.getJsonObject(0).getString("error"));
        assertEquals("no_permission", added.getJsonObject(1).getString("error"));
        assertEquals(List.of(mine.id()), library.memberIds(id));
    }

    @ParameterizedTest
    @EnumSource(ImmichLine.class)
    void anAlbumIsNotSharedWithAnUnknownUserNorItsOwner(ImmichLine line) {
        simulator.line(line);
        String owner = TestLibraries.mainOwner(library);
        HttpResponse<String> unknown = client.post(
                "/albums", "{\"albumName\":\"X\",\"albumUsers\":[{\"userId\":\"nobody\",\"role\":\"editor\"}]}");
        assertEquals(400, unknown.statusCode());
        HttpResponse<String> self = client.post(
                "/albums", "{\"albumName\":\"X\",\"albumUsers\":[{\"userId\":\"" + owner + "\",\"role\":\"editor\"}]}");
        assertEquals(400, self.statusCode());
        assertTrue(self.body().contains("owner"), self.body());
        assertTrue(library.albumIdsNamed("X").isEmpty(), "no album was made");
        JsonArray users = array(client.get("/users").body());
        assertTrue(users.getValuesAs(JsonObject.class).stream()
                .anyMatch(u -> u.getString("id").equals(owner)));
    }

    @Test
    void servesOnlyEndpointsItsLineLists() {
        for (ImmichLine line : ImmichLine.values()) {
            for (String endpoint : simulator.endpoints(line)) {
                String[] parts = endpoint.split(" ");
                assertTrue(Contract.of(line).lists(parts[0], parts[1]), endpoint + " is not in " + line.version());
            }
        }
        assertTrue(simulator.endpoints(ImmichLine.V3).contains("GET /asset-files"));
        assertFalse(simulator.endpoints(ImmichLine.V2).contains("GET /asset-files"), "asset files arrived with 3.2");
    }

    private JsonObject firstMember(String albumName) {
        String album = library.albumIdByName(albumName);
        return object(client.post("/search/metadata", search(album, 1, 1, "")).body())
                .getJsonObject("assets")
                .getJsonArray("items")
                .getJsonObject(0);
    }

    private static String sha1(byte[] bytes) throws Exception {
        return Base64.getEncoder()
                .encodeToString(MessageDigest.getInstance("SHA-1").digest(bytes));
    }
}
