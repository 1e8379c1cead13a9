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
