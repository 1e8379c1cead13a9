package app.immichexport.exportroot;

/**
 * An export root's link to an Immich external library.
 *
 * @param immichPath the root's path as Immich's container sees it
 * @param linkedBy   the administrator who linked it: their Immich key asks Immich to scan the library
 */
public record LibraryLink(String libraryId, String libraryName, String immichPath, String linkedBy) {}
