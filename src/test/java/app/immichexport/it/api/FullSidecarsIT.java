package app.immichexport.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.immichexport.it.support.ApiCalls;
import app.immichexport.it.support.TestImmich;
import app.immichexport.sidecar.Exiftool;
import app.immichexport.simulator.Content;
import app.immichexport.simulator.ImmichLine;
import app.immichexport.simulator.SimulatedAsset;
import app.immichexport.simulator.SimulatedLibrary;
import app.immichexport.simulator.TestLibraries;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Full sidecars against the simulator on both Immich lines, read back with exiftool as other tools
 * read them: what people curated in Immich travels with each photo, and stays current.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FullSidecarsIT {

    private static final Path ROOT = Path.of("target/it-exports").toAbsolutePath();

    @ArquillianResource
    URL deployed;

    @ParameterizedTest
    @EnumSource(ImmichLine.class)
    void everyPhotoCarriesWhatWasCuratedInImmichAndARerunKeepsItCurrent(ImmichLine line) throws Exception {
        TestImmich.simulator().line(line);
        SimulatedLibrary library = TestImmich.library();
        String owner = TestLibraries.mainOwner(library);
        String album = "Fjord " + line;
        String albumId = library.addAlbum(album, owner);
        String bestOfId = library.addAlbum("Best of " + line, owner);
        SimulatedAsset turned = library.addAsset(
                albumId,
                owner,
                "IMG_5001.JPG",
                "IMAGE",
                Instant.parse("2021-06-12T13:00:00Z"),
                Content.pseudoRandom(line.ordinal() * 10 + 8101, 900));
        library.addToAlbum(bestOfId, turned.id());
        library.describe(turned, "Vows by the fjord", 4, true);
        library.place(turned, 59.9139, 10.7522);
        // stored 4000 × 3000, shown turned a quarter (orientation 6): 3000 wide, 4000 high
        library.setExif(turned, 6, 4000, 3000, "Europe/Oslo");
        String anna = library.addPerson(owner, "Anna " + line, false);
        String nobody = library.addPerson(owner, "", false);
        // Anna's face in the stored image: centre 25 % across, 30 % down, 10 % wide, 8 % high;
        // shown turned, its centre is 70 % across and 25 % down, 8 % wide and 10 % high
        library.addFace(turned, anna, 1980, 800, 2220, 1200, 3000, 4000);
        library.addFace(turned, nobody, 100, 100, 200, 200, 3000, 4000);
        String kids = library.addTag(owner, "Family " + line + "/Kids");
        String family = library.addTag(owner, "Family " + line);
        String trip = library.addTag(owner, "Trips " + line + "/Norway");
        library.tagAsset(turned, kids);
        library.tagAsset(turned, family);
        library.tagAsset(turned, trip);
        SimulatedAsset plain = library.addAsset(
                albumId,
                owner,
                "IMG_5002.JPG",
                "IMAGE",
                Instant.parse("2021-06-12T14:00:00Z"),
                Content.pseudoRandom(line.ordinal() * 10 + 8102, 900));

        ApiCalls admin = new ApiCalls(deployed);
        String request = "{\"albumIds\":[\"" + albumId + "\"],\"folderTemplate\":\"full-" + line
                + "/{album}\",\"metadata\":\"full\"}";
        JsonObject first = admin.exportAndWait(request);
        assertEquals("SUCCEEDED", first.getString("state"), first.toString());
        Path folder = ROOT.resolve("full-" + line).resolve(album);
        Path sidecar = folder.resolve("IMG_5001.JPG.xmp");
        assertTrue(Files.exists(folder.resolve("IMG_5002.JPG.xmp")), "every photo has its sidecar");

        JsonObject tags = Exiftool.read(sidecar);
        assertEquals("Vows by the fjord", tags.getString("XMP-dc:Description"));
        assertEquals("Vows by the fjord", tags.getString("XMP-tiff:ImageDescription"));
        assertEquals(4, tags.getInt("XMP-xmp:Rating"));
        assertEquals("2021:06:12 15:00:00+02:00", tags.getString("XMP-exif:DateTimeOriginal"));
        assertEquals(59.9139, tags.getJsonNumber("XMP-exif:GPSLatitude").doubleValue(), 1e-6);
        assertEquals(
                List.of(
                        "Family " + line + "/Kids",
                        "Trips " + line + "/Norway",
                        "Albums/Best of " + line,
                        "Albums/" + album,
                        "People/Anna " + line),
                strings(tags.getJsonArray("XMP-digiKam:TagsList")),
                "the deepest tag of each branch, every album, each named person");
        assertEquals(List.of("Anna " + line), strings(tags.getJsonArray("XMP-iptcExt:PersonInImage")));
        assertEquals("true", tags.get("XMP-immichExport:Favorite").toString());
        assertEquals(turned.id(), tags.getString("XMP-immichExport:AssetId"));
        JsonObject regions = tags.getJsonObject("XMP-mwg-rs:RegionInfo");
        assertEquals(4000, regions.getJsonObject("AppliedToDimensions").getInt("W"));
        JsonArray list = regions.getJsonArray("RegionList");
        assertEquals(1, list.size(), "only the named face: " + list);
        JsonObject area = list.getJsonObject(0).getJsonObject("Area");
        assertEquals(0.25, area.getJsonNumber("X").doubleValue(), 1e-4, "on the face in the stored image");
        assertEquals(0.30, area.getJsonNumber("Y").doubleValue(), 1e-4);
        assertEquals(0.10, area.getJsonNumber("W").doubleValue(), 1e-4);
        assertEquals(0.08, area.getJsonNumber("H").doubleValue(), 1e-4);
        JsonObject bare = Exiftool.read(folder.resolve("IMG_5002.JPG.xmp"));
        assertEquals(plain.id(), bare.getString("XMP-immichExport:AssetId"));
        assertFalse(bare.containsKey("XMP-mwg-rs:RegionInfo"));

        // another program adds a keyword; in Immich a tag is taken off
        exiftool("-XMP-digiKam:TagsList+=Holiday", "-overwrite_original", sidecar.toString());
        library.untagAsset(turned, trip);
        TestImmich.simulator().clearExchanges();
        JsonObject second = admin.exportAndWait(request);
        assertEquals(
                0,
                TestImmich.simulator().exchanges().stream()
                        .filter(e -> e.route().equals("/faces"))
                        .count(),
                "the faces of the same people are not asked again");
        assertEquals(
                1,
                TestImmich.simulator().exchanges().stream()
                        .filter(e -> e.route().equals("/search/metadata")
                                && e.requestBody().contains("\"albumIds\":[\"" + albumId + "\"]"))
                        .count(),
                "the album is searched once, for its members and their details alike");
        assertEquals("SUCCEEDED", second.getString("state"), second.toString());
        assertTrue(
                second.getString("message").contains("1 sidecar written or updated"),
                "only the sidecar whose metadata changed is written again: " + second);
        assertTrue(first.getString("message").contains("2 sidecars written or updated"), first.toString());
        List<String> kept = strings(Exiftool.read(sidecar).getJsonArray("XMP-digiKam:TagsList"));
        assertFalse(kept.contains("Trips " + line + "/Norway"), "the tag taken off in Immich is gone: " + kept);
        assertTrue(kept.contains("Holiday"), "the other program's keyword stays: " + kept);
        String unchanged = admin.send(
                        "GET", "api/exports/" + second.getJsonNumber("id") + "/items?outcome=IDENTICAL", null)
                .body();
        assertTrue(unchanged.contains("IMG_5002.JPG.xmp"), "a sidecar with nothing new is left as it is: " + unchanged);
        HttpResponse<String> unknown = admin.send(
                "POST", "api/exports", request.replace("\"metadata\"", "\"keywords\":\"some\",\"metadata\""));
        assertEquals(400, unknown.statusCode(), unknown.body());
        JsonObject tagsOnly = admin.exportAndWait(request.replace("full-" + line, "tags-only-" + line)
                .replace("\"metadata\"", "\"keywords\":\"tags\",\"metadata\""));
        assertEquals("SUCCEEDED", tagsOnly.getString("state"), tagsOnly.toString());
        assertEquals(
                List.of("Family " + line + "/Kids"),
                strings(Exiftool.read(
                                ROOT.resolve("tags-only-" + line).resolve(album).resolve("IMG_5001.JPG.xmp"))
                        .getJsonArray("XMP-digiKam:TagsList")),
                "keywords 'tags': the photo's tags only");
        String merged = admin.send("GET", "api/exports/" + second.getJsonNumber("id") + "/items?outcome=COPIED", null)
                .body();
        assertTrue(merged.contains("merged with what another program changed"), merged);
    }

    private static void exiftool(String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("exiftool"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0, out);
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
    }
}
