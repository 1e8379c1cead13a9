package app.immichexport.immich;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One answer of {@code POST /search/metadata}, read as it streams in, keeping of each asset only what
 * an export plans with. An album of a hundred thousand photos comes as a hundred answers of about a
 * megabyte each; bound to records by JSON-B, reading them cost more processor time than planning.
 */
final class SearchAnswer {

    /** The fields of an asset that {@link ImmichTranslator#asset} uses. */
    private static final Set<String> USED = Set.of(
            "id",
            "originalFileName",
            "originalPath",
            "type",
            "fileCreatedAt",
            "fileModifiedAt",
            "checksum",
            "libraryId",
            "isTrashed",
            "isOffline",
            "visibility",
            "livePhotoVideoId",
            "ownerId",
            "originalMimeType",
            "updatedAt");

    /** The assets of one page, and the number of the next one (null on the last). */
    record Page(List<ImmichDtos.Asset> items, String nextPage) {}

    private SearchAnswer() {}

    /**
     * @throws JsonException when the answer is not a search answer
     */
    static Page read(InputStream answer) {
        List<ImmichDtos.Asset> items = new ArrayList<>();
        String nextPage = null;
        try (answer;
                JsonParser json = Json.createParser(answer)) {
            expect(json, JsonParser.Event.START_OBJECT);
            while (json.next() == JsonParser.Event.KEY_NAME) {
                if (!json.getString().equals("assets")) {
                    skipValue(json);
                    continue;
                }
                expect(json, JsonParser.Event.START_OBJECT);
                while (json.next() == JsonParser.Event.KEY_NAME) {
                    String name = json.getString();
                    if (name.equals("items")) {
                        expect(json, JsonParser.Event.START_ARRAY);
                        while (json.next() == JsonParser.Event.START_OBJECT) {
                            items.add(asset(json));
                        }
                    } else if (name.equals("nextPage")) {
                        nextPage = text(json, json.next());
                    } else {
                        skipValue(json);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Page(items, nextPage);
    }

    /** An asset, its opening brace read: the fields {@link ImmichTranslator#asset} uses. */
    private static ImmichDtos.Asset asset(JsonParser json) {
        Map<String, String> fields = new HashMap<>(32);
        Long size = null;
        String taken = null;
        while (json.next() == JsonParser.Event.KEY_NAME) {
            String name = json.getString();
            if (name.equals("exifInfo")) {
                JsonParser.Event event = json.next();
                if (event != JsonParser.Event.START_OBJECT) {
                    skip(json, event);
                    continue;
                }
                while (json.next() == JsonParser.Event.KEY_NAME) {
                    String exif = json.getString();
                    if (exif.equals("fileSizeInByte")) {
                        String value = text(json, json.next());
                        size = value == null ? null : Long.valueOf(value);
                    } else if (exif.equals("dateTimeOriginal")) {
                        taken = text(json, json.next());
                    } else {
                        skip(json, json.next());
                    }
                }
            } else if (USED.contains(name)) {
                fields.put(name, text(json, json.next()));
            } else {
                skip(json, json.next());
            }
        }
        ImmichDtos.ExifInfo exif = size == null && taken == null
                ? null
                : new ImmichDtos.ExifInfo(size, taken, null, null, null, null, null, null, null, null);
        return new ImmichDtos.Asset(
                fields.get("id"),
                fields.get("originalFileName"),
                fields.get("originalPath"),
                fields.get("type"),
                fields.get("fileCreatedAt"),
                fields.get("fileModifiedAt"),
                null,
                fields.get("checksum"),
                fields.get("libraryId"),
                bool(fields.get("isTrashed")),
                bool(fields.get("isOffline")),
                null,
                fields.get("visibility"),
                fields.get("livePhotoVideoId"),
                fields.get("ownerId"),
                exif,
                fields.get("originalMimeType"),
                fields.get("updatedAt"),
                null,
                null,
                null);
    }

    /** A value as text: a string or number as written, true or false, null; an object or array is skipped. */
    private static String text(JsonParser json, JsonParser.Event event) {
        return switch (event) {
            case VALUE_STRING, VALUE_NUMBER -> json.getString();
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            case START_OBJECT -> {
                json.skipObject();
                yield null;
            }
            case START_ARRAY -> {
                json.skipArray();
                yield null;
            }
            default -> null;
        };
    }

    /** Passes over a value without reading it into a string. */
    private static void skip(JsonParser json, JsonParser.Event event) {
        if (event == JsonParser.Event.START_OBJECT) {
            json.skipObject();
        } else if (event == JsonParser.Event.START_ARRAY) {
            json.skipArray();
        }
    }

    private static Boolean bool(String value) {
        return value == null ? null : Boolean.valueOf(value);
    }

    private static void skipValue(JsonParser json) {
        skip(json, json.next());
    }

    private static void expect(JsonParser json, JsonParser.Event wanted) {
        JsonParser.Event event = json.next();
        if (event != wanted) {
            throw new JsonException("expected " + wanted + " in Immich's search answer, found " + event);
        }
    }
}
