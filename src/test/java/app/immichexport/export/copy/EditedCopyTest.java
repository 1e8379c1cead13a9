package app.immichexport.export.copy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.immichexport.export.copy.CopyOutcome.Status;
import app.immichexport.export.plan.PlannedFile;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Edited pictures: no checksum of Immich's, so read twice; fetched again only when their edits change. */
class EditedCopyTest {

    private static final Instant TAKEN = Instant.parse("2024-06-15T14:00:00Z");
    /** The two bytes every JPEG starts with. */
    private static final String JPEG = "\u00FF\u00D8";

    @TempDir
    Path root;

    private final AtomicInteger downloads = new AtomicInteger();
    private volatile String rendered = JPEG + "picture cropped once";
    private volatile boolean unsteady;
    private PlannedFile file;

    @BeforeEach
    void setUp() {
        file = new PlannedFile(
                "a1",
                "album1",
                PlannedFile.Kind.EDITED,
                "Trip/beach_edited.jpg",
                -1,
                null,
                TAKEN,
                "beach.jpg",
                false,
                null);
    }

    private FileExporter exporter(Map<String, FileExporter.Recorded> recorded, String madeFrom) {
        FileExporter.Originals immich = (planned, offset) -> {
            int read = downloads.getAndIncrement();
            String served = unsteady ? rendered + " read " + read : rendered;
            byte[] body = served.getBytes(StandardCharsets.ISO_8859_1);
            return new ByteArrayInputStream(body, (int) offset, body.length - (int) offset);
        };
        return new FileExporter(root, Optional.empty(), immich, recorded, 1).askingEdits(planned -> madeFrom);
    }

    private Path target() {
        return root.resolve(file.relativePath());
    }

    private FileExporter.Result export(Map<String, FileExporter.Recorded> recorded, String madeFrom) {
        return exporter(recorded, madeFrom).export(file, bytes -> {});
    }

    /** What the job records of the picture it wrote. */
    private Map<String, FileExporter.Recorded> recordOf(FileExporter.Result result) throws Exception {
        return Map.of(
                file.relativePath(),
                new FileExporter.Recorded(
                        Files.size(target()),
                        result.outcome().sha1(),
                        Files.getLastModifiedTime(target()).toInstant(),
                        result.madeFrom()));
    }

    @Test
    void aNewPictureIsReadTwiceAndWrittenOnlyWhenBothReadsAgree() throws Exception {
        FileExporter.Result result = export(Map.of(), "edits-1");
        assertEquals(Status.COPIED, result.outcome().status(), result.outcome().reason());
        assertEquals(2, downloads.get());
        assertEquals(JPEG + "picture cropped once", Files.readString(target(), StandardCharsets.ISO_8859_1));
        assertEquals(TAKEN, Files.getLastModifiedTime(target()).toInstant());
        assertEquals("edits-1", result.madeFrom());
    }

    @Test
    void readsThatDisagreeLeaveNothingBehind() throws Exception {
        unsteady = true;
        FileExporter.Result result = export(Map.of(), "edits-1");
        assertEquals(Status.FAILED, result.outcome().status());
        assertTrue(result.outcome().reason().contains("two downloads of the edited picture differed"));
        assertFalse(Files.exists(target()));
        try (var left = Files.list(target().getParent())) {
            assertEquals(0, left.count(), "no temporary file is left");
        }
    }

    @Test
    void aPictureMadeFromTheSameEditsIsNotFetchedAgain() throws Exception {
        Map<String, FileExporter.Recorded> recorded = recordOf(export(Map.of(), "edits-1"));
        downloads.set(0);
        FileExporter exporter = exporter(recorded, "edits-1");
        assertTrue(exporter.asRecorded(file).isEmpty(), "its edits must be asked first");
        FileExporter.Result again = exporter.export(file, bytes -> {});
        assertEquals(Status.IDENTICAL, again.outcome().status());
        assertTrue(again.asRecorded());
        assertEquals(0, downloads.get());
    }

    @Test
    void changedEditsReplaceThePictureThisApplicationWrote() throws Exception {
        Map<String, FileExporter.Recorded> recorded = recordOf(export(Map.of(), "edits-1"));
        rendered = JPEG + "picture cropped and rotated";
        downloads.set(0);
        FileExporter.Result again = export(recorded, "edits-2");
        assertEquals(Status.COPIED, again.outcome().status(), again.outcome().reason());
        assertEquals(2, downloads.get());
        assertEquals(JPEG + "picture cropped and rotated", Files.readString(target(), StandardCharsets.ISO_8859_1));
        assertEquals("edits-2", again.madeFrom());
    }

    @Test
    void changedEditsThatRenderTheSamePictureOnlyUpdateTheRecord() throws Exception {
        Map<String, FileExporter.Recorded> recorded = recordOf(export(Map.of(), "edits-1"));
        FileExporter.Result again = export(recorded, "edits-1 and back");
        assertEquals(Status.IDENTICAL, again.outcome().status());
        assertFalse(again.asRecorded(), "the new digest is recorded");
        assertEquals("edits-1 and back", again.madeFrom());
    }

    @Test
    void aPictureChangedOnDiskIsLeftAsItIs() throws Exception {
        Map<String, FileExporter.Recorded> recorded = recordOf(export(Map.of(), "edits-1"));
        Files.writeString(target(), "retouched by hand");
        rendered = JPEG + "picture cropped and rotated";
        FileExporter.Result again = export(recorded, "edits-2");
        assertEquals(Status.CONFLICT, again.outcome().status());
        assertEquals("retouched by hand", Files.readString(target()));
    }

    @Test
    void aPictureInAnotherFormatIsNotSavedUnderAJpegName() throws Exception {
        rendered = "RIFF....WEBPVP8 ";
        FileExporter.Result result = export(Map.of(), "edits-1");
        assertEquals(Status.FAILED, result.outcome().status());
        assertTrue(
                result.outcome().reason().contains("another format than JPEG"),
                result.outcome().reason());
        assertFalse(Files.exists(target()));
    }

    @Test
    void anUnrecordedFileWithTheSameBytesIsIdentical() throws Exception {
        Files.createDirectories(target().getParent());
        Files.write(target(), rendered.getBytes(StandardCharsets.ISO_8859_1));
        FileExporter.Result result = export(Map.of(), "edits-1");
        assertEquals(Status.IDENTICAL, result.outcome().status());
        assertArrayEquals(rendered.getBytes(StandardCharsets.ISO_8859_1), Files.readAllBytes(target()));
    }
}
