package app.immichexport.immich;

import java.time.Instant;
import java.util.List;

/**
 * What people curated in Immich about one asset, as a search with its exif and people tells it.
 *
 * @param timeZone    where it was taken, as Immich names it; null when not known
 * @param orientation the file's EXIF orientation, 1 to 8; 0 when not known
 * @param storedWidth the image's size as stored, before its orientation turns it; null when not known
 * @param people      the people recognised in it; on 2.x with their faces, on 3.x without (ask for them)
 */
public record AssetMetadata(
        String assetId,
        String ownerId,
        String description,
        Integer rating,
        Instant takenAt,
        String timeZone,
        Double latitude,
        Double longitude,
        boolean favorite,
        String visibility,
        int orientation,
        Integer storedWidth,
        Integer storedHeight,
        List<Person> people) {

    public AssetMetadata {
        people = people == null ? List.of() : List.copyOf(people);
    }

    /** A person recognised in the asset, with the boxes of their faces when Immich gave them. */
    public record Person(String id, String name, boolean hidden, List<FaceBox> faces) {

        public Person {
            faces = faces == null ? List.of() : List.copyOf(faces);
        }

        public boolean isNamed() {
            return name != null && !name.isBlank();
        }
    }

    /** A face's box in the image as shown, in pixels of {@code imageWidth} × {@code imageHeight}. */
    public record FaceBox(double x1, double y1, double x2, double y2, double imageWidth, double imageHeight) {}
}
