package app.immichexport.immich;

import java.time.Instant;
import java.util.List;

/**
 * What a person gave an asset in Immich, besides its file: as read from Immich, or as changes to make
 * (null fields are left as they are, tags are added to those the asset has).
 *
 * @param rating 1 to 5, -1 for rejected; null when not rated
 * @param tagIds the ids of its tags
 */
public record AssetDetails(
        String description,
        Integer rating,
        Instant capturedAt,
        Double latitude,
        Double longitude,
        String visibility,
        Boolean favorite,
        List<String> tagIds) {

    public AssetDetails {
        tagIds = tagIds == null ? List.of() : List.copyOf(tagIds);
    }

    /** What {@code copy} lacks of this: the fields where it differs and the tags it has not, the others null. */
    public AssetDetails differencesFrom(AssetDetails copy) {
        return new AssetDetails(
                differs(description, copy.description) && description != null && !description.isEmpty()
                        ? description
                        : null,
                differs(rating, copy.rating) ? rating : null,
                differs(capturedAt, copy.capturedAt) ? capturedAt : null,
                differs(latitude, copy.latitude) ? latitude : null,
                differs(longitude, copy.longitude) ? longitude : null,
                differs(visibility, copy.visibility) ? visibility : null,
                null,
                tagIds.stream().filter(t -> !copy.tagIds.contains(t)).toList());
    }

    public boolean isEmpty() {
        return !changesFields() && tagIds.isEmpty();
    }

    /** Whether anything but tags is to change: those are set by {@code PUT /assets/{id}}. */
    boolean changesFields() {
        return description != null
                || rating != null
                || capturedAt != null
                || latitude != null
                || longitude != null
                || visibility != null
                || favorite != null;
    }

    private static boolean differs(Object wanted, Object present) {
        return wanted != null && !wanted.equals(present);
    }
}
