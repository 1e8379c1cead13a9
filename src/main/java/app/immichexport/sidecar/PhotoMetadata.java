package app.immichexport.sidecar;

import java.time.Instant;
import java.util.List;

/**
 * What people curated in Immich about one photo, as its sidecar carries it.
 *
 * @param rating       1 to 5, -1 for rejected; null (or 0) when not rated
 * @param timeZone     where it was taken, as Immich names it ({@code Europe/Oslo}, {@code UTC+2}); null when not known
 * @param latitude     null when not known; 0,0 counts as not known
 * @param tags         every tag as its full path, levels separated by {@code /}
 * @param albums       the names of every album the photo is in
 * @param people       the names of the people recognised in it
 * @param faces        the named faces whose boxes are known
 * @param visibility   Immich's: {@code timeline}, {@code archive}, {@code hidden} or {@code locked}
 * @param orientation  the file's EXIF orientation, 1 to 8; 0 when not known
 * @param storedWidth  the image's width as stored, before its orientation turns it; null when not known
 */
public record PhotoMetadata(
        String assetId,
        String ownerId,
        String description,
        Integer rating,
        Instant takenAt,
        String timeZone,
        Double latitude,
        Double longitude,
        List<String> tags,
        List<String> albums,
        List<String> people,
        List<NamedFace> faces,
        boolean favorite,
        String visibility,
        int orientation,
        Integer storedWidth,
        Integer storedHeight) {

    public PhotoMetadata {
        tags = tags == null ? List.of() : List.copyOf(tags);
        albums = albums == null ? List.of() : List.copyOf(albums);
        people = people == null ? List.of() : List.copyOf(people);
        faces = faces == null ? List.of() : List.copyOf(faces);
    }

    /** The same, naming its people without their face regions: for a picture cropped or turned since. */
    public PhotoMetadata withoutFaceRegions() {
        return new PhotoMetadata(
                assetId,
                ownerId,
                description,
                rating,
                takenAt,
                timeZone,
                latitude,
                longitude,
                tags,
                albums,
                people,
                List.of(),
                favorite,
                visibility,
                orientation,
                storedWidth,
                storedHeight);
    }

    boolean hasPlace() {
        return latitude != null && longitude != null && !(latitude == 0 && longitude == 0);
    }

    boolean isRated() {
        return rating != null && rating != 0;
    }
}
