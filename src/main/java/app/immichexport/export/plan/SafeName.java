package app.immichexport.export.plan;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Turns any text into one path component that is valid on Linux and on SMB/NTFS shares browsed
 * from Windows, and that can never step out of its folder.
 */
final class SafeName {

    public static final int MAX_BYTES = 255;
    private static final String FORBIDDEN = "/\\:*?\"<>|";
    private static final Set<String> RESERVED = Set.of(
            "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1",
            "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");

    private static final Pattern LEADING_DOTS = Pattern.compile("^[. ]+");

    private SafeName() {}

    /** A folder name; {@code fallback} when nothing usable is left. */
    public static String of(String text, String fallback) {
        return truncate(usable(text, fallback), "");
    }

    /** A file name: a long one is shortened before its extension, not through it. */
    public static String ofFile(String text, String fallback) {
        return ofFile(text, () -> fallback);
    }

    /** As {@link #ofFile(String, String)}, the fallback made only when it is needed. */
    public static String ofFile(String text, Supplier<String> fallback) {
        String name = usable(text, fallback);
        String[] parts = split(name);
        String extension = parts[1].length() <= 16 ? parts[1] : "";
        return truncate(name.substring(0, name.length() - extension.length()), extension);
    }

    private static String usable(String text, String fallback) {
        return usable(text, () -> fallback);
    }

    private static String usable(String text, Supplier<String> fallback) {
        String name = clean(text);
        if (name.isEmpty()) {
            name = fallback.get();
        }
        return isReserved(name) ? "_" + name : name;
    }

    /** Splits a file name into base and extension (with its dot), for names like {@code IMG.HEIC}. */
    public static String[] split(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot <= 0) {
            return new String[] {fileName, ""};
        }
        return new String[] {fileName.substring(0, dot), fileName.substring(dot)};
    }

    /** Names that the same folder cannot hold twice on a case-insensitive file system. */
    public static String collisionKey(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static String clean(String text) {
        if (isClean(text)) {
            return text;
        }
        String nfc = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(nfc.length());
        nfc.codePoints().forEach(cp -> {
            if (cp < 0x20
                    || cp == 0x7F
                    || (cp >= 0x80 && cp < 0xA0)
                    || FORBIDDEN.indexOf(cp) >= 0
                    || (cp >= 0xD800 && cp <= 0xDFFF)) {
                out.append('_');
            } else {
                out.appendCodePoint(cp);
            }
        });
        // a leading dot hides a file on Linux and macOS, and Immich's scan skips such names
        String name = LEADING_DOTS.matcher(out.toString().strip()).replaceFirst("");
        // Windows drops trailing dots and spaces, which would make two names one.
        int end = name.length();
        while (end > 0 && (name.charAt(end - 1) == '.' || name.charAt(end - 1) == ' ')) {
            end--;
        }
        name = name.substring(0, end);
        return name.equals(".") || name.equals("..") ? "" : name;
    }

    /**
     * A name of printable ASCII without forbidden characters, neither starting with a dot or space nor
     * ending with one, is what {@link #clean} would make of it: most photos' names, which a hundred
     * thousand times over are not worth taking apart.
     */
    private static boolean isClean(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c >= 0x7F || FORBIDDEN.indexOf(c) >= 0) {
                return false;
            }
        }
        char first = text.charAt(0);
        char last = text.charAt(text.length() - 1);
        return first != '.' && first != ' ' && last != '.' && last != ' ';
    }

    private static boolean isReserved(String name) {
        String stem = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        return RESERVED.contains(stem.strip().toUpperCase(Locale.ROOT));
    }

    /** Cuts {@code base} on a code point boundary so that base + suffix fits in {@link #MAX_BYTES}. */
    static String truncate(String base, String suffix) {
        int budget = MAX_BYTES - utf8Length(suffix);
        if (utf8Length(base) <= budget) {
            return base + suffix;
        }
        StringBuilder kept = new StringBuilder();
        int used = 0;
        for (int i = 0; i < base.length(); ) {
            int cp = base.codePointAt(i);
            int bytes = utf8Length(new String(Character.toChars(cp)));
            if (used + bytes > budget) {
                break;
            }
            kept.appendCodePoint(cp);
            used += bytes;
            i += Character.charCount(cp);
        }
        String cut = kept.toString().strip();
        while (cut.endsWith(".")) {
            cut = cut.substring(0, cut.length() - 1).strip();
        }
        return (cut.isEmpty() ? "_" : cut) + suffix;
    }

    static int utf8Length(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return text.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        return text.length();
    }
}
