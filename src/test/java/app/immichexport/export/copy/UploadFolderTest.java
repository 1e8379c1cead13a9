package app.immichexport.export.copy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
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
