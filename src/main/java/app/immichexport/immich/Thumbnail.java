package app.immichexport.immich;

/** An asset's thumbnail as Immich serves it. */
public record Thumbnail(String contentType, byte[] bytes) {}
