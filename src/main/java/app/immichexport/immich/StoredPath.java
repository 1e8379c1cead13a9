package app.immichexport.immich;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where Immich keeps an asset's original, held apart from what many assets share. Immich nests uploads
 * two levels deep by the first characters of the file's name ({@code upload/<user>/ab/cd/abcd….jpg}), and
 * names the file after the asset or keeps its original name under a storage template: each of these is
 * told by a flag instead of being held again for every asset.
 *
 * @param folder   up to the nesting (or the file), interned: the same text for every asset of the folder
 * @param name     the file's name, or only what follows the asset's id in it
 * @param nested   the file sits in {@code <name[0,2]>/<name[2,4]>/} below the folder
 * @param afterId  the name is the asset's id followed by {@code name}
 */
record StoredPath(String folder, String name, boolean nested, boolean afterId) {

    private static final int MOST_SHARED = 10_000;
    private static final Map<StoredPath, StoredPath> SHARED = new ConcurrentHashMap<>();

    static StoredPath of(String path, String id, String originalFileName) {
        if (path == null) {
            return null;
        }
        int slash = path.lastIndexOf('/');
        String name = path.substring(slash + 1);
        boolean nested = isNested(path, slash);
        String folder = path.substring(0, nested ? slash - 5 : slash + 1);
        boolean afterId = id != null && name.startsWith(id);
        if (afterId) {
            name = name.substring(id.length()).intern();
        } else if (name.equals(originalFileName)) {
            name = originalFileName;
        }
        StoredPath made = new StoredPath(folder.intern(), name, nested, afterId);
        return afterId ? shared(made) : made;
    }

    /**
     * Named after their assets, the uploads of one user with one extension have the same stored path:
     * held once. A user has few extensions, so the paths held stay few.
     */
    private static StoredPath shared(StoredPath path) {
        StoredPath held = SHARED.get(path);
        if (held != null) {
            return held;
        }
        return SHARED.size() < MOST_SHARED ? Objects.requireNonNullElse(SHARED.putIfAbsent(path, path), path) : path;
    }

    /** Whether the file at {@code slash} sits in {@code ab/cd/} named after its name's first four characters. */
    private static boolean isNested(String path, int slash) {
        int name = slash + 1;
        int nesting = slash - 5;
        return path.length() - name >= 4
                && nesting >= 0
                && (nesting == 0 || path.charAt(nesting - 1) == '/')
                && path.charAt(nesting) == path.charAt(name)
                && path.charAt(nesting + 1) == path.charAt(name + 1)
                && path.charAt(nesting + 2) == '/'
                && path.charAt(nesting + 3) == path.charAt(name + 2)
                && path.charAt(nesting + 4) == path.charAt(name + 3)
                && path.charAt(slash) == '/';
    }

    /** The path as Immich gave it, made in one piece: it is asked for once per photo and plan. */
    String text(String id) {
        String file = afterId ? id + name : name;
        if (!nested) {
            return folder.concat(file);
        }
        return new StringBuilder(folder.length() + 6 + file.length())
                .append(folder)
                .append(file, 0, 2)
                .append('/')
                .append(file, 2, 4)
                .append('/')
                .append(file)
                .toString();
    }
}
