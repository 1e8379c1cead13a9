package app.immichexport.simulator;

import jakarta.json.JsonArrayBuilder;
import java.util.function.Supplier;

/** What a full sidecar asks of Immich besides the search: the user's tags, and an asset's faces. */
final class MetadataRoutes {

    private final SimulatedLibrary library;
    private final Supplier<WireJson> json;

    MetadataRoutes(SimulatedLibrary library, Supplier<WireJson> json) {
        this.library = library;
        this.json = json;
    }

    /**
     * {@code GET /people}: a page of the key user's people ({@code size} 500 unless asked, at most
     * 1,000), the hidden ones only {@code withHidden}.
     */
    Reply people(Request r) {
        int page = number(r.query().get("page"), 1);
        int size = number(r.query().get("size"), 500);
        if (page < 1 || size < 1 || size > 1000) {
            return Reply.status(400, "page must be a positive integer and size an integer from 1 to 1000");
        }
        boolean withHidden = "true".equals(r.query().get("withHidden"));
        java.util.List<SimulatedLibrary.Person> all = library.peopleOf(r.key().userId());
        java.util.List<SimulatedLibrary.Person> shown =
                all.stream().filter(p -> withHidden || !p.hidden()).toList();
        int from = Math.min(shown.size(), (page - 1) * size);
        int to = Math.min(shown.size(), from + size);
        JsonArrayBuilder people = WireJson.JSON.createArrayBuilder();
        shown.subList(from, to).forEach(p -> people.add(json.get().person(p)));
        return Reply.ok(
                WireJson.JSON
                        .createObjectBuilder()
                        .add("people", people)
                        .add("total", shown.size())
                        .add("hidden", (int) all.stream()
                                .filter(SimulatedLibrary.Person::hidden)
                                .count())
                        .add("hasNextPage", to < shown.size())
                        .build(),
                "PeopleResponseDto");
    }

    private static int number(String text, int fallback) {
        if (text == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** {@code GET /tags}: the key user's tags, each with its whole path as {@code value}. */
    Reply tags(Request r) {
        JsonArrayBuilder tags = WireJson.JSON.createArrayBuilder();
        library.tagsOf(r.key().userId()).forEach(t -> tags.add(json.get().tag(t)));
        return Reply.ok(tags.build(), "TagResponseDto[]");
    }

    /** {@code GET /faces?id=}: an asset's faces with their people, for one the key user may see. */
    Reply faces(Request r) {
        String assetId = r.query().get("id");
        SimulatedAsset asset = assetId == null
                ? null
                : library.asset(assetId)
                        .filter(a -> library.canSee(r.key().userId(), a))
                        .orElse(null);
        if (asset == null) {
            return Reply.status(400, "Not found or no face.read access");
        }
        JsonArrayBuilder faces = WireJson.JSON.createArrayBuilder();
        asset.faces.forEach(f -> faces.add(json.get().face(f, true)));
        return Reply.ok(faces.build(), "AssetFaceResponseDto[]");
    }
}
