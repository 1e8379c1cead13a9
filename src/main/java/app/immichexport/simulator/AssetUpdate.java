package app.immichexport.simulator;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;

/** {@code PUT /assets/{id}}: Immich's validation of an asset update, then the change. */
final class AssetUpdate {

    private static final Set<String> FIELDS = Set.of(
            "dateTimeOriginal",
            "description",
            "isFavorite",
            "latitude",
            "livePhotoVideoId",
            "longitude",
            "rating",
            "visibility");
    private static final Set<String> VISIBILITIES = Set.of("archive", "timeline", "hidden", "locked");

    private AssetUpdate() {}

    /** @return what Immich would refuse, or null once the asset is changed */
    static String apply(JsonObject body, SimulatedAsset asset, SimulatedLibrary library) {
        for (Map.Entry<String, JsonValue> field : body.entrySet()) {
            if (!FIELDS.contains(field.getKey())) {
                return "property " + field.getKey() + " should not exist";
            }
        }
        if (body.containsKey("rating") && !body.isNull("rating")) {
            if (!(body.get("rating") instanceof JsonNumber rating)
                    || !rating.isIntegral()
                    || rating.intValue() < -1
                    || rating.intValue() > 5) {
                return "rating must be an integer from -1 to 5";
            }
        }
        if (body.containsKey("visibility") && !VISIBILITIES.contains(body.getString("visibility", ""))) {
            return "visibility must be one of " + VISIBILITIES;
        }
        Instant taken = null;
        if (body.containsKey("dateTimeOriginal")) {
            try {
                taken = OffsetDateTime.parse(body.getString("dateTimeOriginal", ""))
                        .toInstant();
            } catch (DateTimeParseException | ClassCastException e) {
                return "dateTimeOriginal must be a date string";
            }
        }
        for (String coordinate : Set.of("latitude", "longitude")) {
            if (body.containsKey(coordinate) && !(body.get(coordinate) instanceof JsonNumber)) {
                return coordinate + " must be a number";
            }
        }
        SimulatedAsset motion = null;
        if (body.containsKey("livePhotoVideoId") && !body.isNull("livePhotoVideoId")) {
            motion = library.asset(body.getString("livePhotoVideoId", "")).orElse(null);
            if (motion == null || !motion.ownerId.equals(asset.ownerId)) {
                return "livePhotoVideoId must name an asset of the same owner";
            }
            if (!"VIDEO".equals(motion.type) || !"IMAGE".equals(asset.type)) {
                return "Live photo video must be a video and the asset an image";
            }
        }
        if (body.get("description") instanceof JsonString description) {
            asset.description = description.getString();
        }
        if (body.containsKey("rating")) {
            asset.rating = body.isNull("rating") ? null : body.getInt("rating");
        }
        if (body.containsKey("isFavorite")) {
            asset.favorite = body.getBoolean("isFavorite");
        }
        if (taken != null) {
            asset.takenAt = taken;
        }
        if (body.containsKey("latitude")) {
            asset.latitude = body.getJsonNumber("latitude").doubleValue();
        }
        if (body.containsKey("longitude")) {
            asset.longitude = body.getJsonNumber("longitude").doubleValue();
        }
        if (body.containsKey("visibility")) {
            asset.visibility = body.getString("visibility");
        }
        if (motion != null) {
            library.linkMotionPart(asset, motion);
        } else if (body.containsKey("livePhotoVideoId")) {
            asset.livePhotoVideoId = null;
        }
        return null;
    }
}
