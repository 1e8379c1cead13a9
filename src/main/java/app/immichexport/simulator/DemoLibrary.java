package app.immichexport.simulator;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

/** Sample albums with small generated photos, for demo mode and for tests that want a realistic mix. */
public final class DemoLibrary {

    /** The demo's external library, which imports the demo's export root, as Immich's container sees it. */
    public static final String ARCHIVE_NAME = "Alex's photo archive";

    public static final String ARCHIVE_PATH = "/mnt/photos";

    private DemoLibrary() {}

    /**
     * The sample library with an external library of Alex's whose import path is {@code archiveFolder},
     * so that a move into the library can be tried.
     */
    public static SimulatedLibrary create(String apiKey, Path archiveFolder) {
        SimulatedLibrary library = create(apiKey);
        library.addExternalLibrary(ARCHIVE_NAME, library.userIdNamed("Alex Demo"), List.of(ARCHIVE_PATH), List.of());
        library.mount(ARCHIVE_PATH, archiveFolder);
        return library;
    }

    /** Builds the sample library; {@code apiKey} is the key of its main user, allowed everything. */
    public static SimulatedLibrary create(String apiKey) {
        SimulatedLibrary library = new SimulatedLibrary();
        String alex = library.addUser("Alex Demo", "alex@example.org");
        String sam = library.addUser("Sam Demo", "sam@example.org");
        library.addKey(apiKey, alex, "demo", Set.of("all"));

        String wedding = library.addAlbum("Wedding", alex);
        photos(library, wedding, alex, "IMG_", 12, Instant.parse("2024-06-15T14:00:00Z"));
        SimulatedAsset still = library.addAsset(
                wedding,
                alex,
                "IMG_0042.HEIC",
                "IMAGE",
                Instant.parse("2024-06-15T18:42:00Z"),
                Content.of(Thumbnails.jpeg(640, 480, 42, "IMG_0042 live")));
        library.addLivePhotoMotion(still, "IMG_0042.MOV", Content.pseudoRandom(42, 48 * 1024));

        String norway = library.addAlbum("Summer in Norway", alex);
        photos(library, norway, alex, "DSC", 8, Instant.parse("2023-07-02T09:30:00Z"));
        library.shareAlbum(norway, sam);

        String cafe = library.addAlbum("Café Noël ☕", alex);
        photos(library, cafe, alex, "PXL_", 5, Instant.parse("2025-12-24T17:00:00Z"));

        String family = library.addAlbum("Family (shared by Sam)", sam);
        photos(library, family, sam, "IMG_", 6, Instant.parse("2022-04-10T11:00:00Z"));
        library.shareAlbum(family, alex);

        library.addAlbum("Empty album", alex);
        return library;
    }

    private static void photos(
            SimulatedLibrary library, String albumId, String ownerId, String prefix, int count, Instant start) {
        for (int i = 1; i <= count; i++) {
            String name = String.format("%s%04d.JPG", prefix, i);
            int seed = (albumId + name).hashCode();
            library.addAsset(
                    albumId,
                    ownerId,
                    name,
                    "IMAGE",
                    start.plus(i * 7L, ChronoUnit.MINUTES),
                    Content.of(Thumbnails.jpeg(640, 480, seed, name)));
        }
    }
}
