package app.immichexport.export.copy;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Creates the folders of a target path below an export root, refusing any step that would lead
 * outside it: a {@code ..}, or a symbolic link planted inside the root.
 */
public final class TargetFolders {

    private TargetFolders() {
    }

    /** The target file's path, its folders created; {@code relativePath} uses {@code /}. */
    public static Path prepare(Path root, String relativePath) throws IOException {
        Path realRoot = root.toRealPath();
        Path folder = realRoot;
        String[] components = relativePath.split("/");
        for (int i = 0; i < components.length - 1; i++) {
            folder = step(realRoot, folder, components[i]);
            if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    Files.createDirectory(folder);
                } catch (FileAlreadyExistsException createdMeanwhile) {
                    // another file of the same job made it first; checked below like any other
                }
            }
            if (Files.isSymbolicLink(folder)) {
                throw new IOException("Refusing to write through the symbolic link " + folder);
            }
            if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException(folder + " is a file where a folder is needed");
            }
        }
        Path target = step(realRoot, folder, components[components.length - 1]);
        if (!folder.toRealPath().startsWith(realRoot)) {
            throw new IOException("Refusing a folder outside the export root: " + folder);
        }
        return target;
    }

    private static Path step(Path root, Path folder, String component) throws IOException {
        Path next = folder.resolve(component).normalize();
        if (component.isEmpty() || component.equals(".") || component.equals("..") || !next.startsWith(root)
                || !next.getParent().equals(folder)) {
            throw new IOException("Refusing the path component '" + component + "'");
        }
        return next;
    }
}
