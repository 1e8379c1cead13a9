package app.immichexport.simulator;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Immich's response bodies, field for field as the contract of each line has them. */
final class WireJson {

    /** Found once: {@code Json.create…} looks the provider up on the class path at every call. */
    static final JsonProvider JSON = JsonProvider.provider();

    private final ImmichLine line;
    private final SimulatedLibrary library;

    WireJson(ImmichLine line, SimulatedLibrary library) {
        this.line = line;
        this.library = library;
    }

    JsonObject version() {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("major", line.major)
                .add("minor", line.minor)
                .add("patch", line.patch);
        if (line == ImmichLine.V3) {
            json.addNull("prerelease");
        }
        return json.build();
    }

    /** 2.7.5's contract declares the ping answer without properties; 3.x names {@code res}. */
    JsonObject ping() {
        return line == ImmichLine.V3
                ? JSON.createObjectBuilder().add("res", "pong").build()
                : JsonValue.EMPTY_JSON_OBJECT;
    }

    /** The features each line declares, as a fresh install has them, face import as the library sets it. */
    JsonObject features() {
        JsonObjectBuilder json = JSON.createObjectBuilder();
        for (String feature : List.of("configFile", "duplicateDetection", "email", "oauth", "oauthAutoLaunch", "ocr")) {
            json.add(feature, false);
        }
        for (String feature : List.of(
                "facialRecognition",
                "map",
                "passwordLogin",
                "reverseGeocoding",
                "search",
                "sidecar",
                "smartSearch",
                "trash")) {
            json.add(feature, true);
        }
        if (line == ImmichLine.V3) {
            json.add("realtimeTranscoding", false);
        }
        return json.add("importFaces", library.importsFaces()).build();
    }

    JsonObject apiKey(SimulatedLibrary.Key key) {
        JsonArrayBuilder permissions = JSON.createArrayBuilder();
        key.permissions().stream().sorted().forEach(permissions::add);
        return JSON.createObjectBuilder()
                .add("id", key.id())
                .add("name", key.name())
                .add("createdAt", key.createdAt().toString())
                .add("updatedAt", key.createdAt().toString())
                .add("permissions", permissions)
                .build();
    }

    JsonObjectBuilder user(String userId) {
        SimulatedLibrary.User user = library.user(userId);
        return JSON.createObjectBuilder()
                .add("id", user.id())
                .add("name", user.name())
                .add("email", user.email())
                .add("avatarColor", "primary")
                .add("profileImagePath", "")
                .add("profileChangedAt", library.epoch.toString());
    }

    /** {@code GET /users/me}: the key's user as an administrator sees it. */
    JsonObject userAdmin(String userId) {
        JsonObjectBuilder json = user(userId)
                .add("createdAt", library.epoch.toString())
                .add("updatedAt", library.epoch.toString())
                .addNull("deletedAt")
                .add("isAdmin", false)
                .addNull("license")
                .add("oauthId", "")
                .addNull("quotaSizeInBytes")
                .addNull("quotaUsageInBytes")
                .add("shouldChangePassword", false)
                .add("status", "active")
                .addNull("storageLabel");
        if (line == ImmichLine.V3) {
            json.add("clusterGroupId", "");
        }
        return json.build();
    }

    JsonObject library(SimulatedLibrary.ExternalLibrary external) {
        JsonArrayBuilder importPaths = JSON.createArrayBuilder();
        external.importPaths().forEach(importPaths::add);
        JsonArrayBuilder exclusions = JSON.createArrayBuilder();
        external.exclusionPatterns().forEach(exclusions::add);
        return JSON.createObjectBuilder()
                .add("id", external.id())
                .add("name", external.name())
                .add("ownerId", external.ownerId())
                .add("importPaths", importPaths)
                .add("exclusionPatterns", exclusions)
                .add("assetCount", 0)
                .add("createdAt", external.createdAt().toString())
                .add("updatedAt", external.createdAt().toString())
                .addNull("refreshedAt")
                .build();
    }

    /** @param withAssets 2.x only: include every member, as {@code GET /albums/{id}} does there */
    JsonObject album(SimulatedAlbum album, boolean withAssets) {
        List<SimulatedAsset> members = library.members(album);
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("id", album.id)
                .add("albumName", album.name)
                .add("description", album.description)
                .add("assetCount", members.size())
                .add("createdAt", album.createdAt.toString())
                .add("updatedAt", album.updatedAt.toString())
                .add("hasSharedLink", false)
                .add("isActivityEnabled", true)
                .add("shared", !album.sharedWith.isEmpty())
                .add("order", "desc");
        if (members.isEmpty()) {
            json.addNull("albumThumbnailAssetId");
        } else {
            json.add("albumThumbnailAssetId", library.coverOf(album));
            Instant start = members.stream()
                    .map(a -> a.takenAt)
                    .min(Comparator.naturalOrder())
                    .orElseThrow();
            Instant end = members.stream()
                    .map(a -> a.takenAt)
                    .max(Comparator.naturalOrder())
                    .orElseThrow();
            Instant lastModified = members.stream()
                    .map(a -> a.updatedAt)
                    .max(Comparator.naturalOrder())
                    .orElseThrow();
            json.add("startDate", start.toString())
                    .add("endDate", end.toString())
                    .add("lastModifiedAssetTimestamp", lastModified.toString());
        }
        JsonArrayBuilder albumUsers = JSON.createArrayBuilder();
        if (line == ImmichLine.V3) {
            // 3.x names the owner only as the first album user.
            albumUsers.add(JSON.createObjectBuilder().add("role", "owner").add("user", user(album.ownerId)));
        }
        album.sharedWith.forEach((u, role) ->
                albumUsers.add(JSON.createObjectBuilder().add("role", role).add("user", user(u))));
        json.add("albumUsers", albumUsers);
        if (line == ImmichLine.V2) {
            json.add("owner", user(album.ownerId)).add("ownerId", album.ownerId);
            JsonArrayBuilder assets = JSON.createArrayBuilder();
            if (withAssets) {
                members.forEach(a -> assets.add(asset(a, true)));
            }
            json.add("assets", assets);
        }
        return json.build();
    }

    /** An {@code AssetFileResponseDto} of type sidecar, named as Immich names it: the original's name plus .xmp. */
    JsonObject sidecarFile(SimulatedAsset asset) {
        String at = asset.updatedAt.toString();
        return JSON.createObjectBuilder()
                .add("id", asset.sidecarId())
                .add("type", "sidecar")
                .add("path", asset.originalPath() + ".xmp")
                .add("createdAt", at)
                .add("updatedAt", at)
                .add("isEdited", false)
                .add("isProgressive", false)
                .add("isTransparent", false)
                .build();
    }

    /** {@code AssetEditsResponseDto}: a photo's edits in the order they were made. */
    JsonObject edits(SimulatedAsset asset) {
        JsonArrayBuilder edits = JSON.createArrayBuilder();
        asset.edits.forEach(edits::add);
        return JSON.createObjectBuilder()
                .add("assetId", asset.id)
                .add("edits", edits)
                .build();
    }

    /** {@code StackResponseDto}: a stack with its primary and its assets. */
    JsonObject stack(String stackId, String primaryAssetId, List<SimulatedAsset> members) {
        JsonArrayBuilder assets = JSON.createArrayBuilder();
        members.forEach(a -> assets.add(asset(a, false)));
        return JSON.createObjectBuilder()
                .add("id", stackId)
                .add("primaryAssetId", primaryAssetId)
                .add("assets", assets)
                .build();
    }

    /** As one asset is read ({@code GET /assets/{id}}, 2.x album members): its exif, people and tags. */
    JsonObject asset(SimulatedAsset asset, boolean withExif) {
        return asset(asset, withExif, withExif, withExif);
    }

    /**
     * @param withPeople the people recognised in it, as a search {@code withPeople} gives them: 2.x
     *                   with each person's faces, 3.x without
     * @param withTags   its tags: a search never gives them, whatever it is asked
     */
    JsonObject asset(SimulatedAsset asset, boolean withExif, boolean withPeople, boolean withTags) {
        String created = asset.takenAt.toString();
        boolean video = "VIDEO".equals(asset.type);
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("id", asset.id)
                .add("ownerId", asset.ownerId)
                .add("type", asset.type)
                .add("originalFileName", asset.originalFileName)
                .add("originalPath", asset.originalPath())
                .add("originalMimeType", mimeType(asset))
                .add("checksum", asset.checksum())
                .add("createdAt", created)
                .add("updatedAt", asset.updatedAt.toString())
                .add("fileCreatedAt", created)
                .add("fileModifiedAt", created)
                .add("localDateTime", created)
                .add("hasMetadata", true)
                .add("isArchived", "archive".equals(asset.visibility))
                .add("isEdited", asset.edited != null)
                .add("isFavorite", asset.favorite)
                .add("isOffline", false)
                .add("isTrashed", asset.trashed)
                .add("visibility", asset.visibility)
                .add("width", 640)
                .add("height", 480);
        if (asset.thumbhash == null) {
            json.addNull("thumbhash");
        } else {
            json.add("thumbhash", asset.thumbhash);
        }
        if (asset.libraryId == null) {
            json.addNull("libraryId");
        } else {
            json.add("libraryId", asset.libraryId);
        }
        if (asset.livePhotoVideoId == null) {
            json.addNull("livePhotoVideoId");
        } else {
            json.add("livePhotoVideoId", asset.livePhotoVideoId);
        }
        if (line == ImmichLine.V3) {
            if (video) {
                json.add("duration", 3000);
            } else {
                json.addNull("duration");
            }
        } else {
            json.add("duration", video ? "0:00:03.000000" : "0:00:00.00000")
                    .add("deviceAssetId", asset.originalFileName + "-" + asset.content.size())
                    .add("deviceId", "simulator");
        }
        if (withPeople) {
            json.add("people", people(asset));
        }
        if (withTags && !asset.tagIds.isEmpty()) {
            JsonArrayBuilder tags = JSON.createArrayBuilder();
            asset.tagIds.stream()
                    .sorted()
                    .map(library::tag)
                    .flatMap(java.util.Optional::stream)
                    .forEach(t -> tags.add(tag(t)));
            json.add("tags", tags);
        }
        if (withExif) {
            json.add(
                    "exifInfo",
                    JSON.createObjectBuilder()
                            .add("fileSizeInByte", asset.content.size())
                            .add("dateTimeOriginal", created)
                            .add("description", asset.description)
                            .add("rating", asset.rating == null ? JsonValue.NULL : JSON.createValue(asset.rating))
                            .add("latitude", asset.latitude == null ? JsonValue.NULL : JSON.createValue(asset.latitude))
                            .add("city", asset.city == null ? JsonValue.NULL : JSON.createValue(asset.city))
                            .add("country", asset.country == null ? JsonValue.NULL : JSON.createValue(asset.country))
                            .add(
                                    "longitude",
                                    asset.longitude == null ? JsonValue.NULL : JSON.createValue(asset.longitude))
                            .add(
                                    "orientation",
                                    asset.orientation == null
                                            ? JsonValue.NULL
                                            : JSON.createValue(String.valueOf(asset.orientation)))
                            .add(
                                    "exifImageWidth",
                                    asset.storedWidth == null ? JsonValue.NULL : JSON.createValue(asset.storedWidth))
                            .add(
                                    "exifImageHeight",
                                    asset.storedHeight == null ? JsonValue.NULL : JSON.createValue(asset.storedHeight))
                            .add(
                                    "timeZone",
                                    asset.timeZone == null ? JsonValue.NULL : JSON.createValue(asset.timeZone)));
        }
        return json.build();
    }

    /** The people of an asset's faces, each once; 2.x gives each with its faces. */
    private JsonArrayBuilder people(SimulatedAsset asset) {
        JsonArrayBuilder people = JSON.createArrayBuilder();
        java.util.Map<String, java.util.List<SimulatedAsset.Face>> byPerson = new java.util.LinkedHashMap<>();
        asset.faces.stream()
                .filter(f -> f.personId() != null)
                .forEach(f -> byPerson.computeIfAbsent(f.personId(), p -> new java.util.ArrayList<>())
                        .add(f));
        byPerson.forEach((personId, faces) -> library.person(personId).ifPresent(person -> {
            JsonObjectBuilder json = person(person);
            if (line == ImmichLine.V2) {
                JsonArrayBuilder boxes = JSON.createArrayBuilder();
                faces.forEach(f -> boxes.add(face(f, false)));
                json.add("faces", boxes);
            }
            people.add(json);
        }));
        return people;
    }

    /** A {@code PersonResponseDto}. */
    JsonObjectBuilder person(SimulatedLibrary.Person person) {
        return JSON.createObjectBuilder()
                .add("id", person.id())
                .add("name", person.name())
                .addNull("birthDate")
                .add("isHidden", person.hidden())
                .add("isFavorite", false)
                .add("thumbnailPath", "/data/thumbs/" + person.ownerId() + "/" + person.id() + ".jpeg")
                .add("updatedAt", person.updatedAt().toString());
    }

    /** A face's box: an {@code AssetFaceResponseDto} with its person, or without as 2.x nests it in one. */
    JsonObjectBuilder face(SimulatedAsset.Face face, boolean withPerson) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("id", face.id())
                .add("boundingBoxX1", face.x1())
                .add("boundingBoxY1", face.y1())
                .add("boundingBoxX2", face.x2())
                .add("boundingBoxY2", face.y2())
                .add("imageWidth", face.imageWidth())
                .add("imageHeight", face.imageHeight())
                .add("sourceType", "machine-learning");
        if (withPerson) {
            library.person(face.personId())
                    .ifPresentOrElse(p -> json.add("person", person(p)), () -> json.addNull("person"));
        }
        return json;
    }

    JsonObject tag(SimulatedLibrary.Tag tag) {
        int slash = tag.value().lastIndexOf('/');
        return JSON.createObjectBuilder()
                .add("id", tag.id())
                .add("name", tag.value().substring(slash + 1))
                .add("value", tag.value())
                .add("createdAt", tag.createdAt().toString())
                .add("updatedAt", tag.createdAt().toString())
                .build();
    }

    JsonObject searchResponse(List<SimulatedAsset> page, boolean withExif, boolean withPeople, String nextPage) {
        JsonArrayBuilder items = JSON.createArrayBuilder();
        page.forEach(a -> items.add(asset(a, withExif, withPeople, false)));
        JsonObjectBuilder assets = JSON.createObjectBuilder()
                // Immich fills total with the size of the page, not of the whole result.
                .add("total", page.size())
                .add("count", page.size())
                .add("items", items)
                .add("facets", JSON.createArrayBuilder());
        if (nextPage == null) {
            assets.addNull("nextPage");
        } else {
            assets.add("nextPage", nextPage);
        }
        if (line == ImmichLine.V3) {
            assets.addNull("nextCursor");
        }
        JsonObjectBuilder albums = JSON.createObjectBuilder()
                .add("total", 0)
                .add("count", 0)
                .add("items", JSON.createArrayBuilder())
                .add("facets", JSON.createArrayBuilder());
        return JSON.createObjectBuilder()
                .add("albums", albums)
                .add("assets", assets)
                .build();
    }

    JsonObject bulkIdResult(String id, boolean success, String error) {
        JsonObjectBuilder json = JSON.createObjectBuilder().add("id", id).add("success", success);
        if (error != null) {
            json.add("error", error);
        }
        return json.build();
    }

    static JsonObject error(int status, String message) {
        return JSON.createObjectBuilder()
                .add("message", message)
                .add("statusCode", status)
                .add(
                        "error",
                        status == 401
                                ? "Unauthorized"
                                : status == 403
                                        ? "Forbidden"
                                        : status == 404
                                                ? "Not Found"
                                                : status >= 500 ? "Internal Server Error" : "Bad Request")
                .build();
    }

    static String mimeType(SimulatedAsset asset) {
        String name = asset.originalFileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".mov")) {
            return "video/quicktime";
        }
        if (name.endsWith(".mp4")) {
            return "video/mp4";
        }
        if (name.endsWith(".heic")) {
            return "image/heic";
        }
        if (name.endsWith(".png")) {
            return "image/png";
        }
        return "VIDEO".equals(asset.type) ? "video/mp4" : "image/jpeg";
    }

    /**
     * Node's {@code JSON.stringify} writes half of a surrogate pair as a {@code \\uXXXX} escape, where
     * Java's UTF-8 encoder would write a question mark: the reply keeps what Immich would send.
     */
    static String escapeLoneSurrogates(String json) {
        StringBuilder out = null;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            boolean paired = Character.isHighSurrogate(c)
                    && i + 1 < json.length()
                    && Character.isLowSurrogate(json.charAt(i + 1));
            if (paired) {
                if (out != null) {
                    out.append(c).append(json.charAt(i + 1));
                }
                i++;
            } else if (Character.isSurrogate(c)) {
                if (out == null) {
                    out = new StringBuilder(json.length() + 16).append(json, 0, i);
                }
                out.append(String.format("\\u%04x", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? json : out.toString();
    }
}
