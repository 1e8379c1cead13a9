package app.immichexport.immich;

/** One of a user's tags, with its whole path ({@code Family/Kids}). */
public record TagPath(String id, String path) {}
