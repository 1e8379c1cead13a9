package app.immichexport.export.plan;

import app.immichexport.immich.Album;
import app.immichexport.immich.Asset;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a set's files go below the export root: folders separated by {@code /}, each made of text and
 * tokens such as {@code {album}} or {@code {year}} (of the set), or {@code {photo.year}} (of each photo).
 */
public final class FolderTemplate {

    public static final String DEFAULT = "{album}";
    public static final String YEAR_FOLDERS = "{year}/{album}";
    /** The folder name used for a date token when the album has no date (it has no assets). */
    public static final String NO_DATE = "No date";

    private static final Pattern TOKEN = Pattern.compile("\\{([^{}]*)}");
    private static final Map<String, Function<AssetSet, String>> TOKENS = Map.of(
            "album",
            AssetSet::name,
            "source",
            AssetSet::name,
            "owner",
            AssetSet::ownerName,
            "year",
            set -> date(set, "%04d", ZonedDateTime::getYear),
            "month",
            set -> date(set, "%02d", ZonedDateTime::getMonthValue),
            "day",
            set -> date(set, "%02d", ZonedDateTime::getDayOfMonth));
    private static final Map<String, Function<Asset, String>> PHOTO_TOKENS = Map.of(
            "photo.year", asset -> date(asset.capturedAt(), "%04d", ZonedDateTime::getYear),
            "photo.month", asset -> date(asset.capturedAt(), "%02d", ZonedDateTime::getMonthValue),
            "photo.day", asset -> date(asset.capturedAt(), "%02d", ZonedDateTime::getDayOfMonth));

    private final String text;
    private final List<String> folders;

    private FolderTemplate(String text, List<String> folders) {
        this.text = text;
        this.folders = folders;
    }

    /** @throws IllegalArgumentException with a message for the user when the template is not valid */
    public static FolderTemplate parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("The folder template is empty: use for example " + DEFAULT);
        }
        List<String> folders = new ArrayList<>();
        for (String folder : trimmed.split("/", -1)) {
            if (folder.isBlank()) {
                throw new IllegalArgumentException(
                        "The folder template '" + trimmed + "' has an empty folder between slashes");
            }
            Matcher m = TOKEN.matcher(folder);
            while (m.find()) {
                if (!TOKENS.containsKey(m.group(1)) && !PHOTO_TOKENS.containsKey(m.group(1))) {
                    throw new IllegalArgumentException("Unknown token {" + m.group(1) + "} in the folder template: use "
                            + "{album} or {source}, {year}, {month}, {day}, {owner}, or each photo's own "
                            + "{photo.year}, {photo.month}, {photo.day}");
                }
            }
            if (folder.replaceAll(TOKEN.pattern(), "").matches(".*[{}].*")) {
                throw new IllegalArgumentException("Unbalanced braces in the folder template '" + trimmed + "'");
            }
            folders.add(folder);
        }
        return new FolderTemplate(trimmed, List.copyOf(folders));
    }

    /** The album's folder below the root, as safe path components. */
    public List<String> folderFor(Album album) {
        return folderFor(AssetSet.describing(album));
    }

    /** Whether photos of one set may land in different folders: the template names a photo's own date. */
    public boolean isPerPhoto() {
        return folders.stream().anyMatch(folder -> folder.contains("{photo."));
    }

    /** The set's folder below the root, as safe path components; a photo's own tokens take the set's date. */
    public List<String> folderFor(AssetSet set) {
        return folderFor(set, null);
    }

    /**
     * The folder of one photo of the set below the root, as safe path components.
     *
     * @param photo null for the set's own folder, where a photo's tokens take the set's start date
     */
    public List<String> folderFor(AssetSet set, Asset photo) {
        List<String> path = new ArrayList<>(folders.size());
        for (String folder : folders) {
            Matcher m = TOKEN.matcher(folder);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String token = m.group(1);
                Function<Asset, String> photoToken = PHOTO_TOKENS.get(token);
                String value = photoToken == null
                        ? TOKENS.get(token).apply(set)
                        : photo != null
                                ? photoToken.apply(photo)
                                : TOKENS.get(token.substring("photo.".length())).apply(set);
                m.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            m.appendTail(out);
            path.add(SafeName.of(out.toString(), "Untitled"));
        }
        return path;
    }

    /** An example of the resulting path, for showing next to the template while it is typed. */
    public String example(Album album, String fileName) {
        return String.join("/", folderFor(album)) + "/" + SafeName.ofFile(fileName, "file");
    }

    private static String date(AssetSet set, String format, Function<ZonedDateTime, Integer> part) {
        return date(set.startDate(), format, part);
    }

    private static String date(Instant at, String format, Function<ZonedDateTime, Integer> part) {
        return at == null ? NO_DATE : String.format(format, part.apply(at.atZone(ZoneOffset.UTC)));
    }

    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
