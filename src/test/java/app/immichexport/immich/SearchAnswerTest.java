package app.immichexport.immich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.JsonException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchAnswerTest {

    private static SearchAnswer.Page read(String json) {
        return SearchAnswer.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsWhatAnExportPlansWithAndPassesOverTheRest() {
        SearchAnswer.Page page = read("""
                {"albums":{"total":0,"count":0,"items":[],"facets":[]},
                 "assets":{"total":2,"count":2,"facets":[{"fieldName":"x","counts":[]}],
                  "items":[
                   {"id":"a1","originalFileName":"IMG_1.JPG","originalPath":"/data/upload/u/a1.jpg","type":"IMAGE",
                    "fileCreatedAt":"2024-06-15T10:00:00.000Z","fileModifiedAt":"2024-06-15T10:00:01.000Z",
                    "checksum":"c2hhMQ==","libraryId":null,"isTrashed":false,"isOffline":false,"visibility":"timeline",
                    "livePhotoVideoId":"m1","ownerId":"u","originalMimeType":"image/jpeg",
                    "updatedAt":"2024-06-16T00:00:00.000Z","isFavorite":true,
                    "exifInfo":{"make":"X","fileSizeInByte":12345,"dateTimeOriginal":"2024-06-15T09:59:00.000Z",
                                "latitude":null,"description":"{not [a] field}"},
                    "people":[{"id":"p","faces":[{"id":"f"}]}],"tags":[{"id":"t","value":"A/B"}],
                    "duration":"0:00:00.00000"},
                   {"id":"a2","originalFileName":"clip.mov","type":"VIDEO","exifInfo":null,"isTrashed":true}
                  ],
                  "nextPage":"2"}}
                """);
        assertEquals("2", page.nextPage());
        assertEquals(2, page.items().size());
        Asset photo = ImmichTranslator.asset(page.items().get(0));
        assertEquals("a1", photo.id());
        assertEquals("/data/upload/u/a1.jpg", photo.originalPath());
        assertEquals(12345, photo.size());
        assertEquals(Instant.parse("2024-06-15T09:59:00Z"), photo.capturedAt());
        assertEquals(Instant.parse("2024-06-15T10:00:01Z"), photo.fileModifiedAt());
        assertEquals("c2hhMQ==", photo.checksumSha1());
        assertEquals("m1", photo.livePhotoVideoId());
        assertEquals("image/jpeg", photo.mimeType());
        assertEquals(Instant.parse("2024-06-16T00:00:00Z"), photo.updatedAt());
        Asset clip = ImmichTranslator.asset(page.items().get(1));
        assertEquals(Asset.AssetType.VIDEO, clip.type());
        assertEquals(-1, clip.size());
        assertEquals(true, clip.trashed());
    }

    @Test
    void readsWhatAFullSidecarHoldsWithThePeopleAndTheirFaces() {
        SearchAnswer.Page page = read("""
                {"assets":{"items":[
                  {"id":"a1","ownerId":"u","visibility":"archive","isFavorite":true,
                   "exifInfo":{"description":"Vows","rating":4,"dateTimeOriginal":"2021-06-12T13:00:00+00:00",
                               "timeZone":"Europe/Oslo","latitude":59.9139,"longitude":10.7522,"orientation":"6",
                               "exifImageWidth":4000,"exifImageHeight":3000,"make":"X"},
                   "people":[{"id":"p1","name":"Anna","isHidden":false,"thumbnailPath":"/x",
                              "faces":[{"id":"f1","boundingBoxX1":10,"boundingBoxY1":20,"boundingBoxX2":30,
                                        "boundingBoxY2":40,"imageWidth":3000,"imageHeight":4000,"sourceType":"x"}]},
                             {"id":"p2","name":"","isHidden":true,"faces":[]}]}
                ],"nextPage":null}}
                """);
        AssetMetadata photo = ImmichTranslator.metadata(page.items().get(0));
        assertEquals("Vows", photo.description());
        assertEquals(4, photo.rating());
        assertEquals(Instant.parse("2021-06-12T13:00:00Z"), photo.takenAt());
        assertEquals("Europe/Oslo", photo.timeZone());
        assertEquals(59.9139, photo.latitude());
        assertEquals(6, photo.orientation());
        assertEquals(4000, photo.storedWidth());
        assertEquals(true, photo.favorite());
        assertEquals("archive", photo.visibility());
        assertEquals(
                List.of(
                        new AssetMetadata.Person(
                                "p1", "Anna", false, List.of(new AssetMetadata.FaceBox(10, 20, 30, 40, 3000, 4000))),
                        new AssetMetadata.Person("p2", "", true, List.of())),
                photo.people());
    }

    @Test
    void theLastPageHasNoNextAndAnythingElseIsRefused() {
        assertNull(read("{\"assets\":{\"items\":[],\"nextPage\":null}}").nextPage());
        assertThrows(JsonException.class, () -> read("[]"));
        assertThrows(JsonException.class, () -> read("{\"assets\":{\"items\":{}}}"));
    }
}
