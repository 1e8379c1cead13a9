package app.immichexport.immich;

import java.time.Instant;

/**
 * What a person gave an asset in Immich, besides its file: as read from Immich, or as changes to make
 * (null fields are left as they are).
 *
 * @param rating 1 to 5, -1 for rejected; null when not rated
 */
public record AssetDetails(
        String description,
        Integer rating,
        Instant capturedAt,
        Double latitude,
        Double longitude,
        String visibility,
        Boolean favorite) {

    /** What {@code copy} lacks of this: the fields where it differs, the others null. */
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
                null);
    }

    public boolean isEmpty() {
        return description == null
                && rating == null
                && capturedAt == null
                && latitude == null
                && longitude == null
                && visibility == null
                && favorite == null;
    }

    private static boolean differs(Object wanted, Object present) {
        return wanted != null && !wanted.equals(present);
    }
}
