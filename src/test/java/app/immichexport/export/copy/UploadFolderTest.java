package app.immichexport.export.copy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadFolderTest {

    @TempDir
    Path mount;

    @Test
    void mapsEveryFormImmichReportsToTheMountedFile() throws Exception {
        Path file = mount.resolve("upload/u1/ab/cd/a1.jpg");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "x");
        UploadFolder upload = new UploadFolder(mount);
        assertEquals(Optional.of(file), upload.find("/usr/src/app/upload/upload/u1/ab/cd/a1.jpg"));
        assertEquals(Optional.of(file), upload.find("upload/upload/u1/ab/cd/a1.jpg"));
        assertEquals(Optional.of(file), upload.find("upload/u1/ab/cd/a1.jpg"));
        assertEquals(
                Optional.of(file), upload.find("/data/upload/u1/ab/cd/a1.jpg"), "current installs keep media at /data");
        assertTrue(upload.warning().isEmpty(), "files were found");
    }

    @Test
    void mapsAStorageTemplatesLibraryFolderOnBothLayouts() throws Exception {
        Path file = mount.resolve("library/admin/2024/2024-06-15/IMG_0001.jpg");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "x");
        UploadFolder upload = new UploadFolder(mount);
        assertEquals(Optional.of(file), upload.find("/data/library/admin/2024/2024-06-15/IMG_0001.jpg"));
        assertEquals(Optional.of(file), upload.find("/usr/src/app/upload/library/admin/2024/2024-06-15/IMG_0001.jpg"));
    }

    @Test
    void findsTheSidecarBesideAnOriginalInTheNamesImmichUses() throws Exception {
        Path folder = mount.resolve("library/admin/2024");
        Files.createDirectories(folder);
        for (String name : List.of("IMG_1.jpg", "IMG_1.jpg.xmp", "IMG_2.jpg", "IMG_2.xmp", "IMG_3.jpg")) {
            Files.writeString(folder.resolve(name), "x");
        }
        UploadFolder upload = new UploadFolder(mount);
        assertEquals(
                Optional.of(Optional.of("/data/library/admin/2024/IMG_1.jpg.xmp")),
                upload.sidecarBeside("/data/library/admin/2024/IMG_1.jpg"));
        assertEquals(
                Optional.of(Optional.of("/data/library/admin/2024/IMG_2.xmp")),
                upload.sidecarBeside("/data/library/admin/2024/IMG_2.jpg"));
        assertEquals(Optional.of(Optional.empty()), upload.sidecarBeside("/data/library/admin/2024/IMG_3.jpg"));
        assertEquals(
                Optional.empty(),
                upload.sidecarBeside("/data/library/admin/2024/IMG_4.jpg"),
                "without the original the mount cannot tell");
        UploadFolder looked = new UploadFolder(mount);
        looked.sidecarBeside("/data/library/admin/2024/IMG_4.jpg");
        assertTrue(
                looked.warning().isEmpty(),
                "a look for sidecars is not a copy's look for originals: the copy counts those once");
    }

    @Test
    void saysPlainlyWhenNoOriginalIsInTheMount() {
        UploadFolder upload = new UploadFolder(mount);
        assertTrue(upload.find("/data/upload/u1/ab/cd/a1.jpg").isEmpty());
        assertTrue(upload.find("/data/upload/u1/ab/cd/a2.jpg").isEmpty());
        String warning = upload.warning().orElseThrow();
        assertTrue(
                warning.contains("none of the 2 originals") && warning.contains("/data/upload/u1/ab/cd/a1.jpg"),
                warning);
    }

    @Test
    void neverLeavesTheMount() throws Exception {
        Files.writeString(mount.getParent().resolve("secret.txt"), "x");
        UploadFolder upload = new UploadFolder(mount);
        assertTrue(upload.find("/usr/src/app/upload/../secret.txt").isEmpty());
        assertTrue(upload.find("upload/../../secret.txt").isEmpty());
        assertTrue(upload.find("/etc/passwd").isEmpty());
        assertTrue(upload.find("").isEmpty());
        assertTrue(upload.find("/usr/src/app/upload/upload/u1/missing.jpg").isEmpty());
    }
}
