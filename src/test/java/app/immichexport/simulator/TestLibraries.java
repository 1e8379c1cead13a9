package app.immichexport.simulator;

import java.time.Instant;
import java.util.Set;

/** The library the tests run against: the demo albums plus the cases the demo does not show. */
public final class TestLibraries {

    public static final String KEY_ALL = "it-key-all";
    public static final String KEY_READ_ONLY = "it-key-read";
    public static final String BIG_ALBUM = "Big album";
    public static final int BIG_ALBUM_SIZE = 2345;
    public static final String ARCHIVE_ALBUM = "With archived photo";
    public static final String LARGE_FILES_ALBUM = "Large files";
    public static final int LARGE_FILE_SIZE = 200_000;

    private TestLibraries() {
    }

    public static SimulatedLibrary create() {
        SimulatedLibrary library = DemoLibrary.create(KEY_ALL);
        String owner = library.albums().get(0).ownerId;
        library.addKey(KEY_READ_ONLY, owner, "read only", Set.of("album.read", "asset.read"));
        String big = library.addAlbum(BIG_ALBUM, owner);
        Instant start = Instant.parse("2021-03-01T08:00:00Z");
        for (int i = 0; i < BIG_ALBUM_SIZE; i++) {
            library.addAsset(big, owner, String.format("P%05d.JPG", i), "IMAGE", start.plusSeconds(60L * i),
                    Content.pseudoRandom(i, 512));
        }
        String archive = library.addAlbum(ARCHIVE_ALBUM, owner);
        library.addAsset(archive, owner, "visible.jpg", "IMAGE", start, Content.pseudoRandom(-1, 100));
        library.addArchivedAsset(archive, owner, "archived.jpg", start.plusSeconds(5), Content.pseudoRandom(-2, 100));
        library.addExternalAsset(archive, owner, "external.jpg", start.plusSeconds(9), Content.pseudoRandom(-3, 100));
        String large = library.addAlbum(LARGE_FILES_ALBUM, owner);
        for (int i = 0; i < 3; i++) {
            library.addAsset(large, owner, "large-" + i + ".bin.JPG", "IMAGE", start.plusSeconds(i),
                    Content.pseudoRandom(1000 + i, LARGE_FILE_SIZE));
        }
        return library;
    }
}
