package app.immichexport.immich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImmichTranslatorTest {

    private static final ImmichDtos.User ALEX = new ImmichDtos.User("u1", "Alex", "alex@example.org");
    private static final ImmichDtos.User SAM = new ImmichDtos.User("u2", "", "sam@example.org");

    @Test
    void threeXNamesTheOwnerAsTheAlbumUserWithTheOwnerRole() {
        ImmichDtos.Album dto = new ImmichDtos.Album(
                "a1",
                "Wedding",
                null,
                12,
                "t1",
                "2024-06-15T14:00:00.000Z",
                "2024-06-16T10:00:00+02:00",
                null,
                null,
                true,
                List.of(new ImmichDtos.AlbumUser("editor", SAM), new ImmichDtos.AlbumUser("owner", ALEX)),
                null,
                null,
                null);
        Album album = ImmichTranslator.album(dto);
        assertEquals("u1", album.ownerId());
        assertEquals("Alex", album.ownerName());
        assertEquals("", album.description());
        assertEquals(Instant.parse("2024-06-15T14:00:00Z"), album.startDate());
        assertEquals(Instant.parse("2024-06-16T08:00:00Z"), album.endDate());
        assertTrue(album.shared());
    }

    @Test
    void twoXNamesTheOwnerDirectlyAndFallsBackToTheEmail() {
        ImmichDtos.Album dto = new ImmichDtos.Album(
                "a1", "Trip", "", 3, null, null, null, null, null, false, List.of(), SAM, "u2", null);
        Album album = ImmichTranslator.album(dto);
        assertEquals("u2", album.ownerId());
        assertEquals("sam@example.org", album.ownerName());
        assertNull(album.startDate());
        assertFalse(album.shared());
    }

    @Test
    void externalAssetsHaveNoContentChecksum() {
        ImmichDtos.Asset uploaded = asset(
                null,
                new ImmichDtos.ExifInfo(
                        1234L, "2020-01-02T03:04:05.000Z", null, null, null, null, null, null, null, null));
        ImmichDtos.Asset external = asset("lib1", null);
        assertEquals("c2hhMQ==", ImmichTranslator.asset(uploaded).checksumSha1());
        assertNull(ImmichTranslator.asset(external).checksumSha1());
        assertTrue(ImmichTranslator.asset(external).isExternal());
    }

    @Test
    void captureTimeComesFromExifThenFromTheFile() {
        assertEquals(
                Instant.parse("2020-01-02T03:04:05Z"),
                ImmichTranslator.asset(asset(
                                null,
                                new ImmichDtos.ExifInfo(
                                        1234L,
                                        "2020-01-02T03:04:05.000Z",
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null,
                                        null)))
                        .capturedAt());
        Asset withoutExif = ImmichTranslator.asset(asset(null, null));
        assertEquals(Instant.parse("2019-05-05T05:05:05Z"), withoutExif.capturedAt());
        assertEquals(Instant.parse("2019-06-06T06:06:06Z"), withoutExif.updatedAt());
        assertEquals(-1, withoutExif.size());
    }

    @Test
    void unknownAssetTypesBecomeOther() {
        ImmichDtos.Asset dto = new ImmichDtos.Asset(
                "x",
                "a.bin",
                "/p",
                "HOLOGRAM",
                null,
                null,
                null,
                "c",
                null,
                false,
                false,
                false,
                "timeline",
                null,
                "u1",
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        assertEquals(Asset.AssetType.OTHER, ImmichTranslator.asset(dto).type());
    }

    @Test
    void versionsOlderThanTwoAreNotSupported() {
        assertFalse(new ImmichVersion(1, 142, 0).isSupported());
        assertTrue(new ImmichVersion(2, 0, 0).isSupported());
        assertTrue(new ImmichVersion(2, 7, 5).albumsListAssets());
        assertFalse(new ImmichVersion(3, 2, 2).albumsListAssets());
        assertTrue(new UnsupportedImmichVersionException("http://immich", new ImmichVersion(1, 142, 1))
                .getMessage()
                .contains("Immich 1.142.1"));
    }

    @Test
    void theApiLivesBelowSlashApi() {
        assertEquals(
                "http://immich:2283/api/",
                ImmichCalls.apiBase("http://immich:2283").toString());
        assertEquals(
                "http://immich:2283/api/",
                ImmichCalls.apiBase("http://immich:2283/").toString());
        assertEquals(
                "http://immich:2283/api/",
                ImmichCalls.apiBase("http://immich:2283/api").toString());
    }

    @Test
    void theUsersAnAlbumIsSharedWithAreNamedWithoutItsOwner() {
        ImmichDtos.User owner = new ImmichDtos.User("u1", "Alex", "alex@example.org");
        ImmichDtos.User bob = new ImmichDtos.User("u2", "Bob", "bob@example.org");
        ImmichDtos.User carol = new ImmichDtos.User("u3", "", "carol@example.org");
        List<ImmichDtos.AlbumUser> v3 = List.of(
                new ImmichDtos.AlbumUser("owner", owner),
                new ImmichDtos.AlbumUser("editor", bob),
                new ImmichDtos.AlbumUser("viewer", carol));
        Album three = ImmichTranslator.album(
                new ImmichDtos.Album("a", "A", "", 1, null, null, null, null, null, true, v3, null, null, null));
        assertEquals(List.of("Bob", "carol@example.org"), three.sharedWithNames());
        assertEquals(
                new AlbumUser("u3", "carol@example.org", "viewer"),
                three.sharedWith().get(1));
        assertEquals("Alex", three.ownerName());
        // 2.x names the owner on its own and lists only the others as album users
        Album two = ImmichTranslator.album(new ImmichDtos.Album(
                "a", "A", "", 1, null, null, null, null, null, true, v3.subList(1, 2), owner, "u1", List.of()));
        assertEquals(List.of("Bob"), two.sharedWithNames());
    }

    @Test
    void membersAreCompleteOnlyWhenImmichReturnedTheWholeCount() {
        Album album = new Album("a", "A", "", 3, null, null, null, null, null, "u", "U", false);
        Asset one = ImmichTranslator.asset(asset(null, null));
        assertFalse(new AlbumMembers(album, List.of(one)).isComplete());
        assertEquals(2, new AlbumMembers(album, List.of(one)).missing());
        assertTrue(new AlbumMembers(album, List.of(one, one, one)).isComplete());
    }

    private static ImmichDtos.Asset asset(String libraryId, ImmichDtos.ExifInfo exif) {
        return new ImmichDtos.Asset(
                "as1",
                "IMG_1.JPG",
                "/usr/src/app/upload/upload/u1/ab/cd/as1.jpg",
                "IMAGE",
                "2019-05-05T05:05:05.000Z",
                "2019-05-05T05:05:05.000Z",
                "2019-05-05T05:05:05.000Z",
                "c2hhMQ==",
                libraryId,
                false,
                false,
                false,
                "timeline",
                null,
                "u1",
                exif,
                "image/jpeg",
                "2019-06-06T06:06:06.000Z",
                false,
                List.of(new ImmichDtos.Tag("t1", "Trips/Alps")),
                null,
                null);
    }
}
