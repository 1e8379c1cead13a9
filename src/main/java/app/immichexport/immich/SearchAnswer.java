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
 * this application uses ({@link ImmichTranslator#asset}, {@link ImmichTranslator#metadata}). An album
 * of a hundred thousand photos comes as a hundred answers of about a megabyte each; bound to records
 * by JSON-B, reading them cost more processor time than planning the export.
 */
final class SearchAnswer {

    /** The fields of an asset that are used. */
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
            "updatedAt",
            "isFavorite",
            "isEdited",
            "thumbhash");

    private static final Set<String> EXIF_USED = Set.of(
            "fileSizeInByte",
            "dateTimeOriginal",
            "description",
            "rating",
            "latitude",
            "longitude",
            "orientation",
            "exifImageWidth",
            "exifImageHeight",
            "timeZone");

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

    /** An asset, its opening brace read. */
    private static ImmichDtos.Asset asset(JsonParser json) {
        Map<String, String> fields = new HashMap<>(32);
        Map<String, String> exif = null;
        List<ImmichDtos.Person> people = null;
        while (json.next() == JsonParser.Event.KEY_NAME) {
            String name = json.getString();
            JsonParser.Event event = json.next();
            if (name.equals("exifInfo") && event == JsonParser.Event.START_OBJECT) {
                exif = object(json, EXIF_USED);
            } else if (name.equals("people") && event == JsonParser.Event.START_ARRAY) {
                people = people(json);
            } else if (USED.contains(name)) {
                fields.put(name, text(json, event));
            } else {
                skip(json, event);
            }
        }
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
                bool(fields.get("isEdited")),
                fields.get("visibility"),
                fields.get("livePhotoVideoId"),
                fields.get("ownerId"),
                exif == null ? null : exif(exif),
                fields.get("originalMimeType"),
                fields.get("updatedAt"),
                bool(fields.get("isFavorite")),
                null,
                people,
                fields.get("thumbhash"));
    }

    private static ImmichDtos.ExifInfo exif(Map<String, String> exif) {
        return new ImmichDtos.ExifInfo(
                number(exif.get("fileSizeInByte"), Long::valueOf),
                exif.get("dateTimeOriginal"),
                exif.get("description"),
                number(exif.get("rating"), value -> (int) Double.parseDouble(value)),
                number(exif.get("latitude"), Double::valueOf),
                number(exif.get("longitude"), Double::valueOf),
                exif.get("orientation"),
                number(exif.get("exifImageWidth"), Double::valueOf),
                number(exif.get("exifImageHeight"), Double::valueOf),
                exif.get("timeZone"));
    }

    /** The people of an asset, the array's opening bracket read, each with their faces' boxes. */
    private static List<ImmichDtos.Person> people(JsonParser json) {
        List<ImmichDtos.Person> people = new ArrayList<>();
        for (JsonParser.Event event = json.next(); event != JsonParser.Event.END_ARRAY; event = json.next()) {
            if (event != JsonParser.Event.START_OBJECT) {
                skip(json, event);
                continue;
            }
            Map<String, String> person = new HashMap<>();
            List<ImmichDtos.Face> faces = new ArrayList<>();
            while (json.next() == JsonParser.Event.KEY_NAME) {
                String name = json.getString();
                JsonParser.Event value = json.next();
                if (name.equals("faces") && value == JsonParser.Event.START_ARRAY) {
                    for (JsonParser.Event face = json.next(); face != JsonParser.Event.END_ARRAY; face = json.next()) {
                        if (face == JsonParser.Event.START_OBJECT) {
                            Map<String, String> box = object(json, null);
                            faces.add(new ImmichDtos.Face(
                                    box.get("id"),
                                    number(box.get("boundingBoxX1"), Double::valueOf),
                                    number(box.get("boundingBoxY1"), Double::valueOf),
                                    number(box.get("boundingBoxX2"), Double::valueOf),
                                    number(box.get("boundingBoxY2"), Double::valueOf),
                                    number(box.get("imageWidth"), Double::valueOf),
                                    number(box.get("imageHeight"), Double::valueOf),
                                    null));
                        } else {
                            skip(json, face);
                        }
                    }
                } else {
                    person.put(name, text(json, value));
                }
            }
            people.add(
                    new ImmichDtos.Person(person.get("id"), person.get("name"), bool(person.get("isHidden")), faces));
        }
        return people;
    }

    /** The scalar values of an object, its opening brace read; of those named in {@code wanted} only, if given. */
    private static Map<String, String> object(JsonParser json, Set<String> wanted) {
        Map<String, String> values = new HashMap<>();
        while (json.next() == JsonParser.Event.KEY_NAME) {
            String name = json.getString();
            JsonParser.Event event = json.next();
            if (wanted == null || wanted.contains(name)) {
                values.put(name, text(json, event));
            } else {
                skip(json, event);
            }
        }
        return values;
    }

    private static <T> T number(String value, java.util.function.Function<String, T> parse) {
        try {
            return value == null ? null : parse.apply(value);
        } catch (NumberFormatException e) {
            throw new JsonException("a number in Immich's search answer is not one: " + value, e);
        }
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
