package app.immichexport.export.copy;

import app.immichexport.export.plan.PlannedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Brings one planned file to disk, verified: from Immich's upload folder when it is mounted and
 * holds the file, else downloaded from Immich. A file already there is recognised, never replaced.
 */
public final class FileExporter {

    /** Opens an asset's original bytes from Immich, from an offset. */
    @FunctionalInterface
    public interface Originals {
        InputStream open(String assetId, long offset) throws IOException;
    }

    public enum Source { UPLOAD_FOLDER, API }

    /** What was done, from where, and how often a download had to be resumed. */
    public record Result(CopyOutcome outcome, Source source, int retries) {
    }

    /** What this application recorded of a file it wrote earlier. */
    public record Recorded(long size, String sha1, Instant modifiedAt) {
    }

    static final int RESUMES = 3;
    static final int CORRUPT_RETRIES = 1;

    private final Path root;
    private final Optional<UploadFolder> upload;
    private final Originals originals;
    private final Map<String, Recorded> recorded;
    private final long backoffMillis;

    public FileExporter(Path root, Optional<UploadFolder> upload, Originals originals, Map<String, Recorded> recorded,
            long backoffMillis) {
        this.root = root;
        this.upload = upload;
        this.originals = originals;
        this.recorded = recorded;
        this.backoffMillis = backoffMillis;
    }

    public Result export(PlannedFile file) {
        Path target;
        try {
            target = TargetFolders.prepare(root, file.relativePath());
        } catch (IOException e) {
            return new Result(CopyOutcome.failed(e.getMessage()), null, 0);
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return new Result(existing(file, target), null, 0);
        }
        Optional<Path> local = upload.flatMap(u -> u.find(file.sourcePath()));
        if (local.isPresent()) {
            try (InputStream in = Files.newInputStream(local.get())) {
                String sha1 = write(in, target, file);
                return new Result(CopyOutcome.copied(Files.size(target), sha1), Source.UPLOAD_FOLDER, 0);
            } catch (FileAlreadyExistsException e) {
                return new Result(existing(file, target), null, 0);
            } catch (IOException e) {
                // the mounted file is not the one Immich describes (or is unreadable): ask Immich itself
            }
        }
        return download(file, target);
    }

    private Result download(PlannedFile file, Path target) {
        int retries = 0;
        String problem = null;
        for (int attempt = 0; attempt <= CORRUPT_RETRIES; attempt++) {
            if (attempt > 0) {
                retries++;
            }
            ResumingInputStream in = new ResumingInputStream(offset -> originals.open(file.assetId(), offset),
                    file.expectedSize(), RESUMES, backoffMillis);
            try (in) {
                String sha1 = write(in, target, file);
                return new Result(CopyOutcome.copied(Files.size(target), sha1), Source.API, retries + in.retries());
            } catch (FileAlreadyExistsException e) {
                return new Result(existing(file, target), Source.API, retries + in.retries());
            } catch (ContentMismatchException e) {
                problem = "the download did not match Immich's description: " + e.getMessage();
                retries += in.retries();
            } catch (java.io.InterruptedIOException e) {
                return new Result(CopyOutcome.failed("cancelled"), Source.API, retries + in.retries());
            } catch (IOException e) {
                return new Result(CopyOutcome.failed("download failed: " + e.getMessage()), Source.API,
                        retries + in.retries());
            }
        }
        return new Result(CopyOutcome.failed(problem), Source.API, retries);
    }

    private static String write(InputStream in, Path target, PlannedFile file) throws IOException {
        return VerifiedWriter.write(in, target, file.expectedSize(), file.expectedSha1(), file.modifiedTime());
    }

    /**
     * A file is at the target already. It is ours and unchanged when its size and time match what we
     * recorded (no need to read it); otherwise its bytes must match Immich's checksum.
     */
    private CopyOutcome existing(PlannedFile file, Path target) {
        try {
            long size = Files.size(target);
            long mtime = Files.getLastModifiedTime(target).toMillis();
            Recorded earlier = recorded.get(file.relativePath());
            if (earlier != null && earlier.size() == size && earlier.modifiedAt() != null
                    && earlier.modifiedAt().toEpochMilli() == mtime
                    && (file.expectedSha1() == null || file.expectedSha1().equals(earlier.sha1()))) {
                return CopyOutcome.identical(size, earlier.sha1());
            }
            if (file.expectedSha1() != null && (file.expectedSize() < 0 || file.expectedSize() == size)) {
                String sha1 = VerifiedWriter.sha1Of(target);
                if (sha1.equals(file.expectedSha1())) {
                    return CopyOutcome.identical(size, sha1);
                }
            }
            return CopyOutcome.conflict("a different file is already at " + file.relativePath() + "; it was left as it is");
        } catch (IOException e) {
            return CopyOutcome.failed("cannot read the file already at " + file.relativePath() + ": " + e.getMessage());
        }
    }
}
