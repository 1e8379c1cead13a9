package app.immichexport.exportroot;

import app.immichexport.immich.Library;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where Immich sees an export root: this application's {@code /library} is often {@code /mnt/photos}
 * in Immich's container. The path must lie inside one of the library's import paths, or Immich's scan
 * never finds what is exported there.
 */
final class LibraryPaths {

    private LibraryPaths() {}

    /**
     * An import path that ends in the root's own folder name (or is the root's path), as the likely
     * place Immich sees the root; empty when none does.
     */
    static Optional<String> propose(Path root, Library library) {
        Path name = root.getFileName();
        for (String importPath : library.importPaths()) {
            Path candidate = Path.of(importPath).normalize();
            if (candidate.equals(root) || (name != null && name.equals(candidate.getFileName()))) {
                return Optional.of(candidate.toString());
            }
        }
        return Optional.empty();
    }

    /** Why Immich would not import from this path for the library; empty when it would. */
    static Optional<String> problem(String immichPath, Library library) {
        Path path;
        try {
            path = Path.of(immichPath == null ? "" : immichPath.strip());
        } catch (InvalidPathException e) {
            return Optional.of("'" + immichPath + "' is not a path");
        }
        if (!path.isAbsolute() || !path.normalize().equals(path)) {
            return Optional.of(
                    "The path under which Immich sees the root must be absolute and plain (no . or ..), not '"
                            + immichPath + "'");
        }
        if (library.importPaths().isEmpty()) {
            return Optional.of("The library '" + library.name() + "' has no import path: add one in Immich first");
        }
        boolean inside =
                library.importPaths().stream().map(p -> Path.of(p).normalize()).anyMatch(path::startsWith);
        return inside
                ? Optional.empty()
                : Optional.of(path + " is not inside an import path of the library '" + library.name() + "' ("
                        + String.join(", ", library.importPaths()) + "): Immich's scan would never find its files");
    }
}
