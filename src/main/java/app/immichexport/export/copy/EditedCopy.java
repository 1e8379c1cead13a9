package app.immichexport.export.copy;

import app.immichexport.export.copy.FileExporter.Recorded;
import app.immichexport.export.copy.FileExporter.Result;
import app.immichexport.export.copy.FileExporter.Source;
import app.immichexport.export.plan.PlannedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.function.LongConsumer;

/**
 * An edited picture brought to disk. Immich keeps no checksum of it (the asset's is the original's),
 * so it is read twice: the first read gives its SHA-1, the second is written and verified against it
 * like any original. It is fetched again only when what Immich renders it from has changed since it
 * was written here, and then takes the place of the earlier picture only while that is on disk as
 * it was written; one changed there by someone else is left as it is.
 */
final class EditedCopy {

    private final FileExporter.Originals pictures;
    private final PictureEdits edits;
    private final long backoffMillis;
    private final Durability durability;
    private final long jobId;

    EditedCopy(
            FileExporter.Originals pictures,
            PictureEdits edits,
            long backoffMillis,
            Durability durability,
            long jobId) {
        this.pictures = pictures;
        this.edits = edits;
        this.backoffMillis = backoffMillis;
        this.durability = durability;
        this.jobId = jobId;
    }

    /**
     * @param there    what is at the target, null when nothing is
     * @param ours     what this application recorded of the file at the target, when it is there as
     *                 recorded; null otherwise
     */
    Result export(PlannedFile file, Path target, BasicFileAttributes there, Recorded ours, LongConsumer written) {
        String madeFrom;
        try {
            madeFrom = edits.madeFrom(file);
        } catch (IOException e) {
            return new Result(CopyOutcome.failed("Immich did not tell the photo's edits: " + e.getMessage()), null, 0);
        }
        if (ours != null && madeFrom.equals(ours.madeFrom())) {
            return new Result(CopyOutcome.identical(there.size(), ours.sha1()), null, 0, true, madeFrom);
        }
        if (there != null && !there.isRegularFile()) {
            return result(FileExporter.notAFile(file), 0, madeFrom);
        }
        ResumingInputStream first = open(file);
        String sha1;
        try (first) {
            sha1 = sha1Of(first);
        } catch (NotJpegException e) {
            return result(
                    CopyOutcome.failed("Immich sent the edited picture in another format than JPEG (its full-size "
                            + "image format is not JPEG): edited pictures are exported as JPEG only"),
                    first.retries(),
                    madeFrom);
        } catch (InterruptedIOException e) {
            return result(CopyOutcome.cancelled(), first.retries(), madeFrom);
        } catch (IOException e) {
            return result(
                    CopyOutcome.failed("download of the edited picture failed: " + e.getMessage()),
                    first.retries(),
                    madeFrom);
        }
        int retries = first.retries();
        if (there != null) {
            if (ours != null && sha1.equals(ours.sha1())) {
                return result(CopyOutcome.identical(there.size(), sha1), retries, madeFrom);
            }
            if (ours == null) {
                return result(FileExporter.unrecorded(file, target, there, sha1), retries, madeFrom);
            }
        }
        ResumingInputStream second = open(file);
        try (second) {
            String verified = VerifiedWriter.write(
                    second,
                    target,
                    -1,
                    sha1,
                    file.modifiedTime(),
                    written,
                    durability,
                    jobId,
                    ours == null ? null : ours.sha1());
            return result(CopyOutcome.copied(Files.size(target), verified), retries + second.retries(), madeFrom);
        } catch (FileAlreadyExistsException e) {
            return result(
                    CopyOutcome.conflict(file.relativePath() + " changed on disk while the edited picture was "
                            + "fetched; it was left as it is"),
                    retries + second.retries(),
                    madeFrom);
        } catch (ContentMismatchException e) {
            return result(
                    CopyOutcome.failed("two downloads of the edited picture differed (" + e.getMessage()
                            + "): Immich may be rendering it again; the next run fetches it"),
                    retries + second.retries(),
                    madeFrom);
        } catch (InterruptedIOException e) {
            return result(CopyOutcome.cancelled(), retries + second.retries(), madeFrom);
        } catch (IOException e) {
            return result(
                    FileExporter.isNoSpace(e)
                            ? CopyOutcome.noSpace(
                                    "the export root is full (" + e.getMessage() + "); nothing was left of this file")
                            : CopyOutcome.failed("download of the edited picture failed: " + e.getMessage()),
                    retries + second.retries(),
                    madeFrom);
        }
    }

    private ResumingInputStream open(PlannedFile file) {
        return new ResumingInputStream(offset -> pictures.open(file, offset), -1, FileExporter.RESUMES, backoffMillis);
    }

    private static Result result(CopyOutcome outcome, int retries, String madeFrom) {
        return new Result(outcome, Source.API, retries, false, madeFrom);
    }

    /**
     * The picture's SHA-1, once it is known to be a JPEG: Immich renders edits in its full-size format,
     * JPEG unless an administrator chose WebP, and the planned name says {@code .jpg}.
     */
    private static String sha1Of(InputStream in) throws IOException {
        MessageDigest sha1 = VerifiedWriter.sha1();
        byte[] buffer = new byte[VerifiedWriter.BUFFER];
        int start = in.readNBytes(buffer, 0, 2);
        if (start < 2 || (buffer[0] & 0xFF) != 0xFF || (buffer[1] & 0xFF) != 0xD8) {
            throw new NotJpegException();
        }
        sha1.update(buffer, 0, start);
        for (int n; (n = in.read(buffer)) > 0; ) {
            sha1.update(buffer, 0, n);
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("cancelled");
            }
        }
        return Base64.getEncoder().encodeToString(sha1.digest());
    }

    /** Not retried as a broken download would be: the format will not change. */
    private static final class NotJpegException extends IOException {
        NotJpegException() {
            super("not a JPEG");
        }
    }
}
