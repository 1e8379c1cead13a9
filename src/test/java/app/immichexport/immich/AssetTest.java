package app.immichexport.immich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AssetTest {

    private static final String ID = "ab12cd34-0000-4000-8000-000000000001";

    private static Asset asset(String id, String name, String path, String checksum) {
        Instant taken = Instant.parse("2024-06-15T14:00:00Z");
        return new Asset(
                id,
                name,
                path,
                Asset.AssetType.IMAGE,
                taken,
                taken,
                checksum,
                100,
                null,
                false,
                false,
                "timeline",
                null,
                "u1",
                "image/jpeg",
                taken,
                null);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/data/upload/u1/ab/12/" + ID + ".jpg",
                "upload/u1/ab/12/" + ID + ".JPG",
                "ab/12/" + ID + ".jpg",
                "/data/upload/u1/ff/ee/ffee0000-0000-4000-8000-000000000002.jpg",
                "/data/library/admin/2024/2024-06-15/IMG_0001.JPG",
                "/data/library/admin/2024/2024-06-15/IMG_0001+1.JPG",
                "/mnt/photos/ab/12/" + ID,
                "IMG_0001.JPG",
                "abc",
                "",
                "/",
                "/data/upload/u1/xx/yy/" + ID + ".jpg",
                "/data/upload/u1/ab/1/" + ID + ".jpg",
                "/mnt/üñï/cödé/ab/12/ab12.heic"
            })
    void everyPathIsGivenBackAsImmichSaidIt(String path) {
        assertEquals(path, asset(ID, "IMG_0001.JPG", path, null).originalPath());
    }

    @Test
    void noPathIsNone() {
        assertNull(asset(ID, "IMG_0001.JPG", null, null).originalPath());
    }

    @Test
    void foldersManyAssetsShareAreHeldOnce() {
        StoredPath one = StoredPath.of("/data/upload/u1/ab/12/" + ID + ".jpg", ID, "a.jpg");
        StoredPath other = StoredPath.of(
                new String("/data/upload/u1/cd/34/cd340000-0000-4000-8000-000000000003.jpg"),
                "cd340000-0000-4000-8000-000000000003",
                "b.jpg");
        assertSame(one.folder(), other.folder());
        assertEquals("/data/upload/u1/", one.folder());
        assertSame(one.name(), other.name());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"2jmj7l5rSw0yVb/vlWAYkK/YBwk=", "c2hhMQ==", "not base64!", "", "AAAAAAAAAAAAAAAAAAAAAAAAAAA="})
    void everyChecksumIsGivenBackAsImmichSaidIt(String checksum) {
        assertEquals(checksum, asset(ID, "a.jpg", "a.jpg", checksum).checksumSha1());
    }

    @Test
    void assetsAreEqualByWhatTheyHold() {
        String path = "/data/upload/u1/ab/12/" + ID + ".jpg";
        assertEquals(asset(ID, "a.jpg", path, "c2hhMQ=="), asset(ID, "a.jpg", new String(path), "c2hhMQ=="));
        assertNotEquals(asset(ID, "a.jpg", path, "c2hhMQ=="), asset(ID, "a.jpg", path, "c2hhMg=="));
        assertNotEquals(asset(ID, "a.jpg", path, null), asset(ID, "a.jpg", path + "x", null));
    }
}
