package app.immichexport.thumbnail;

import app.immichexport.base.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.logging.Logger;

/** Thumbnails on disk under the data folder, written atomically so a reader never sees half a file. */
@ApplicationScoped
class ThumbnailCache {

    private static final Logger LOG = Logger.getLogger(ThumbnailCache.class.getName());

    @Inject
    Settings settings;

    Optional<byte[]> get(String assetId) {
        Path file = folder().resolve(assetId + ".img");
        try {
            return Files.exists(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    void put(String assetId, byte[] image) {
        try {
            Path folder = Files.createDirectories(folder());
            Path temp = Files.createTempFile(folder, assetId, ".part");
            Files.write(temp, image);
            Files.move(
                    temp,
                    folder.resolve(assetId + ".img"),
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            LOG.fine(() -> "Thumbnail not cached: " + e.getMessage());
        }
    }

    private Path folder() {
        return settings.dataDir().resolve("cache").resolve("thumbnails");
    }
}
