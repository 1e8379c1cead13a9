package app.immichexport.sidecar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Sidecars as other tools read them: every one written here is read back with exiftool. */
class XmpSidecarTest {

    @TempDir
    Path folder;

    private static PhotoMetadata wedding(List<String> tags, List<NamedFace> faces, int orientation) {
        return new PhotoMetadata(
                "asset-1",
                "owner-1",
                "Vows by the fjord",
                5,
                Instant.parse("2021-06-12T13:00:00Z"),
                "Europe/Oslo",
                59.9139,
                -10.7522,
                tags,
                List.of("Wedding", "AC/DC"),
                List.of("Anna", "Bo"),
                faces,
                true,
                "archive",
                orientation,
                4000,
                3000);
    }

    @Test
    void aFullSidecarReadsBackUnderTheNamesOtherToolsRead() throws Exception {
        Path file = folder.resolve("IMG_0001.JPG.xmp");
        Files.write(
                file,
                XmpSidecar.write(
                        null, wedding(List.of("Family/Kids", "Trips"), List.of(), 1), TagLists.TAGS_ALBUMS_AND_PEOPLE));

        JsonObject tags = Exiftool.read(file);
        assertEquals(
                "",
                Exiftool.warnings(file).replaceAll("(?m)^Validate\\s*:.*$", "").strip(),
                "exiftool warns");
        assertEquals("Vows by the fjord", tags.getString("XMP-dc:Description"));
        assertEquals("Vows by the fjord", tags.getString("XMP-tiff:ImageDescription"));
        assertEquals(5, tags.getInt("XMP-xmp:Rating"));
        assertEquals(
                "2021:06:12 15:00:00+02:00",
                tags.getString("XMP-exif:DateTimeOriginal"),
                "the local time with its offset");
        assertEquals(59.9139, tags.getJsonNumber("XMP-exif:GPSLatitude").doubleValue(), 1e-6);
        assertEquals(-10.7522, tags.getJsonNumber("XMP-exif:GPSLongitude").doubleValue(), 1e-6);
        assertEquals(
                List.of("Family/Kids", "Trips", "Albums/AC\u2215DC", "Albums/Wedding", "People/Anna", "People/Bo"),
                strings(tags.getJsonArray("XMP-digiKam:TagsList")));
        assertEquals(
                List.of("Family|Kids", "Trips", "Albums|AC\u2215DC", "Albums|Wedding", "People|Anna", "People|Bo"),
                strings(tags.getJsonArray("XMP-lr:HierarchicalSubject")));
        assertEquals(
                List.of("Kids", "Trips", "AC/DC", "Wedding", "Anna", "Bo"),
                strings(tags.getJsonArray("XMP-dc:Subject")));
        assertEquals(List.of("Anna", "Bo"), strings(tags.getJsonArray("XMP-iptcExt:PersonInImage")));
        assertEquals("asset-1", tags.getString("XMP-immichExport:AssetId"));
        assertEquals("true", tags.get("XMP-immichExport:Favorite").toString());
        assertEquals("archive", tags.getString("XMP-immichExport:Visibility"));
        assertFalse(tags.keySet().stream().anyMatch(k -> k.endsWith(":Orientation")), "never an orientation: " + tags);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 6, 8})
    void aFaceRegionLandsOnTheFaceWhateverTheOrientation(int orientation) throws Exception {
        // the face in the image as stored: its centre at 25 % across and 30 % down, 10 % wide, 8 % high
        double x = 0.25;
        double y = 0.30;
        double w = 0.10;
        double h = 0.08;
        // Immich's box is in the image as shown; the orientation says where stored rows and columns show
        double u;
        double v;
        double du;
        double dv;
        double shownWidth;
        double shownHeight;
        switch (orientation) {
            case 6 -> {
                // the stored first row shows on the right, the stored first column at the top
                u = 1 - y;
                v = x;
                du = h;
                dv = w;
                shownWidth = 3000;
                shownHeight = 4000;
            }
            case 8 -> {
                // the stored first row shows on the left, the stored first column at the bottom
                u = y;
                v = 1 - x;
                du = h;
                dv = w;
                shownWidth = 3000;
                shownHeight = 4000;
            }
            default -> {
                u = x;
                v = y;
                du = w;
                dv = h;
                shownWidth = 4000;
                shownHeight = 3000;
            }
        }
        NamedFace anna = new NamedFace(
                "Anna",
                (u - du / 2) * shownWidth,
                (v - dv / 2) * shownHeight,
                (u + du / 2) * shownWidth,
                (v + dv / 2) * shownHeight,
                shownWidth,
                shownHeight);
        Path file = folder.resolve("turned-" + orientation + ".xmp");
        Files.write(file, XmpSidecar.write(null, wedding(List.of(), List.of(anna), orientation), TagLists.TAGS_ONLY));

        JsonObject regions = Exiftool.read(file).getJsonObject("XMP-mwg-rs:RegionInfo");
        JsonObject dimensions = regions.getJsonObject("AppliedToDimensions");
        assertEquals(4000, dimensions.getInt("W"), "the image as stored");
        assertEquals(3000, dimensions.getInt("H"));
        assertEquals("pixel", dimensions.getString("Unit"));
        JsonArray list = regions.getJsonArray("RegionList");
        assertEquals(1, list.size());
        JsonObject region = list.getJsonObject(0);
        assertEquals("Anna", region.getString("Name"));
        assertEquals("Face", region.getString("Type"));
        JsonObject area = region.getJsonObject("Area");
        assertEquals("normalized", area.getString("Unit"));
        assertEquals(x, area.getJsonNumber("X").doubleValue(), 1e-5);
        assertEquals(y, area.getJsonNumber("Y").doubleValue(), 1e-5);
        assertEquals(w, area.getJsonNumber("W").doubleValue(), 1e-5);
        assertEquals(h, area.getJsonNumber("H").doubleValue(), 1e-5);
    }

    @Test
    void anotherProgramsEntriesStayAndATagRemovedInImmichGoes() throws Exception {
        String digikams =
                "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                        + "<rdf:Description rdf:about=\"\" xmlns:digiKam=\"http://www.digikam.org/ns/1.0/\""
                        + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\""
                        + " xmlns:mwg-rs=\"http://www.metadataworkinggroup.com/schemas/regions/\""
                        + " xmlns:stArea=\"http://ns.adobe.com/xmp/sType/Area#\" xmp:Label=\"Red\">"
                        + "<digiKam:TagsList><rdf:Seq><rdf:li>Holiday</rdf:li></rdf:Seq></digiKam:TagsList>"
                        + "<dc:subject><rdf:Bag><rdf:li>Holiday</rdf:li></rdf:Bag></dc:subject>"
                        + "<mwg-rs:Regions rdf:parseType=\"Resource\"><mwg-rs:RegionList><rdf:Bag>"
                        + "<rdf:li rdf:parseType=\"Resource\"><mwg-rs:Name>Carl</mwg-rs:Name><mwg-rs:Type>Face</mwg-rs:Type>"
                        + "<mwg-rs:Area stArea:x=\"0.5\" stArea:y=\"0.5\" stArea:w=\"0.1\" stArea:h=\"0.1\" stArea:unit=\"normalized\"/>"
                        + "</rdf:li></rdf:Bag></mwg-rs:RegionList></mwg-rs:Regions>"
                        + "</rdf:Description></rdf:RDF></x:xmpmeta>";
        NamedFace anna = new NamedFace("Anna", 100, 100, 200, 200, 4000, 3000);
        byte[] first = XmpSidecar.write(
                digikams.getBytes(StandardCharsets.UTF_8),
                wedding(List.of("Family"), List.of(anna), 1),
                TagLists.TAGS_ONLY);
        byte[] second = XmpSidecar.write(first, wedding(List.of(), List.of(), 1), TagLists.TAGS_ONLY);
        Path file = folder.resolve("merged.xmp");
        Files.write(file, second);

        JsonObject tags = Exiftool.read(file);
        assertEquals(List.of("Holiday"), strings(tags.getJsonArray("XMP-digiKam:TagsList")), "the removed tag is gone");
        assertEquals(List.of("Holiday"), strings(tags.getJsonArray("XMP-dc:Subject")));
        assertEquals("Red", tags.getString("XMP-xmp:Label"), "another program's property stays");
        JsonArray regions = tags.getJsonObject("XMP-mwg-rs:RegionInfo").getJsonArray("RegionList");
        assertEquals(1, regions.size(), "Anna's region, written before, is gone with her: " + regions);
        assertEquals("Carl", regions.getJsonObject(0).getString("Name"), "another program's region stays");
        assertTrue(new String(first, StandardCharsets.UTF_8).contains("Family"));
    }

    @Test
    void writingTheSameAgainChangesNoByte() throws Exception {
        NamedFace anna = new NamedFace("Anna", 100, 100, 200, 200, 4000, 3000);
        PhotoMetadata photo = wedding(List.of("Family/Kids"), List.of(anna), 6);
        byte[] once = XmpSidecar.write(null, photo, TagLists.TAGS_ALBUMS_AND_PEOPLE);
        assertArrayEquals(once, XmpSidecar.write(once, photo, TagLists.TAGS_ALBUMS_AND_PEOPLE));
    }

    @Test
    void aSidecarTellsWhetherItWasWrittenFromTheSameMetadata() throws Exception {
        PhotoMetadata photo = wedding(List.of("Family/Kids"), List.of(), 1);
        byte[] written = XmpSidecar.write(null, photo, TagLists.TAGS_ALBUMS_AND_PEOPLE);
        assertTrue(XmpSidecar.isMadeFrom(written, photo, TagLists.TAGS_ALBUMS_AND_PEOPLE));
        assertFalse(
                XmpSidecar.isMadeFrom(
                        written, wedding(List.of("Family"), List.of(), 1), TagLists.TAGS_ALBUMS_AND_PEOPLE),
                "a tag changed in Immich");
        assertFalse(XmpSidecar.isMadeFrom(written, photo, TagLists.TAGS_ONLY), "other keyword lists");
    }

    @Test
    void whatImmichDoesNotKnowIsNotWritten() throws Exception {
        PhotoMetadata bare = new PhotoMetadata(
                "asset-2", null, null, 0, null, null, 0.0, 0.0, null, null, null, null, false, null, 0, null, null);
        Path file = folder.resolve("bare.xmp");
        Files.write(file, XmpSidecar.write(null, bare, TagLists.TAGS_ALBUMS_AND_PEOPLE));
        JsonObject tags = Exiftool.read(file);
        for (String absent : List.of(
                "XMP-xmp:Rating",
                "XMP-exif:GPSLatitude",
                "XMP-dc:Description",
                "XMP-digiKam:TagsList",
                "XMP-mwg-rs:RegionInfo")) {
            assertFalse(tags.containsKey(absent), absent + " in " + tags);
        }
        assertEquals("false", tags.get("XMP-immichExport:Favorite").toString());
    }

    @Test
    void aSidecarThatIsNoXmpIsRefused() {
        assertThrows(
                XmpSidecar.Unreadable.class,
                () -> XmpSidecar.write(
                        "not <xml".getBytes(StandardCharsets.UTF_8),
                        wedding(List.of(), List.of(), 1),
                        TagLists.TAGS_ONLY));
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
    }
}
