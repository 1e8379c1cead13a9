package app.immichexport.export.copy;

import app.immichexport.base.Settings;
import app.immichexport.immich.Asset;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The upload folder ({@code IMMICH_UPLOAD_DIR}) as jobs and pages use it, and whether Immich's
 * originals were found in it at the latest look: a job's, or a page's look at one original.
 */
@ApplicationScoped
public class UploadFolders {

    @Inject
    Settings settings;

    private final AtomicReference<UploadFolder> latest = new AtomicReference<>();

    /** The mounted folder for a new job, if one is set. */
    public Optional<UploadFolder> forJob() {
        Optional<UploadFolder> folder = open();
        folder.ifPresent(latest::set);
        return folder;
    }

    /**
     * Looks for one original in the mounted folder.
     *
     * @return what the user should be told when the folder is set but the original is not in it
     */
    public Optional<String> check(Asset original) {
        if (original.isExternal() || original.originalPath() == null) {
            return Optional.empty();
        }
        return open().flatMap(folder -> {
            folder.find(original.originalPath());
            latest.set(folder);
            return folder.warning();
        });
    }

    private Optional<UploadFolder> open() {
        return settings.immichUploadDir().map(UploadFolder::new);
    }

    /** Whether the folder is set at all. */
    public boolean isSet() {
        return settings.immichUploadDir().isPresent();
    }

    /** The warning of the latest look, if it found none of the originals it looked for. */
    public Optional<String> warning() {
        return Optional.ofNullable(latest.get()).flatMap(UploadFolder::warning);
    }
}
