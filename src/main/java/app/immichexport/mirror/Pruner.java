package app.immichexport.mirror;

import app.immichexport.export.copy.TargetFolders;
import app.immichexport.export.copy.VerifiedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Removes from a mirror the files whose asset left its album: moved into a quarantine folder inside
 * the root ({@code .immich-export-trash/<date>/<path>}), or deleted when the profile says so. Only
 * files the profile's runs wrote, only behind {@link PruneGuard}, and never a file changed by hand.
 */
final class Pruner {

    static final String QUARANTINE = ".immich-export-trash";

    /** What a run decided: what it pruned (or would), and why not when it did not. */
    record Decision(List<String> candidates, int pruned, Optional<String> refusal) {

        String summary() {
            if (candidates.isEmpty()) {
                return "nothing to prune";
            }
            return refusal.map(r -> "not pruned: " + r).orElse(pruned + " of " + candidates.size() + " files pruned");
        }
    }

    private final MirrorFiles files;
    private final Path root;

    Pruner(MirrorFiles files, Path root) {
        this.files = files;
        this.root = root;
    }

    /** Of the mirror's files, those the given plan no longer holds. */
    static List<MirrorFiles.File> candidates(List<MirrorFiles.File> mirror, Set<String> planned) {
        return mirror.stream()
                .filter(f -> !planned.contains(f.key()))
                .filter(f -> !f.path().startsWith(QUARANTINE + "/"))
                .toList();
    }

    Decision prune(
            MirrorProfile profile, long jobId, PruneGuard.Run run, List<MirrorFiles.File> candidates, Instant now) {
        List<String> paths = candidates.stream().map(MirrorFiles.File::path).toList();
        Optional<String> refusal = PruneGuard.refusal(
                profile.settings().prune(),
                profile.settings().pruneMaxCount(),
                profile.settings().pruneMaxPercent(),
                run);
        if (refusal.isPresent()) {
            paths.forEach(path -> files.record(jobId, path, "KEPT", now));
            return new Decision(paths, 0, refusal);
        }
        boolean delete = profile.settings().prune() == MirrorProfile.Prune.DELETE;
        String day = LocalDate.ofInstant(now, ZoneId.systemDefault()).toString();
        TargetFolders quarantine = new TargetFolders(root);
        int pruned = 0;
        for (MirrorFiles.File file : candidates) {
            Path source = root.resolve(file.path()).normalize();
            try {
                if (!source.startsWith(root) || !Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
                    // gone already, or something else now: only the index entry goes
                    files.pruned(jobId, root.toString(), file.path(), "GONE", now);
                } else if (changedSinceWritten(source, file)) {
                    files.record(jobId, file.path(), "CHANGED_KEPT", now);
                } else if (delete) {
                    Files.delete(source);
                    files.pruned(jobId, root.toString(), file.path(), "DELETED", now);
                    pruned++;
                } else {
                    Files.move(
                            source,
                            free(quarantine.prepare(QUARANTINE + "/" + day + "/" + file.path())),
                            StandardCopyOption.ATOMIC_MOVE);
                    files.pruned(jobId, root.toString(), file.path(), "QUARANTINED", now);
                    pruned++;
                }
            } catch (IOException e) {
                files.record(jobId, file.path(), "FAILED", now);
            }
        }
        return new Decision(paths, pruned, Optional.empty());
    }

    /**
     * Whether the file differs from what the run wrote: its size, its modification time (to the second,
     * as some file systems keep no finer) or its bytes. A photo edited by hand keeps its size often.
     */
    static boolean changedSinceWritten(Path path, MirrorFiles.File written) throws IOException {
        if (Files.size(path) != written.size()) {
            return true;
        }
        if (written.modifiedAt() != null
                && Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS)
                                .toInstant()
                                .getEpochSecond()
                        != written.modifiedAt().getEpochSecond()) {
            return true;
        }
        return !VerifiedWriter.sha1Of(path).equals(written.sha1());
    }

    /** A file quarantined earlier the same day under the same path is kept: the newcomer gets a number. */
    private static Path free(Path target) {
        Path free = target;
        for (int n = 1; Files.exists(free, LinkOption.NOFOLLOW_LINKS); n++) {
            free = target.resolveSibling(target.getFileName() + "." + n);
        }
        return free;
    }
}
