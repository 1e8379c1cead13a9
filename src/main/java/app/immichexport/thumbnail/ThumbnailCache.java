package app.immichexport.thumbnail;

import app.immichexport.base.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Thumbnails on disk under the data folder, within {@code THUMBNAIL_CACHE_MB}: those unused longest go first. */
@ApplicationScoped
class ThumbnailCache {

    private static final Logger LOG = Logger.getLogger(ThumbnailCache.class.getName());

    @Inject
    Settings settings;

    @Inject
    @ConfigProperty(name = "thumbnail.cache.mb")
    long megabytes;

    private BoundedFileCache files;

    @PostConstruct
    void open() {
        files = new BoundedFileCache(settings.dataDir().resolve("cache").resolve("thumbnails"), megabytes << 20);
    }

    Optional<byte[]> get(String key) {
        return files.get(key);
    }

    void put(String key, byte[] image) {
        try {
            files.put(key, image);
        } catch (IOException e) {
            LOG.fine(() -> "Thumbnail not cached: " + e.getMessage());
        }
    }
}
