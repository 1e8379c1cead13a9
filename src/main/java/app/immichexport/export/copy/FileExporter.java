package app.immichexport.export.copy;

import app.immichexport.export.plan.PlannedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * Brings one planned file to disk, verified: from Immich's upload folder when it is mounted and
 * holds the file, else downloaded from Immich. A file already there is recognised, never replaced.
 */
public final class FileExporter {

    /** Opens a planned file's bytes from Immich (an original, a motion part or a sidecar), from an offset. */
    @FunctionalInterface
    public interface Originals {
        InputStream open(PlannedFile file, long offset) throws IOException;
    }

    public enum Source {
        UPLOAD_FOLDER,
        API,
        /** a sidecar written from Immich's metadata into the one already there */
        WRITTEN
    }

    /**
     * What was done, from where, and how often a download had to be resumed.
     *
     * @param asRecorded the file was found exactly as this application recorded it: nothing new to record
     * @param madeFrom   for an edited picture, what Immich rendered it from (its edits and its look)
     */
    public record Result(CopyOutcome outcome, Source source, int retries, boolean asRecorded, String madeFrom) {

        public Result(CopyOutcome outcome, Source source, int retries, boolean asRecorded) {
            this(outcome, source, retries, asRecorded, null);
        }

        public Result(CopyOutcome outcome, Source source, int retries) {
            this(outcome, source, retries, false);
        }
    }

    /**
     * What this application recorded of a file it wrote earlier.
     *
     * @param madeFrom for an edited picture, what Immich rendered it from; null for other files
     */
    public record Recorded(long size, String sha1, Instant modifiedAt, String madeFrom) {

        public Recorded(long size, String sha1, Instant modifiedAt) {
            this(size, sha1, modifiedAt, null);
        }
    }

    /**
     * Times a download is opened again after a failure: a busy server failing 8 requests in 100 would
     * leave about 4 files of 100,000 failed with 3, none with 5 (the last waits 2.5 s).
     */
    static final int RESUMES = 5;

    static final int CORRUPT_RETRIES = 1;

    private final TargetFolders folders;
    private final Optional<UploadFolder> upload;
    private final Originals originals;
    private final Map<String, Recorded> recorded;
    private final long backoffMillis;
    private final Durability durability;
    private final long jobId;
    /** Present when sidecars are written from Immich's metadata rather than copied. */
    private Optional<SidecarContent> sidecars = Optional.empty();

    /** Present when edited pictures are exported. */
    private Optional<EditedCopy> editedPictures = Optional.empty();

    public FileExporter(
            Path root,
            Optional<UploadFolder> upload,
            Originals originals,
            Map<String, Recorded> recorded,
            long backoffMillis) {
        this(root, upload, originals, recorded, backoffMillis, Durability.eachFile(), VerifiedWriter.NO_JOB);
    }

    public FileExporter(
            Path root,
            Optional<UploadFolder> upload,
            Originals originals,
            Map<String, Recorded> recorded,
            long backoffMillis,
            Durability durability,
            long jobId) {
        this.durability = durability;
        this.jobId = jobId;
        this.folders = new TargetFolders(root);
        this.upload = upload;
        this.originals = originals;
        this.recorded = recorded;
        this.backoffMillis = backoffMillis;
    }

    /** Sidecars are written from Immich's metadata, merged into what is there, rather than copied. */
    public FileExporter writingSidecars(SidecarContent content) {
        this.sidecars = Optional.of(content);
        return this;
    }

    /** Edited pictures are fetched again when what Immich renders them from has changed. */
    public FileExporter askingEdits(PictureEdits edits) {
        this.editedPictures = Optional.of(new EditedCopy(originals, edits, backoffMillis, durability, jobId));
        return this;
    }

    /** Forces to disk what was published but not synced yet: a no-op when every file is synced as it is written. */
    public void makeDurable() {
        try {
            durability.flush();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot force the copied files to disk: " + e.getMessage(), e);
        }
    }

    /** Why the mounted upload folder was of no use to this exporter, if it was not. */
    public Optional<String> uploadFolderWarning() {
        return upload.flatMap(UploadFolder::warning);
    }

    /**
     * The result for a file found at its target exactly as this application recorded it, from one
     * look at the file without reading it; empty when it must be copied or read.
     */
    public Optional<Result> asRecorded(PlannedFile file) {
        if (file.kind() == PlannedFile.Kind.EDITED
                || (file.kind() == PlannedFile.Kind.SIDECAR && sidecars.isPresent())) {
            // what it holds depends on Immich's metadata or edits now, not on what was recorded
            return Optional.empty();
        }
        try {
            BasicFileAttributes there = attributes(folders.prepare(file.relativePath()));
            if (there != null && there.isRegularFile() && matchesRecord(file, there)) {
                return Optional.of(new Result(
                        CopyOutcome.identical(
                                there.size(), recorded.get(file.relativePath()).sha1()),
                        null,
                        0,
                        true));
            }
        } catch (IOException e) {
            // the full export reports it
        }
        return Optional.empty();
    }

    /** @param written told of the bytes as they are written, for progress within large files */
    public Result export(PlannedFile file, LongConsumer written) {
        Path target;
        try {
            target = folders.prepare(file.relativePath());
        } catch (IOException e) {
            return new Result(CopyOutcome.failed(e.getMessage()), null, 0);
        }
        BasicFileAttributes there = attributes(target);
        if (file.kind() == PlannedFile.Kind.SIDECAR && sidecars.isPresent()) {
            return writeSidecar(file, target, there);
        }
        if (file.kind() == PlannedFile.Kind.EDITED) {
            return edited(file, target, there, written);
        }
        if (there != null) {
            return existing(file, target, there, null);
        }
        Optional<Path> local = upload.flatMap(u -> u.find(file.sourcePath()));
        if (local.isPresent()) {
            try (InputStream in = Files.newInputStream(local.get())) {
                String sha1 = write(in, target, file, written);
                return new Result(CopyOutcome.copied(Files.size(target), sha1), Source.UPLOAD_FOLDER, 0);
            } catch (FileAlreadyExistsException e) {
                return existing(file, target, attributes(target), null);
            } catch (IOException e) {
                if (isNoSpace(e)) {
                    // downloading would meet the same full disk
                    return new Result(noSpace(e), Source.UPLOAD_FOLDER, 0);
                }
                // the mounted file is not the one Immich describes (or is unreadable): ask Immich itself
            }
        }
        return download(file, target, written);
    }

    private Result download(PlannedFile file, Path target, LongConsumer written) {
        int retries = 0;
        String problem = null;
        for (int attempt = 0; attempt <= CORRUPT_RETRIES; attempt++) {
            if (attempt > 0) {
                retries++;
            }
            ResumingInputStream in = new ResumingInputStream(
                    offset -> originals.open(file, offset), file.expectedSize(), RESUMES, backoffMillis);
            try (in) {
                String sha1 = write(in, target, file, written);
                return new Result(CopyOutcome.copied(Files.size(target), sha1), Source.API, retries + in.retries());
            } catch (FileAlreadyExistsException e) {
                return existing(file, target, attributes(target), new Result(null, Source.API, retries + in.retries()));
            } catch (ContentMismatchException e) {
                problem = "the download did not match Immich's description: " + e.getMessage();
                retries += in.retries();
            } catch (InterruptedIOException e) {
                return new Result(CopyOutcome.cancelled(), Source.API, retries + in.retries());
            } catch (IOException e) {
                return new Result(
                        isNoSpace(e) ? noSpace(e) : CopyOutcome.failed("download failed: " + e.getMessage()),
                        Source.API,
                        retries + in.retries());
            }
        }
        return new Result(CopyOutcome.failed(problem), Source.API, retries);
    }

    private Result edited(PlannedFile file, Path target, BasicFileAttributes there, LongConsumer written) {
        Recorded ours = there != null && matchesRecord(file, there) ? recorded.get(file.relativePath()) : null;
        return editedPictures
                .map(copy -> copy.export(file, target, there, ours, written))
                .orElseGet(() -> new Result(CopyOutcome.failed("this export does not fetch edited pictures"), null, 0));
    }

    /**
     * A sidecar written from Immich's metadata: merged into the one at the target (another program's,
     * or this application's from an earlier run), else into Immich's own. Left as it is when it holds
     * that already; a target changed since it was written here is merged, not replaced, and says so.
     */
    private Result writeSidecar(PlannedFile file, Path target, BasicFileAttributes there) {
        if (there != null && !there.isRegularFile()) {
            return new Result(notAFile(file), null, 0);
        }
        try {
            byte[] present = there == null ? null : Files.readAllBytes(target);
            if (present != null && matchesRecord(file, there) && sidecars.get().isCurrent(file, present)) {
                return new Result(
                        CopyOutcome.identical(
                                present.length,
                                recorded.get(file.relativePath()).sha1()),
                        null,
                        0,
                        true);
            }
            byte[] base = present;
            if (base == null && file.sourcePath() != null) {
                base = immichsSidecar(file);
            }
            byte[] content = sidecars.get().merge(file, base);
            String presentSha1 = present == null ? null : VerifiedWriter.sha1Of(present);
            if (present != null && java.util.Arrays.equals(present, content)) {
                return new Result(CopyOutcome.identical(content.length, presentSha1), null, 0);
            }
            String sha1 = VerifiedWriter.replace(content, target, presentSha1, file.modifiedTime(), durability, jobId);
            Recorded earlier = recorded.get(file.relativePath());
            String reason =
                    present != null && earlier != null && !earlier.sha1().equals(presentSha1)
                            ? "merged with what another program changed in it on disk"
                            : null;
            return new Result(
                    new CopyOutcome(CopyOutcome.Status.COPIED, content.length, sha1, reason, false), Source.WRITTEN, 0);
        } catch (SidecarContent.Unmergeable e) {
            return new Result(
                    CopyOutcome.conflict("the sidecar at " + file.relativePath() + " is not XMP that can be read ("
                            + e.getMessage() + "); it was left as it is"),
                    null,
                    0);
        } catch (FileAlreadyExistsException e) {
            return new Result(
                    CopyOutcome.conflict(file.relativePath() + " changed while it was merged; it was left as it is"),
                    null,
                    0);
        } catch (IOException e) {
            return new Result(
                    isNoSpace(e) ? noSpace(e) : CopyOutcome.failed("the sidecar was not written: " + e.getMessage()),
                    null,
                    0);
        }
    }

    /** Immich's own sidecar, from the mounted upload folder where it lies there. */
    private byte[] immichsSidecar(PlannedFile file) throws IOException {
        Optional<Path> local = upload.flatMap(u -> u.find(file.sourcePath()));
        if (local.isPresent()) {
            try {
                return Files.readAllBytes(local.get());
            } catch (IOException e) {
                // unreadable here: Immich serves it
            }
        }
        try (InputStream immichs = originals.open(file, 0)) {
            return immichs.readAllBytes();
        }
    }

    /** The export root is full, or the user's quota on it used up. */
    static boolean isNoSpace(IOException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("No space left on device") || message.contains("Disk quota exceeded");
    }

    private static CopyOutcome noSpace(IOException e) {
        return CopyOutcome.noSpace("the export root is full (" + e.getMessage() + "); nothing was left of this file");
    }

    private String write(InputStream in, Path target, PlannedFile file, LongConsumer written) throws IOException {
        return VerifiedWriter.write(
                in, target, file.expectedSize(), file.expectedSha1(), file.modifiedTime(), written, durability, jobId);
    }

    /**
     * A file is at the target already. It is ours and unchanged when its size and time match what we
     * recorded (no need to read it); otherwise its bytes must match Immich's checksum.
     */
    private Result existing(PlannedFile file, Path target, BasicFileAttributes there, Result download) {
        Source source = download == null ? null : download.source();
        int retries = download == null ? 0 : download.retries();
        if (there == null || !there.isRegularFile()) {
            return new Result(notAFile(file), source, retries);
        }
        if (matchesRecord(file, there)) {
            return new Result(
                    CopyOutcome.identical(
                            there.size(), recorded.get(file.relativePath()).sha1()),
                    source,
                    retries,
                    true);
        }
        return new Result(unrecorded(file, target, there, file.expectedSha1()), source, retries);
    }

    static CopyOutcome notAFile(PlannedFile file) {
        return CopyOutcome.conflict(
                "something other than a file is at " + file.relativePath() + "; it was left as it is");
    }

    /**
     * A file at the target that this application did not record there, or that changed since: the
     * expected bytes, or somebody's file, left as it is.
     *
     * @param expectedSha1 what it must hold to count as the planned file; null when nothing can tell
     */
    static CopyOutcome unrecorded(PlannedFile file, Path target, BasicFileAttributes there, String expectedSha1) {
        long size = there.size();
        try {
            if (expectedSha1 != null
                    && (file.expectedSize() < 0 || file.expectedSize() == size)
                    && VerifiedWriter.sha1Of(target).equals(expectedSha1)) {
                return CopyOutcome.identical(size, expectedSha1);
            }
        } catch (IOException e) {
            return CopyOutcome.failed("cannot read the file already at " + file.relativePath() + ": " + e.getMessage());
        }
        return CopyOutcome.conflict("a different file is already at " + file.relativePath() + "; it was left as it is");
    }

    private boolean matchesRecord(PlannedFile file, BasicFileAttributes there) {
        Recorded earlier = recorded.get(file.relativePath());
        return earlier != null
                && earlier.size() == there.size()
                && earlier.modifiedAt() != null
                && earlier.modifiedAt().toEpochMilli()
                        == there.lastModifiedTime().toMillis()
                && (file.expectedSha1() == null || file.expectedSha1().equals(earlier.sha1()));
    }

    /**
     * One look at the target, not following a link; null when nothing is there. Most targets of a
     * first export are not there yet, and asking first costs no exception; a link that leads nowhere
     * looks absent here and is refused when the file is published.
     */
    private static BasicFileAttributes attributes(Path target) {
        if (!Files.exists(target)) {
            return null;
        }
        try {
            return Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException nothingThere) {
            return null;
        }
    }
}
