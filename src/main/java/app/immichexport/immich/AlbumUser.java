package app.immichexport.immich;

/**
 * A user an album is shared with, not its owner.
 *
 * @param name the display name, or the email when the user has no name
 * @param role {@code editor} or {@code viewer}, as Immich names it
 */
public record AlbumUser(String id, String name, String role) {}
