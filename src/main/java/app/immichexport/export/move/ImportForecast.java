package app.immichexport.export.move;

import app.immichexport.export.plan.ExportPlan;
import app.immichexport.export.plan.PlannedFile;
import app.immichexport.immich.Album;
import app.immichexport.sidecar.TagLists;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a move into the library will do to each album, told before anything runs: which originals will
 * be replaced by their copies, and which Immich's scan would not import, and why.
 */
public final class ImportForecast {

    /** The file extensions an external-library scan of Immich imports as photos or videos. */
    static final Set<String> IMPORTED = Set.of(
            "jpg", "jpeg", "jpe", "png", "heic", "heif", "hif", "webp", "gif", "tif", "tiff", "avif", "jxl", "bmp",
            "dng", "cr2", "cr3", "crw", "nef", "nrw", "arw", "sr2", "srf", "orf", "raf", "rw2", "pef", "raw", "rwl",
            "srw", "3fr", "erf", "kdc", "mrw", "x3f", "iiq", "insp", "jp2", "psd", "svg", "mp4", "mov", "m4v", "mkv",
            "webm", "avi", "3gp", "mts", "m2ts", "mpg", "mpeg", "wmv", "flv", "mxf", "vob", "ogv", "insv");

    /**
     * What Immich gains from full sidecars when it imports the copies, and what it does not take from them.
     *
     * @param importsFaces Immich's "Import faces from metadata", null when it could not be read
     */
    public static String fromFullSidecars(TagLists lists, Boolean importsFaces) {
        String keywords = lists == TagLists.TAGS_ONLY
                ? "the tags only: albums and people are not written as keywords, as Immich would make tags of them; "
                        + "the albums come over with the copy"
                : "and the albums and people written as keywords (Albums/..., People/...), of which Immich makes "
                        + "tags of their own: choose keywords 'tags' to leave Immich's tags as they are";
        String faces = importsFaces == null
                ? "It takes the names of the people in face regions only when its administrator turned on Import "
                        + "faces from metadata (Administration, Settings, Metadata); otherwise it finds the faces anew"
                : importsFaces
                        ? "It also takes the names of the people in face regions, as Import faces from metadata is on"
                        : "It will not take the names of the people from the face regions, as Import faces from "
                                + "metadata is off in Immich (Administration, Settings, Metadata): it finds the faces "
                                + "anew, as in any new photo";
        return "Immich reads each copy's full sidecar when it imports it: the description, rating, capture time, "
                + "place and tags (" + keywords + "). " + faces;
    }

    private ImportForecast() {}

    /** One line per album, as the preview shows it. */
    public static List<String> of(
            Handover.Target target, List<String> exclusionPatterns, List<Album> albums, ExportPlan plan) {
        List<PathMatcher> excluded = new ArrayList<>();
        for (String pattern : exclusionPatterns) {
            excluded.add(FileSystems.getDefault().getPathMatcher("glob:" + pattern));
        }
        List<String> lines = new ArrayList<>();
        Map<String, Set<String>> foldersOfPhoto = new HashMap<>();
        for (Album album : albums) {
            Set<String> imported = new LinkedHashSet<>();
            List<String> stay = new ArrayList<>();
            for (PlannedFile file : plan.files()) {
                if (file.kind() != PlannedFile.Kind.ORIGINAL || !file.setId().equals(album.id())) {
                    continue;
                }
                String path = target.immichRoot() + "/" + file.relativePath();
                String reason = notImported(path, exclusionPatterns, excluded);
                if (reason == null) {
                    imported.add(path);
                    foldersOfPhoto
                            .computeIfAbsent(file.assetId(), id -> new HashSet<>())
                            .add(file.folder());
                } else {
                    stay.add(file.fileName() + " (" + reason + ")");
                }
            }
            lines.add(line(album, imported, stay));
        }
        long several =
                foldersOfPhoto.values().stream().filter(f -> f.size() > 1).count();
        if (several > 0) {
            long copies = foldersOfPhoto.values().stream()
                    .filter(f -> f.size() > 1)
                    .mapToLong(Set::size)
                    .sum();
            lines.add(several + (several == 1 ? " photo is" : " photos are")
                    + " in more than one of these albums: each album's folder holds its own copy, and each album "
                    + "shows its own, so afterwards " + (several == 1 ? "it is" : "they are") + " in Immich "
                    + copies + " times instead of " + several);
        }
        return lines;
    }

    private static String line(Album album, Set<String> imported, List<String> stay) {
        int count = imported.size();
        String line = "'" + album.name() + "': " + count + (count == 1 ? " photo" : " photos")
                + " will be replaced by their copies"
                + (imported.isEmpty() ? "" : " under " + Handover.sharedFolder(imported))
                + "; the album stays" + sharing(album);
        return stay.isEmpty()
                ? line
                : line + "; " + stay.size() + " stay in Immich, their copies would not be imported: "
                        + String.join(", ", stay);
    }

    private static String sharing(Album album) {
        List<String> users = album.sharedWithNames();
        if (users.isEmpty()) {
            return album.shared() ? ", shared as it is now" : "";
        }
        String names = users.size() == 1
                ? users.get(0)
                : String.join(", ", users.subList(0, users.size() - 1)) + " and " + users.get(users.size() - 1);
        return ", shared with " + names;
    }

    /** Why Immich's scan would leave the file out, or null when it imports it. */
    static String notImported(String immichPath, List<String> patterns, List<PathMatcher> excluded) {
        String name = immichPath.substring(immichPath.lastIndexOf('/') + 1);
        for (String part : immichPath.split("/")) {
            if (part.startsWith(".")) {
                return "a hidden name";
            }
        }
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (!IMPORTED.contains(extension)) {
            return extension.isEmpty() ? "no extension" : "Immich does not import ." + extension + " files";
        }
        for (int i = 0; i < excluded.size(); i++) {
            if (excluded.get(i).matches(Path.of(immichPath))) {
                return "the library's exclusion pattern " + patterns.get(i);
            }
        }
        return null;
    }
}
