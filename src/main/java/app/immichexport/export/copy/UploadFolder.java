package app.immichexport.export.copy;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Immich's media folder ({@code UPLOAD_LOCATION}), mounted read-only here: finds an asset's original
 * on disk from the path Immich reports, which names the file as Immich's container sees it.
 * Current installs mount the media folder at {@code /data} ({@code /data/upload/<user>/..}, or
 * {@code /data/library/<label>/..} with a storage template), older ones at {@code /usr/src/app/upload}.
 */
public final class UploadFolder {

    /** Where Immich's container has kept its media folder, newest first. */
    private static final List<String> MEDIA_LOCATIONS = List.of("/data/", "/usr/src/app/upload/");
    /** The folders Immich keeps originals in, inside its media folder. */
    private static final List<String> ORIGINALS = List.of("upload/", "library/");

    private final Path root;
    private final AtomicInteger found = new AtomicInteger();
    private final AtomicInteger missed = new AtomicInteger();
    private volatile String firstMissed;

    public UploadFolder(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /**
     * The file for {@code originalPath}, if it exists below the mount. Accepts both container layouts,
     * Immich's relative forms ({@code upload/..}, {@code library/..}), a mount of the media folder or of
     * the folder above it, and never resolves outside the mount.
     */
    public Optional<Path> find(String originalPath) {
        Optional<Path> file = locate(originalPath);
        if (file.isPresent()) {
            found.incrementAndGet();
        } else if (originalPath != null && !originalPath.isBlank() && missed.getAndIncrement() == 0) {
            firstMissed = originalPath;
        }
        return file;
    }

    /** As {@link #find}, without counting the look towards the {@link #warning()}. */
    private Optional<Path> locate(String originalPath) {
        if (originalPath == null || originalPath.isBlank()) {
            return Optional.empty();
        }
        for (String candidate : candidates(originalPath.replace('\\', '/'))) {
            try {
                Path file = root.resolve(candidate).normalize();
                if (file.startsWith(root) && isFile(file)) {
                    return Optional.of(file);
                }
            } catch (InvalidPathException e) {
                // not a path this file system can hold: not in the mount
            }
        }
        return Optional.empty();
    }

    /**
     * What the mount tells of an original's XMP sidecar, in the names Immich writes and reads beside
     * it ({@code photo.jpg.xmp}, then {@code photo.xmp}): empty when the original itself is not here
     * (the mount cannot tell), else the sidecar's path as Immich names it, or empty inside when none.
     * Not counted towards the {@link #warning()}: the copy that follows looks for each original again.
     */
    public Optional<Optional<String>> sidecarBeside(String originalPath) {
        Optional<Path> original = locate(originalPath);
        String name = original.map(file -> file.getFileName().toString()).orElse("");
        if (original.isEmpty() || !originalPath.replace('\\', '/').endsWith("/" + name)) {
            return Optional.empty();
        }
        Path file = original.get();
        int dot = name.lastIndexOf('.');
        List<String> names = dot > 0 ? List.of(name + ".xmp", name.substring(0, dot) + ".xmp") : List.of(name + ".xmp");
        String folder = originalPath.substring(0, originalPath.length() - name.length());
        for (String sidecar : names) {
            if (isFile(file.resolveSibling(sidecar))) {
                return Optional.of(Optional.of(folder + sidecar));
            }
        }
        return Optional.of(Optional.empty());
    }

    /**
     * Whether a regular file is there. Most photos have no sidecar: asked through {@code Files}, each
     * such miss costs an exception, which for a hundred thousand photos takes longer than the look.
     */
    private static boolean isFile(Path path) {
        return path.toFile().isFile();
    }

    private static List<String> candidates(String path) {
        List<String> candidates = new ArrayList<>();
        for (String location : MEDIA_LOCATIONS) {
            if (path.startsWith(location)) {
                candidates.add(path.substring(location.length()));
            }
        }
        String relative = path.startsWith("/") ? path.substring(1) : path;
        if (ORIGINALS.stream().anyMatch(relative::startsWith)) {
            candidates.add(relative);
        }
        // a mount of the folder that holds the media folder, as the container's path says
        candidates.add(relative);
        if (relative.startsWith("upload/upload/")) {
            candidates.add(relative.substring("upload/".length()));
        }
        return candidates;
    }

    /** What a job should be told when originals were looked for here and none was found; empty otherwise. */
    public Optional<String> warning() {
        if (found.get() > 0 || missed.get() == 0) {
            return Optional.empty();
        }
        int looked = missed.get();
        return Optional.of("IMMICH_UPLOAD_DIR is set (" + root + "), but "
                + (looked == 1 ? "the original looked for was" : "none of the " + looked + " originals looked for was")
                + " found in it (Immich keeps them at paths like "
                + firstMissed
                + "): exports download them from Immich instead. Mount Immich's media folder (UPLOAD_LOCATION) there");
    }
}
