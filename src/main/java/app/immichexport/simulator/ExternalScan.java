package app.immichexport.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What Immich's scan of an external library finds below one import path: media files by extension,
 * neither hidden (a name starting with a dot, or inside such a folder) nor matching an exclusion pattern.
 */
final class ExternalScan {

    static final Set<String> IMAGES = Set.of(
            ".jpg", ".jpeg", ".png", ".heic", ".heif", ".webp", ".gif", ".tif", ".tiff", ".avif", ".jxl", ".dng",
            ".cr2", ".cr3", ".nef", ".arw", ".orf", ".raf", ".rw2");
    static final Set<String> VIDEOS =
            Set.of(".mp4", ".mov", ".m4v", ".mkv", ".webm", ".avi", ".3gp", ".mts", ".m2ts", ".mpg");

    /** A file the scan imports, with its path as Immich's container sees it. */
    record Found(String immichPath, String fileName, String type, Instant modifiedAt, Content content) {}

    private ExternalScan() {}

    /** @param mounts folders of Immich's container by where they are on this machine */
    static List<Found> files(String importPath, Map<String, Path> mounts, List<String> exclusionPatterns) {
        Optional<Map.Entry<String, Path>> mount = mounts.entrySet().stream()
                .filter(m -> importPath.equals(m.getKey()) || importPath.startsWith(m.getKey() + "/"))
                .max((a, b) -> Integer.compare(a.getKey().length(), b.getKey().length()));
        if (mount.isEmpty()) {
            return List.of();
        }
        Path local = mount.get()
                .getValue()
                .resolve(importPath.substring(mount.get().getKey().length()).replaceFirst("^/", ""));
        if (!Files.isDirectory(local)) {
            return List.of();
        }
        List<PathMatcher> excluded = exclusionPatterns.stream()
                .map(p -> FileSystems.getDefault().getPathMatcher("glob:" + p))
                .toList();
        List<Found> found = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(local)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                Path relative = local.relativize(file);
                String immichPath = importPath.replaceFirst("/+$", "") + "/"
                        + relative.toString().replace('\\', '/');
                String type = type(file.getFileName().toString());
                if (type == null
                        || hidden(relative)
                        || excluded.stream().anyMatch(m -> m.matches(Path.of(immichPath)))) {
                    continue;
                }
                found.add(new Found(
                        immichPath,
                        file.getFileName().toString(),
                        type,
                        Files.getLastModifiedTime(file).toInstant(),
                        Content.of(Files.readAllBytes(file))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot scan " + local, e);
        }
        return found;
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** IMAGE or VIDEO by the name's extension; null for a file Immich does not import. */
    static String type(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String extension = dot < 0 ? "" : fileName.substring(dot).toLowerCase(Locale.ROOT);
        return IMAGES.contains(extension) ? "IMAGE" : VIDEOS.contains(extension) ? "VIDEO" : null;
    }
}
