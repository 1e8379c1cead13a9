package app.immichexport.simulator;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Making albums as Immich does: {@code POST /albums} (name, description, assets, users),
 * {@code PUT /albums/{id}/assets}, and {@code GET /users}, where a client finds whom it may share with.
 */
final class AlbumRoutes {

    private static final Set<String> ROLES = Set.of("editor", "viewer");

    private final SimulatedLibrary library;
    private final Supplier<WireJson> json;

    AlbumRoutes(SimulatedLibrary library, Supplier<WireJson> json) {
        this.library = library;
        this.json = json;
    }

    /**
     * As Immich: each user must exist and not be the owner; of the assets, those the user may not
     * share (here: not their own) are left out without a word; the first asset left is the cover.
     */
    Reply createAlbum(Request r) {
        JsonObject body = r.bodyObject();
        if (body == null || !(body.get("albumName") instanceof JsonString name)) {
            return Reply.status(400, "albumName must be a string");
        }
        Set<String> known = Set.of("albumName", "description", "assetIds", "albumUsers");
        for (String field : body.keySet()) {
            if (!known.contains(field)) {
                return Reply.status(400, "property " + field + " should not exist");
            }
        }
        String owner = r.key().userId();
        Map<String, String> shares = new LinkedHashMap<>();
        for (JsonValue value : array(body, "albumUsers")) {
            if (!(value instanceof JsonObject user)
                    || !(user.get("userId") instanceof JsonString id)
                    || !ROLES.contains(user.getString("role", ""))) {
                return Reply.status(400, "each album user needs a userId and a role of editor or viewer");
            }
            if (library.user(id.getString()) == null) {
                return Reply.status(400, "User not found");
            }
            if (id.getString().equals(owner)) {
                return Reply.status(400, "Cannot share album with owner");
            }
            shares.put(id.getString(), user.getString("role"));
        }
        List<String> ids = new ArrayList<>();
        for (JsonValue value : array(body, "assetIds")) {
            if (value instanceof JsonString id
                    && library.asset(id.getString())
                            .filter(a -> a.ownerId.equals(owner))
                            .isPresent()) {
                ids.add(id.getString());
            }
        }
        String albumId = library.addAlbum(name.getString(), owner);
        SimulatedAlbum album = library.album(albumId).orElseThrow();
        if (body.get("description") instanceof JsonString description) {
            album.description = description.getString();
        }
        shares.forEach((userId, role) -> library.shareAlbum(albumId, userId, role));
        ids.forEach(id -> library.addToAlbum(albumId, id));
        return new Reply(201, json.get().album(album, true), "AlbumResponseDto");
    }

    /** Adds the assets the user may share to an album they own or edit; one result per id. */
    Reply addAssets(Request r) {
        JsonObject body = r.bodyObject();
        if (body == null || !(body.get("ids") instanceof JsonArray ids)) {
            return Reply.status(400, "ids must be an array");
        }
        String userId = r.key().userId();
        SimulatedAlbum album =
                library.album(r.param(1)).filter(a -> a.editableBy(userId)).orElse(null);
        if (album == null) {
            return Reply.status(400, "Not found or no albumAsset.create access");
        }
        JsonArrayBuilder results = WireJson.JSON.createArrayBuilder();
        for (JsonValue value : ids) {
            String id = value instanceof JsonString s ? s.getString() : String.valueOf(value);
            boolean mayShare =
                    library.asset(id).filter(a -> a.ownerId.equals(userId)).isPresent();
            if (album.assetIds.contains(id)) {
                results.add(failure(id, "duplicate"));
            } else if (!mayShare) {
                results.add(failure(id, "no_permission"));
            } else {
                library.addToAlbum(album.id, id);
                results.add(WireJson.JSON.createObjectBuilder().add("id", id).add("success", true));
            }
        }
        return Reply.ok(results.build(), "BulkIdResponseDto[]");
    }

    /** {@code DELETE /albums/{id}/assets}: an owner or editor takes assets out; each answered on its own. */
    Reply removeAssets(Request r) {
        JsonObject body = r.bodyObject();
        if (body == null || !(body.get("ids") instanceof JsonArray ids)) {
            return Reply.status(400, "ids must be an array");
        }
        SimulatedAlbum album = library.album(r.param(1))
                .filter(a -> a.editableBy(r.key().userId()))
                .orElse(null);
        if (album == null) {
            return Reply.status(400, "Not found or no albumAsset.delete access");
        }
        JsonArrayBuilder results = WireJson.JSON.createArrayBuilder();
        for (JsonValue value : ids) {
            String id = value instanceof JsonString s ? s.getString() : String.valueOf(value);
            if (library.removeFromAlbum(album.id, id)) {
                results.add(WireJson.JSON.createObjectBuilder().add("id", id).add("success", true));
            } else {
                results.add(failure(id, "not_found"));
            }
        }
        return Reply.ok(results.build(), "BulkIdResponseDto[]");
    }

    Reply users(Request r) {
        JsonArrayBuilder users = WireJson.JSON.createArrayBuilder();
        library.users().forEach(u -> users.add(json.get().user(u.id())));
        return Reply.ok(users.build(), "UserResponseDto[]");
    }

    private static JsonObject failure(String id, String error) {
        return WireJson.JSON
                .createObjectBuilder()
                .add("id", id)
                .add("success", false)
                .add("error", error)
                .build();
    }

    private static List<JsonValue> array(JsonObject body, String field) {
        return body.get(field) instanceof JsonArray values ? values : List.of();
    }
}
