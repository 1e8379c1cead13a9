package app.immichexport.simulator;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /search/metadata} by album, external library and path, people, tags, favourite, capture
 * time and place, and on 3.x by the {@code filter} object's people and tags: Immich's validation,
 * visibility defaults and paging. Without albums, Immich searches only the key user's own assets, and
 * matches {@code originalPath} anywhere in the path, ignoring case. Every listed person and tag of the
 * older fields must match; a tag matches its children too.
 */
final class MetadataSearch {

    private static final Set<String> VISIBILITIES = Set.of("archive", "timeline", "hidden", "locked");
    private static final Set<String> KNOWN_FIELDS = Set.of(
            "albumIds",
            "page",
            "size",
            "withExif",
            "withPeople",
            "visibility",
            "withDeleted",
            "cursor",
            "libraryId",
            "originalPath",
            "tagIds",
            "personIds",
            "isFavorite",
            "takenAfter",
            "takenBefore",
            "city",
            "country",
            "filter");
    private static final Set<String> FILTERS = Set.of("personIds", "tagIds");

    /** Either an error message, or one page of results and the number of the next page (null on the last). */
    record Result(String error, List<SimulatedAsset> page, String nextPage) {
        static Result error(String message) {
            return new Result(message, List.of(), null);
        }
    }

    /**
     * The order of the latest search's results, kept while the same assets with the same capture times
     * come back: Immich pages through an index, so a client paging through an album of a hundred
     * thousand photos must not wait for the simulator to sort it anew for every page.
     */
    static final class LastOrder {
        private long fingerprint;
        private List<SimulatedAsset> sorted = List.of();

        synchronized List<SimulatedAsset> sorted(List<SimulatedAsset> matches) {
            long print = matches.size();
            for (SimulatedAsset asset : matches) {
                print = print * 31 + System.identityHashCode(asset);
                print = print * 31 + asset.takenAt.hashCode();
            }
            if (print != fingerprint || sorted.size() != matches.size()) {
                List<SimulatedAsset> newestFirst = new ArrayList<>(matches);
                newestFirst.sort(Comparator.comparing((SimulatedAsset a) -> a.takenAt)
                        .reversed()
                        .thenComparing(a -> a.id));
                sorted = newestFirst;
                fingerprint = print;
            }
            return sorted;
        }
    }

    private final ImmichLine line;
    private final SimulatedLibrary library;
    private final Faults faults;
    private final LastOrder order;

    MetadataSearch(ImmichLine line, SimulatedLibrary library, Faults faults, LastOrder order) {
        this.line = line;
        this.library = library;
        this.faults = faults;
        this.order = order;
    }

    Result run(String userId, JsonObject body) {
        for (Map.Entry<String, JsonValue> field : body.entrySet()) {
            if (!KNOWN_FIELDS.contains(field.getKey())
                    || (Set.of("cursor", "filter").contains(field.getKey()) && line == ImmichLine.V2)) {
                return Result.error("property " + field.getKey() + " should not exist");
            }
            if (line == ImmichLine.V3
                    && field.getValue() instanceof JsonString s
                    && s.getString().isEmpty()) {
                return Result.error(field.getKey() + " should not be empty");
            }
        }
        int page = integer(body, "page", 1);
        int size = integer(body, "size", 250);
        if (page < 1 || size < 1 || size > 1000) {
            return Result.error("page must be a positive integer and size an integer from 1 to 1000");
        }
        String visibility = body.containsKey("visibility") ? body.getString("visibility", "") : null;
        if (visibility != null && !VISIBILITIES.contains(visibility)) {
            return Result.error("visibility must be one of " + VISIBILITIES);
        }
        List<String> albumIds = body.containsKey("albumIds")
                ? body.getJsonArray("albumIds").getValuesAs(JsonString.class).stream()
                        .map(JsonString::getString)
                        .toList()
                : List.of();
        String libraryId = body.getString("libraryId", null);
        String originalPath = body.getString("originalPath", null);
        List<String> tagIds = strings(body, "tagIds");
        List<String> personIds = strings(body, "personIds");
        JsonObject filter = body.containsKey("filter") ? body.getJsonObject("filter") : JsonValue.EMPTY_JSON_OBJECT;
        for (String key : filter.keySet()) {
            if (!FILTERS.contains(key)) {
                return Result.error("the simulator's filter takes only " + FILTERS + ", not " + key);
            }
        }
        Boolean favorite = body.containsKey("isFavorite") ? body.getBoolean("isFavorite") : null;
        Instant takenAfter = instant(body, "takenAfter");
        Instant takenBefore = instant(body, "takenBefore");
        String city = body.getString("city", null);
        String country = body.getString("country", null);
        Set<SimulatedAsset> found = new LinkedHashSet<>();
        if (albumIds.isEmpty()) {
            library.assets().stream()
                    .filter(a -> a.ownerId.equals(userId))
                    .filter(a -> body.getBoolean("withDeleted", false) || faults.searchesShowTrashed || !a.trashed)
                    // 3.x returns every visibility but locked by default, 2.x only the timeline
                    .filter(a -> visibility != null
                            ? visibility.equals(a.visibility)
                            : line == ImmichLine.V3 ? !"locked".equals(a.visibility) : "timeline".equals(a.visibility))
                    .forEach(found::add);
        }
        for (String albumId : albumIds) {
            SimulatedAlbum album =
                    library.album(albumId).filter(a -> a.visibleTo(userId)).orElse(null);
            if (album == null) {
                return Result.error("Not found or no album.read access");
            }
            if (!faults.emptyMemberAlbums.contains(albumId)) {
                found.addAll(members(album, userId, visibility, body.getBoolean("withDeleted", false)));
            }
        }
        // Immich returns the newest first.
        List<SimulatedAsset> matches = order.sorted(found.stream()
                .filter(a -> libraryId == null || libraryId.equals(a.libraryId))
                .filter(a -> tagIds.stream().allMatch(tag -> tagged(a, tag)))
                .filter(a -> personIds.stream().allMatch(person -> shows(a, person)))
                .filter(a -> ids(filter, "personIds", person -> shows(a, person)))
                .filter(a -> ids(filter, "tagIds", tag -> tagged(a, tag)))
                .filter(a -> favorite == null || favorite == a.favorite)
                .filter(a -> takenAfter == null || !a.takenAt.isBefore(takenAfter))
                .filter(a -> takenBefore == null || !a.takenAt.isAfter(takenBefore))
                .filter(a -> city == null || city.equals(a.city))
                .filter(a -> country == null || country.equals(a.country))
                .filter(a -> originalPath == null
                        || a.originalPath().toLowerCase(Locale.ROOT).contains(originalPath.toLowerCase(Locale.ROOT)))
                .toList());
        int from = Math.min(matches.size(), (page - 1) * size);
        int to = Math.min(matches.size(), from + size);
        return new Result(null, matches.subList(from, to), to < matches.size() ? String.valueOf(page + 1) : null);
    }

    private List<SimulatedAsset> members(SimulatedAlbum album, String userId, String visibility, boolean withDeleted) {
        return album.assetIds.stream()
                .map(library::asset)
                .flatMap(Optional::stream)
                .filter(a -> withDeleted || !a.trashed)
                // 3.x returns every visibility but locked by default, 2.x only the timeline.
                .filter(a -> visibility != null
                        ? visibility.equals(a.visibility)
                        : line == ImmichLine.V3 ? !"locked".equals(a.visibility) : "timeline".equals(a.visibility))
                // 2.x searches only the key owner's assets, also in an album others contribute to
                .filter(a -> line != ImmichLine.V2 || a.ownerId.equals(userId))
                .toList();
    }

    private static boolean shows(SimulatedAsset asset, String personId) {
        return asset.faces.stream().anyMatch(f -> personId.equals(f.personId()));
    }

    /** The 3.2 filter's {@code any}, {@code all} and {@code none} of ids; true when the filter has none. */
    private static boolean ids(JsonObject filter, String name, java.util.function.Predicate<String> has) {
        if (!filter.containsKey(name)) {
            return true;
        }
        JsonObject ids = filter.getJsonObject(name);
        List<String> any = strings(ids, "any");
        return (any.isEmpty() || any.stream().anyMatch(has))
                && strings(ids, "all").stream().allMatch(has)
                && strings(ids, "none").stream().noneMatch(has);
    }

    private static List<String> strings(JsonObject body, String name) {
        return body.containsKey(name)
                ? body.getJsonArray(name).getValuesAs(JsonString.class).stream()
                        .map(JsonString::getString)
                        .toList()
                : List.of();
    }

    private static Instant instant(JsonObject body, String name) {
        String text = body.getString(name, null);
        return text == null ? null : Instant.parse(text);
    }

    /** As Immich matches a tag: the asset has it, or one below it. */
    private boolean tagged(SimulatedAsset asset, String tagId) {
        String wanted = library.tag(tagId).map(SimulatedLibrary.Tag::value).orElse(null);
        return wanted != null
                && asset.tagIds.stream()
                        .map(library::tag)
                        .flatMap(Optional::stream)
                        .map(SimulatedLibrary.Tag::value)
                        .anyMatch(value -> value.equals(wanted) || value.startsWith(wanted + "/"));
    }

    private static int integer(JsonObject body, String name, int fallback) {
        JsonValue value = body.get(name);
        if (value == null) {
            return fallback;
        }
        return value instanceof JsonNumber number && number.isIntegral() ? number.intValue() : -1;
    }
}
