package app.immichexport.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.immichexport.it.support.ApiCalls;
import app.immichexport.it.support.TestImmich;
import app.immichexport.simulator.Content;
import app.immichexport.simulator.ImmichLine;
import app.immichexport.simulator.SimulatedAsset;
import app.immichexport.simulator.SimulatedLibrary;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Exports of people, tags, favourites, a time span, a place and all photos on both Immich lines, into
 * folders by each photo's own year: what each source holds, and what it never holds (trashed, locked
 * and other users' photos).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SourcesIT {

    private static final Path ROOT = Path.of("target/it-exports").toAbsolutePath();

    @ArquillianResource
    URL deployed;

    @ParameterizedTest
    @EnumSource(ImmichLine.class)
    void eachSourceBecomesAFolderOfItsPhotosByTheirOwnYear(ImmichLine line) throws Exception {
        TestImmich.simulator().line(line);
        SimulatedLibrary library = TestImmich.library();
        String owner = library.addUser("Sources " + line, "sources-" + line + "@example.org");
        String key = "sources-key-" + line;
        library.addKey(key, owner, "sources", Set.of("all"));
        String anna = library.addPerson(owner, "Anna", false);
        String ben = library.addPerson(owner, "Ben", false);
        String family = library.addTag(owner, "Family");
        String kids = library.addTag(owner, "Family/Kids");

        SimulatedAsset annaNew = photo(library, owner, "anna-1.jpg", "2024-03-10T12:00:00Z", 1);
        face(library, annaNew, anna);
        library.tagAsset(annaNew, kids);
        library.describe(annaNew, "", null, true);
        library.place(annaNew, "Oslo", "Norway");
        SimulatedAsset annaArchived = library.addArchivedAsset(
                null, owner, "anna-2.jpg", Instant.parse("2023-07-01T12:00:00Z"), Content.pseudoRandom(9202, 700));
        face(library, annaArchived, anna);
        SimulatedAsset benPhoto = photo(library, owner, "ben.jpg", "2024-05-05T12:00:00Z", 3);
        face(library, benPhoto, ben);
        library.tagAsset(benPhoto, family);
        library.place(benPhoto, "Bergen", "Norway");
        SimulatedAsset plain = photo(library, owner, "plain.jpg", "2022-01-01T12:00:00Z", 4);
        SimulatedAsset trashed = photo(library, owner, "trashed.jpg", "2024-02-02T12:00:00Z", 5);
        face(library, trashed, anna);
        library.describe(trashed, "", null, true);
        library.trashAsset(trashed);
        SimulatedAsset locked = photo(library, owner, "locked.jpg", "2024-02-03T12:00:00Z", 6);
        face(library, locked, anna);
        library.lock(locked);
        String someoneElse = library.addUser("Other " + line, "other-" + line + "@example.org");
        photo(library, someoneElse, "not-mine.jpg", "2024-01-01T12:00:00Z", 7);
        // Immich 3.2.0 was seen answering trashed assets to searches
        TestImmich.simulator().faults().searchesShowTrashed = line == ImmichLine.V3;
        try {
            exportEachSource(line, library, key, anna, ben, family, plain);
        } finally {
            TestImmich.simulator().faults().clear();
        }
    }

    private void exportEachSource(
            ImmichLine line,
            SimulatedLibrary library,
            String key,
            String anna,
            String ben,
            String family,
            SimulatedAsset plain)
            throws Exception {
        ApiCalls admin = new ApiCalls(deployed);
        ApiCalls user = admin.as(admin.newUser("sources-" + line, "sources-password-" + line, "USER"));
        assertEquals(
                200,
                user.send("PUT", "api/me/immich-key", "{\"key\":\"" + key + "\"}")
                        .statusCode());
        String folder = "sources-" + line;
        String sources = "[{\"type\":\"person\",\"ids\":[\"" + anna + "\",\"" + ben + "\"]},"
                + "{\"type\":\"tag\",\"ids\":[\"" + family + "\"]},"
                + "{\"type\":\"favorites\"},"
                + "{\"type\":\"dates\",\"from\":\"2024-01-01\",\"to\":\"2024-12-31\"},"
                + "{\"type\":\"place\",\"country\":\"Norway\"},"
                + "{\"type\":\"all\"}]";
        TestImmich.simulator().clearExchanges();
        JsonObject job = user.exportAndWait("{\"sources\":" + sources + ",\"folderTemplate\":\"" + folder
                + "/{source}/{photo.year}\",\"metadata\":\"none\"}");
        assertEquals("SUCCEEDED", job.getString("state"), job.toString());
        long searches = TestImmich.simulator().exchanges().stream()
                .filter(e -> e.route().equals("/search/metadata"))
                .count();
        // 3.x: one search per source, the two people in one through its filter; 2.x: the timeline and
        // the archive apart, and each person apart
        assertEquals(line == ImmichLine.V3 ? 6 : 14, searches, "searches for six sources");

        Path base = ROOT.resolve(folder);
        assertEquals(
                Set.of("Anna & Ben/2024/anna-1.jpg", "Anna & Ben/2023/anna-2.jpg", "Anna & Ben/2024/ben.jpg"),
                files(base.resolve("Anna & Ben"), "Anna & Ben"),
                "either person's photos, the archived one too; never the trashed or the locked one");
        assertEquals(
                Set.of("Family/2024/anna-1.jpg", "Family/2024/ben.jpg"),
                files(base.resolve("Family"), "Family"),
                "a tag with the photos of the tags below it");
        assertEquals(Set.of("Favorites/2024/anna-1.jpg"), files(base.resolve("Favorites"), "Favorites"));
        String year = "2024-01-01 to 2024-12-31";
        assertEquals(Set.of(year + "/2024/anna-1.jpg", year + "/2024/ben.jpg"), files(base.resolve(year), year));
        assertEquals(Set.of("Norway/2024/anna-1.jpg", "Norway/2024/ben.jpg"), files(base.resolve("Norway"), "Norway"));
        assertEquals(
                Set.of(
                        "All photos/2024/anna-1.jpg",
                        "All photos/2023/anna-2.jpg",
                        "All photos/2024/ben.jpg",
                        "All photos/2022/plain.jpg"),
                files(base.resolve("All photos"), "All photos"),
                "the user's own photos, not another user's");
        assertEquals(plain.content().size(), Files.size(base.resolve("All photos/2022/plain.jpg")));

        JsonObject plan = ApiCalls.object(user.send(
                        "POST",
                        "api/exports",
                        "{\"dryRun\":true,\"sources\":[{\"type\":\"person\",\"ids\":[\"" + anna + "\"]}]}")
                .body());
        assertEquals(2, plan.getInt("files"), plan.toString());
        assertEquals(0, plan.getJsonArray("skipped").size(), "a trashed photo is no member at all: " + plan);

        List<String> recorded = job.getJsonArray("sources").stream()
                .map(JsonValue::asJsonObject)
                .map(s -> s.getString("name"))
                .toList();
        assertEquals(List.of("Anna & Ben", "Family", "Favorites", year, "Norway", "All photos"), recorded);

        // a resume asks the same sources again, and finds every file in place
        HttpResponse<String> resumed = user.send("POST", "api/exports/" + job.getJsonNumber("id") + "/resume", null);
        assertEquals(202, resumed.statusCode(), resumed.body());
        JsonObject again = user.awaitEnd(
                ApiCalls.object(resumed.body()).getJsonNumber("id").longValue());
        assertEquals("SUCCEEDED", again.getString("state"), again.toString());
        assertEquals(6, again.getJsonArray("sources").size(), again.toString());
        String copied = user.send("GET", "api/exports/" + again.getJsonNumber("id") + "/items?outcome=COPIED", null)
                .body();
        assertFalse(copied.contains(".jpg"), "nothing is copied twice: " + copied);

        String people = user.send("GET", "api/sources/people", null).body();
        assertTrue(people.contains("\"name\":\"Anna\"") && people.contains(ben), people);
        assertTrue(user.send("GET", "api/sources/tags", null).body().contains("\"path\":\"Family/Kids\""));
        JsonObject counted =
                ApiCalls.object(user.send("POST", "api/sources/count", "{\"type\":\"place\",\"country\":\"Norway\"}")
                        .body());
        assertEquals("Norway", counted.getString("name"));
        assertEquals(2, counted.getInt("photos"), counted.toString());
        assertEquals(
                400,
                user.send("POST", "api/sources/count", "{\"type\":\"dates\"}").statusCode());
        String description = user.send("GET", "api/openapi", null).body();
        assertTrue(description.contains("/api/sources/count:") && description.contains("sources:"), description);

        assertRefused(user, "{\"sources\":[{\"type\":\"person\",\"ids\":[\"nobody\"]}]}", "No person nobody");
        assertRefused(
                user,
                "{\"sources\":[{\"type\":\"dates\",\"from\":\"2024-12-31\",\"to\":\"2024-01-01\"}]}",
                "ends (2024-01-01) before it starts");
        assertRefused(user, "{\"sources\":[{\"type\":\"planet\"}]}", "Unknown source type 'planet'");
        assertRefused(user, "{\"sources\":[{\"type\":\"favorites\"}],\"moveToTrash\":true}", "albums only");
        assertRefused(
                user,
                "{\"sources\":[{\"type\":\"all\"}],\"folderTemplate\":\"{photo.week}\"}",
                "Unknown token {photo.week}");
        assertFalse(Files.exists(ROOT.resolve("{photo.week}")));
    }

    private static SimulatedAsset photo(SimulatedLibrary library, String owner, String name, String taken, int seed) {
        return library.addAsset(
                null, owner, name, "IMAGE", Instant.parse(taken), Content.pseudoRandom(9200 + seed, 600 + seed));
    }

    private static void face(SimulatedLibrary library, SimulatedAsset asset, String person) {
        library.addFace(asset, person, 10, 10, 50, 50, 100, 100);
    }

    private static void assertRefused(ApiCalls user, String request, String reason) throws Exception {
        HttpResponse<String> refused = user.send("POST", "api/exports", request);
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains(reason), refused.body());
    }

    /** The files below a source's folder, as paths from its parent. */
    private static Set<String> files(Path folder, String name) throws Exception {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile)
                    .map(p -> name + "/" + folder.relativize(p).toString().replace('\\', '/'))
                    .collect(TreeSet::new, Set::add, Set::addAll);
        }
    }
}
