package app.immichexport.database;

/**
 * Text as PostgreSQL can store it. Immich's names come from people and cameras and may hold a NUL
 * character, or, through JSON escapes, half of a surrogate pair; PostgreSQL refuses both in UTF-8
 * text and would refuse the whole statement. Each such character becomes U+FFFD, the replacement
 * character, so that the rest is kept as it was.
 */
public final class StorableText {

    private static final char REPLACEMENT = '\uFFFD';

    private StorableText() {}

    public static String of(String text) {
        if (text == null || isStorable(text)) {
            return text;
        }
        StringBuilder storable = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                storable.append(c).append(text.charAt(++i));
            } else if (c == 0 || Character.isSurrogate(c)) {
                storable.append(REPLACEMENT);
            } else {
                storable.append(c);
            }
        }
        return storable.toString();
    }

    private static boolean isStorable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return false;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
