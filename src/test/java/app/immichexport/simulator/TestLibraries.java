package app.immichexport.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** The library the tests run against: the demo albums plus the cases the demo does not show. */
public final class TestLibraries {

    public static final String KEY_ALL = "it-key-all";
    public static final String KEY_READ_ONLY = "it-key-read";
    /** Where the tests' external library imports from, as Immich's container sees it. */
    public static final String LIBRARY_IMPORT_PATH = "/mnt/it-exports";

    public static final String LIBRARY_NAME = "Family archive";
    /** A library of its own for moves into it, so that its scans import only what those tests export. */
    public static final String HANDOVER_LIBRARY = "Handover archive";

    public static final String HANDOVER_IMPORT_PATH = "/mnt/handover";
    public static final String BIG_ALBUM = "Big album";
    public static final int BIG_ALBUM_SIZE = 2345;
    public static final String ARCHIVE_ALBUM = "With archived photo";
    public static final String LARGE_FILES_ALBUM = "Large files";
    public static final int LARGE_FILE_SIZE = 200_000;
    public static final String MOVE_ALBUM = "Move me";
    public static final String MOVE_SHARED_ALBUM = "Move with Sam's photo";
    public static final String MOVE_CORRUPT_ALBUM = "Move but corrupt";
    public static final String MOVE_CONSENT_ALBUM = "Move with Sam's consent";
    public static final String LYING_ALBUM = "Lying album";
    public static final String CHANGING_ALBUM = "Changing album";
    public static final String SIDECAR_ALBUM = "With sidecars";
    /** Text PostgreSQL cannot store as it is: a NUL character and half of a surrogate pair. */
    public static final String UNSTORABLE_ALBUM = "Nul\u0000 and half \uD83D of a pair";

    public static final String UNSTORABLE_PHOTO = "IMG\u0000_0001\uDE00.JPG";
    public static final String SIDECAR_XML = "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF/></x:xmpmeta>";

    private TestLibraries() {}

    public static SimulatedLibrary create() {
        SimulatedLibrary library = DemoLibrary.create(KEY_ALL);
        String owner = library.albums().get(0).ownerId;
        library.addKey(KEY_READ_ONLY, owner, "read only", Set.of("album.read", "asset.read"));
        library.addExternalLibrary(
                LIBRARY_NAME, owner, List.of(LIBRARY_IMPORT_PATH, "/mnt/scans"), List.of("**/@eaDir/**", "**/._*"));
        library.addExternalLibrary(HANDOVER_LIBRARY, owner, List.of(HANDOVER_IMPORT_PATH), List.of("**/Private/**"));
        String big = library.addAlbum(BIG_ALBUM, owner);
        Instant start = Instant.parse("2021-03-01T08:00:00Z");
        for (int i = 0; i < BIG_ALBUM_SIZE; i++) {
            library.addAsset(
                    big,
                    owner,
                    String.format("P%05d.JPG", i),
                    "IMAGE",
                    start.plusSeconds(60L * i),
                    Content.pseudoRandom(i, 512));
        }
        String unstorable = library.addAlbum(UNSTORABLE_ALBUM, owner);
        library.addAsset(unstorable, owner, UNSTORABLE_PHOTO, "IMAGE", start, Content.pseudoRandom(-77, 100));
        library.addAsset(unstorable, owner, "plain.jpg", "IMAGE", start.plusSeconds(1), Content.pseudoRandom(-78, 100));
        String archive = library.addAlbum(ARCHIVE_ALBUM, owner);
        library.addAsset(archive, owner, "visible.jpg", "IMAGE", start, Content.pseudoRandom(-1, 100));
        library.addArchivedAsset(archive, owner, "archived.jpg", start.plusSeconds(5), Content.pseudoRandom(-2, 100));
        library.addExternalAsset(archive, owner, "external.jpg", start.plusSeconds(9), Content.pseudoRandom(-3, 100));
        String large = library.addAlbum(LARGE_FILES_ALBUM, owner);
        for (int i = 0; i < 3; i++) {
            library.addAsset(
                    large,
                    owner,
                    "large-" + i + ".bin.JPG",
                    "IMAGE",
                    start.plusSeconds(i),
                    Content.pseudoRandom(1000 + i, LARGE_FILE_SIZE));
        }
        String sam = library.albums().stream()
                .filter(a -> !a.ownerId.equals(owner))
                .findFirst()
                .orElseThrow()
                .ownerId;
        String move = library.addAlbum(MOVE_ALBUM, owner);
        for (int i = 0; i < 3; i++) {
            library.addAsset(
                    move,
                    owner,
                    "move-" + i + ".jpg",
                    "IMAGE",
                    start.plusSeconds(i),
                    Content.pseudoRandom(2000 + i, 700));
        }
        SimulatedAsset still =
                library.addAsset(move, owner, "live.heic", "IMAGE", start, Content.pseudoRandom(2100, 900));
        library.addLivePhotoMotion(still, "live.mov", Content.pseudoRandom(2101, 1500));
        String shared = library.addAlbum(MOVE_SHARED_ALBUM, owner);
        library.shareAlbum(shared, sam);
        library.addAsset(shared, owner, "mine-1.jpg", "IMAGE", start, Content.pseudoRandom(2200, 600));
        library.addAsset(shared, owner, "mine-2.jpg", "IMAGE", start, Content.pseudoRandom(2201, 600));
        library.addAsset(shared, sam, "sams.jpg", "IMAGE", start, Content.pseudoRandom(2202, 600));
        String consent = library.addAlbum(MOVE_CONSENT_ALBUM, owner);
        library.shareAlbum(consent, sam);
        library.addAsset(consent, owner, "own-c.jpg", "IMAGE", start, Content.pseudoRandom(2250, 600));
        library.addAsset(consent, sam, "sams-c.jpg", "IMAGE", start, Content.pseudoRandom(2251, 600));
        String corrupt = library.addAlbum(MOVE_CORRUPT_ALBUM, owner);
        library.addAsset(corrupt, owner, "c-1.jpg", "IMAGE", start, Content.pseudoRandom(2300, 600));
        library.addAsset(corrupt, owner, "c-2.jpg", "IMAGE", start, Content.pseudoRandom(2301, 600));
        String lying = library.addAlbum(LYING_ALBUM, owner);
        for (int i = 0; i < 3; i++) {
            library.addAsset(lying, owner, "lie-" + i + ".jpg", "IMAGE", start, Content.pseudoRandom(2400 + i, 600));
        }
        String changing = library.addAlbum(CHANGING_ALBUM, owner);
        for (int i = 0; i < 4; i++) {
            library.addAsset(
                    changing,
                    owner,
                    "change-" + i + ".jpg",
                    "IMAGE",
                    start.plusSeconds(i),
                    Content.pseudoRandom(2500 + i, 800));
        }
        String sidecars = library.addAlbum(SIDECAR_ALBUM, owner);
        SimulatedAsset described =
                library.addAsset(sidecars, owner, "described.jpg", "IMAGE", start, Content.pseudoRandom(2600, 700));
        library.addSidecar(described, Content.of(SIDECAR_XML.getBytes(StandardCharsets.UTF_8)));
        library.addAsset(sidecars, owner, "plain.jpg", "IMAGE", start.plusSeconds(1), Content.pseudoRandom(2601, 700));
        return library;
    }

    /** Adds a photo to an album, as a user does in Immich. */
    public static SimulatedAsset addPhoto(SimulatedLibrary library, String albumName, String fileName) {
        String owner = library.albums().get(0).ownerId;
        return library.addAsset(
                library.albumIdByName(albumName),
                owner,
                fileName,
                "IMAGE",
                Instant.parse("2021-04-01T08:00:00Z"),
                Content.pseudoRandom(fileName.hashCode(), 900));
    }

    /** The user whose key the tests mostly use. */
    public static String mainOwner(SimulatedLibrary library) {
        return library.albums().get(0).ownerId;
    }

    /** Gives the tests' main key other permissions, as if its owner had edited it in Immich. */
    public static void setPermissions(SimulatedLibrary library, Set<String> permissions) {
        String owner = library.albums().get(0).ownerId;
        library.addKey(KEY_ALL, owner, "it", permissions);
    }

    /** Another API key, with every permission, of the user who owns the tests' albums. */
    public static void addOwnersKey(SimulatedLibrary library, String secret) {
        library.addKey(secret, library.albums().get(0).ownerId, "another key", Set.of("all"));
    }

    /** The demo's second user, Sam. */
    public static String samId(SimulatedLibrary library) {
        return library.userIdByName("Sam Demo").orElseThrow();
    }

    /** An API key, with every permission, of the demo's second user, Sam. */
    public static void addSamsKey(SimulatedLibrary library, String secret) {
        library.addKey(secret, library.userIdByName("Sam Demo").orElseThrow(), "sam's key", Set.of("all"));
    }

    /** A new album of the tests' owner with a few small photos; returns its id. */
    public static String addAlbumWithPhotos(SimulatedLibrary library, String name, int photos) {
        String album = library.addAlbum(name, library.albums().get(0).ownerId);
        for (int i = 0; i < photos; i++) {
            addPhoto(library, name, "m-" + i + ".jpg");
        }
        return album;
    }
}
