package app.immichexport.export.copy;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Creates the folders of target paths below an export root, refusing any step that would lead
 * outside it: a {@code ..}, or a symbolic link planted inside the root. One instance serves one job:
 * a folder checked once is not checked again for each of its files.
 */
public final class TargetFolders {

    private final Path root;
    private final Map<String, Path> checked = new ConcurrentHashMap<>();
    private volatile Path realRoot;

    public TargetFolders(Path root) {
        this.root = root;
    }

    /** The target file's path, its folders created; {@code relativePath} uses {@code /}. */
    public Path prepare(String relativePath) throws IOException {
        Path real = realRoot();
        int slash = relativePath.lastIndexOf('/');
        String folderPath = slash < 0 ? "" : relativePath.substring(0, slash);
        Path folder = folderPath.isEmpty() ? real : checked.get(folderPath);
        if (folder == null) {
            folder = real;
            for (String component : folderPath.split("/", -1)) {
                folder = step(real, folder, component);
            }
            create(real, folderPath);
            checked.put(folderPath, folder);
        }
        return step(real, folder, relativePath.substring(slash + 1));
    }

    private Path realRoot() throws IOException {
        Path real = realRoot;
        if (real == null) {
            real = root.toRealPath();
            realRoot = real;
        }
        return real;
    }

    private static void create(Path realRoot, String folderPath) throws IOException {
        Path folder = realRoot;
        for (String component : folderPath.split("/")) {
            folder = folder.resolve(component);
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
        if (!folder.toRealPath().startsWith(realRoot)) {
            throw new IOException("Refusing a folder outside the export root: " + folder);
        }
    }

    /** One name below a folder: never empty, {@code .}, {@code ..}, or more than one name. */
    private static Path step(Path root, Path folder, String component) throws IOException {
        if (component.isEmpty()
                || component.equals(".")
                || component.equals("..")
                || component.indexOf('/') >= 0
                || component.indexOf('\0') >= 0) {
            throw new IOException("Refusing the path component '" + component + "'");
        }
        Path next = folder.resolve(component);
        if (!folder.equals(next.getParent()) || !next.startsWith(root)) {
            throw new IOException("Refusing the path component '" + component + "'");
        }
        return next;
    }
}
