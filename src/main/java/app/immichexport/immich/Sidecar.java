package app.immichexport.immich;

/**
 * An asset's XMP sidecar as Immich keeps it.
 *
 * @param fileId the asset file's id, to download it
 * @param path   where Immich keeps it inside its container, like an original's {@code originalPath}
 */
public record Sidecar(String assetId, String fileId, String path) {}
