package app.immichexport.export.copy;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Immich's upload folder, mounted read-only here: finds an asset's original on disk from the path
 * Immich reports, which names the file as Immich's container sees it.
 */
public final class UploadFolder {

    private static final String CONTAINER_PREFIX = "/usr/src/app/";

    private final Path root;

    public UploadFolder(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /**
     * The file for {@code originalPath}, if it exists below the mount. Accepts the container's
     * absolute form ({@code /usr/src/app/upload/upload/<user>/..}), the relative forms
     * {@code upload/upload/..} and {@code upload/..}, and never resolves outside the mount.
     */
    public Optional<Path> find(String originalPath) {
        if (originalPath == null || originalPath.isBlank()) {
            return Optional.empty();
        }
        String path = originalPath.replace('\\', '/');
        if (path.startsWith(CONTAINER_PREFIX)) {
            path = path.substring(CONTAINER_PREFIX.length());
        }
        List<String> candidates = new ArrayList<>();
        if (path.startsWith("upload/")) {
            // the mount is Immich's upload folder itself
            candidates.add(path.substring("upload/".length()));
        }
        candidates.add(path.startsWith("/") ? path.substring(1) : path);
        for (String candidate : candidates) {
            try {
                Path file = root.resolve(candidate).normalize();
                if (file.startsWith(root) && Files.isRegularFile(file)) {
                    return Optional.of(file);
                }
            } catch (InvalidPathException e) {
                // not a path this file system can hold: not in the mount
            }
        }
        return Optional.empty();
    }
}
