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
        String folder = path.substring(0, slash + 1);
        boolean nested = name.length() >= 4 && (folder.endsWith("/" + nesting(name)) || folder.equals(nesting(name)));
        if (nested) {
            folder = folder.substring(0, folder.length() - 6);
        }
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

    String text(String id) {
        String file = afterId ? id + name : name;
        return nested ? folder + nesting(file) + file : folder + file;
    }

    private static String nesting(String name) {
        return name.length() < 4 ? "" : name.substring(0, 2) + "/" + name.substring(2, 4) + "/";
    }
}
