package app.immichexport.simulator;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What a move into an external library calls besides reading: an asset's albums and more copied to
 * another ({@code PUT /assets/copy}), an asset's details ({@code PUT /assets/{id}}), tags
 * ({@code PUT /tags/assets}) and an album's cover ({@code PATCH /albums/{id}}).
 */
final class HandoverRoutes {

    private final SimulatedLibrary library;
    private final Supplier<WireJson> json;

    HandoverRoutes(SimulatedLibrary library, Supplier<WireJson> json) {
        this.library = library;
        this.json = json;
    }

    Reply copyAsset(Request r) {
        JsonObject body = r.bodyObject();
        if (body == null) {
            return Reply.status(400, "Request body must be a JSON object");
        }
        Set<String> known = Set.of("sourceId", "targetId", "albums", "favorite", "sharedLinks", "sidecar", "stack");
        for (String field : body.keySet()) {
            if (!known.contains(field)) {
                return Reply.status(400, "property " + field + " should not exist");
            }
        }
        Optional<SimulatedAsset> source = owned(r, body.getString("sourceId", ""));
        Optional<SimulatedAsset> target = owned(r, body.getString("targetId", ""));
        if (source.isEmpty() || target.isEmpty()) {
            return Reply.status(400, "Not found or no asset.copy access");
        }
        Set<String> what = known.stream()
                .filter(f -> !f.endsWith("Id") && body.getBoolean(f, true))
                .collect(Collectors.toSet());
        library.copy(source.get(), target.get(), what);
        return new Reply(204, null, null);
    }

    Reply updateAsset(Request r) {
        JsonObject body = r.bodyObject();
        if (body == null) {
            return Reply.status(400, "Request body must be a JSON object");
        }
        SimulatedAsset asset = owned(r, r.param(1)).orElse(null);
        if (asset == null) {
            return Reply.status(400, "Not found or no asset.update access");
        }
        String problem = AssetUpdate.apply(body, asset, library);
        if (problem != null) {
            return Reply.status(400, problem);
        }
        library.touch(asset);
        return Reply.ok(json.get().asset(asset, true), "AssetResponseDto");
    }

    private Optional<SimulatedAsset> owned(Request r, String assetId) {
        return library.asset(assetId).filter(a -> a.ownerId.equals(r.key().userId()));
    }

    /** {@code PATCH /albums/{id}}: the owner changes the album; a cover must be one of its members. */
    Reply updateAlbum(Request r) {
        JsonObject body = r.bodyObject();
        if (body == null) {
            return Reply.status(400, "Request body must be a JSON object");
        }
        Set<String> known = Set.of("albumName", "albumThumbnailAssetId", "description", "isActivityEnabled", "order");
        for (String field : body.keySet()) {
            if (!known.contains(field)) {
                return Reply.status(400, "property " + field + " should not exist");
            }
        }
        SimulatedAlbum album = library.album(r.param(1))
                .filter(a -> a.ownerId.equals(r.key().userId()))
                .orElse(null);
        if (album == null) {
            return Reply.status(400, "Not found or no album.update access");
        }
        if (body.containsKey("albumThumbnailAssetId")) {
            String cover = body.getString("albumThumbnailAssetId", "");
            if (!album.assetIds.contains(cover)) {
                return Reply.status(400, "Attempted to set album thumbnail to an asset not in the album");
            }
            album.thumbnailAssetId = cover;
        }
        if (body.get("albumName") instanceof JsonString name) {
            album.name = name.getString();
        }
        return Reply.ok(json.get().album(album, false), "AlbumResponseDto");
    }

    /** {@code PUT /tags/assets}: the key's user's tags onto assets it owns. */
    Reply tagAssets(Request r) {
        JsonObject body = r.bodyObject();
        if (body == null
                || !(body.get("tagIds") instanceof JsonArray tagIds)
                || !(body.get("assetIds") instanceof JsonArray assetIds)) {
            return Reply.status(400, "tagIds and assetIds must be arrays");
        }
        List<SimulatedLibrary.Tag> tags = new ArrayList<>();
        for (JsonString id : tagIds.getValuesAs(JsonString.class)) {
            SimulatedLibrary.Tag tag = library.tag(id.getString())
                    .filter(t -> t.ownerId().equals(r.key().userId()))
                    .orElse(null);
            if (tag == null) {
                return Reply.status(400, "Not found or no tag.asset access");
            }
            tags.add(tag);
        }
        List<SimulatedAsset> targets = new ArrayList<>();
        for (JsonString id : assetIds.getValuesAs(JsonString.class)) {
            targets.add(owned(r, id.getString()).orElse(null));
        }
        int count = 0;
        for (SimulatedAsset asset : targets) {
            // Immich tags the assets the user may change and counts those newly tagged
            for (SimulatedLibrary.Tag tag : asset == null ? List.<SimulatedLibrary.Tag>of() : tags) {
                count += library.tag(asset, tag.id()) ? 1 : 0;
            }
        }
        return Reply.ok(WireJson.JSON.createObjectBuilder().add("count", count).build(), "TagBulkAssetsResponseDto");
    }
}
