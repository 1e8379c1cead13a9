package app.immichexport.mirror;

import java.util.List;
import java.util.Optional;

/**
 * Whether a run may prune, and if not, why. Pruning needs a run that ended without errors, an
 * Immich that looked healthy, the upload folder there when one is used, and a number of files
 * within the profile's limits (as rsync and rclone refuse to delete after errors or beyond a share).
 */
final class PruneGuard {

    /**
     * What is known after a run.
     *
     * @param failedFiles       files the run could not verify (failed or in conflict)
     * @param incompleteAlbums  albums Immich listed with fewer members than its asset count, or with a file not verified
     * @param immichAnswers     whether Immich answered after the run
     * @param uploadFolderOk    false when an upload folder is configured but missing or empty
     * @param candidates        files the run would prune
     * @param mirrorFiles       files of the mirror known before the run
     * @param shrunkSources     people, tags and other sources of which Immich found far fewer photos than
     *                          at the run before, each with both counts
     */
    record Run(
            boolean succeeded,
            long failedFiles,
            List<String> incompleteAlbums,
            boolean immichAnswers,
            boolean uploadFolderOk,
            int candidates,
            int mirrorFiles,
            List<String> shrunkSources) {

        Run(
                boolean succeeded,
                long failedFiles,
                List<String> incompleteAlbums,
                boolean immichAnswers,
                boolean uploadFolderOk,
                int candidates,
                int mirrorFiles) {
            this(
                    succeeded,
                    failedFiles,
                    incompleteAlbums,
                    immichAnswers,
                    uploadFolderOk,
                    candidates,
                    mirrorFiles,
                    List.of());
        }
    }

    private PruneGuard() {}

    /** The reason nothing may be pruned, or empty when pruning may go ahead. */
    static Optional<String> refusal(MirrorProfile.Prune mode, int maxCount, int maxPercent, Run run) {
        if (run.candidates() == 0) {
            return Optional.empty();
        }
        if (mode == MirrorProfile.Prune.KEEP) {
            return Optional.of("pruning is off for this profile: " + run.candidates() + " files kept");
        }
        if (!run.succeeded() || run.failedFiles() > 0) {
            return Optional.of(
                    "the run had errors (" + run.failedFiles() + " files not verified): nothing pruned after errors");
        }
        if (!run.immichAnswers()) {
            return Optional.of("Immich did not answer after the run: nothing pruned while it looks unhealthy");
        }
        if (!run.incompleteAlbums().isEmpty()) {
            return Optional.of("Immich listed fewer members than the asset count of "
                    + String.join(", ", run.incompleteAlbums()) + ": nothing pruned while it looks unhealthy");
        }
        if (!run.shrunkSources().isEmpty()) {
            return Optional.of("Immich found far fewer photos of " + String.join(", ", run.shrunkSources())
                    + ": nothing pruned while it looks unhealthy");
        }
        if (!run.uploadFolderOk()) {
            return Optional.of(
                    "the upload folder (IMMICH_UPLOAD_DIR) is missing or empty: nothing pruned while it looks unmounted");
        }
        double percent = run.mirrorFiles() == 0 ? 100 : 100.0 * run.candidates() / run.mirrorFiles();
        if (run.candidates() > maxCount || percent > maxPercent) {
            return Optional.of(String.format(
                    "%d files (%.0f %% of the mirror's %d) would be pruned, over the limit of %d files "
                            + "or %d %%: nothing pruned",
                    run.candidates(), percent, run.mirrorFiles(), maxCount, maxPercent));
        }
        return Optional.empty();
    }
}
