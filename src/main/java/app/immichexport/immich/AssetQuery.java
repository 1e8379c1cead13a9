package app.immichexport.immich;

import java.time.Instant;
import java.util.List;

/**
 * A search for the key user's photos and videos by what they show or hold, other than an album. Every
 * condition given must hold; absent ones (null or empty) do not narrow the search, so the empty query
 * finds all of the user's photos.
 *
 * @param personIds any of these people is in it
 * @param tagIds    it has any of these tags, or a tag below one of them
 * @param favorite  true for the favourites only
 * @param takenFrom taken at or after, null for no bound
 * @param takenUntil taken before, null for no bound
 * @param city      taken in the city of this name, as Immich's reverse geocoding names it
 * @param country   taken in the country of this name
 */
public record AssetQuery(
        List<String> personIds,
        List<String> tagIds,
        Boolean favorite,
        Instant takenFrom,
        Instant takenUntil,
        String city,
        String country) {

    public AssetQuery {
        personIds = personIds == null ? List.of() : List.copyOf(personIds);
        tagIds = tagIds == null ? List.of() : List.copyOf(tagIds);
    }

    public static AssetQuery all() {
        return new AssetQuery(null, null, null, null, null, null, null);
    }
}
