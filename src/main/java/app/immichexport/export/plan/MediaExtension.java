package app.immichexport.export.plan;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The file name extension that says what an asset is. Immich's external-library scan imports only
 * files whose extension it reads as a photo or video, so an exported name ends with one that matches
 * the asset's MIME type: {@code IMG_0001.JPG.partial} of a JPEG becomes {@code IMG_0001.JPG.partial.jpg}.
 */
final class MediaExtension {

    /** Immich's own MIME types, each with the extensions it reads as that type; the first is the one added. */
    private static final Map<String, List<String>> BY_MIME_TYPE = Map.ofEntries(
            Map.entry("image/jpeg", List.of(".jpg", ".jpeg", ".jpe", ".insp")),
            Map.entry("image/png", List.of(".png")),
            Map.entry("image/gif", List.of(".gif")),
            Map.entry("image/webp", List.of(".webp")),
            Map.entry("image/heic", List.of(".heic")),
            Map.entry("image/heif", List.of(".heif", ".hif")),
            Map.entry("image/avif", List.of(".avif")),
            Map.entry("image/jxl", List.of(".jxl")),
            Map.entry("image/tiff", List.of(".tif", ".tiff")),
            Map.entry("image/bmp", List.of(".bmp")),
            Map.entry("image/jp2", List.of(".jp2")),
            Map.entry("image/svg+xml", List.of(".svg")),
            Map.entry("image/vnd.adobe.photoshop", List.of(".psd")),
            Map.entry("image/x-adobe-dng", List.of(".dng")),
            Map.entry("image/dng", List.of(".dng")),
            Map.entry("image/x-canon-cr2", List.of(".cr2")),
            Map.entry("image/x-canon-cr3", List.of(".cr3")),
            Map.entry("image/x-canon-crw", List.of(".crw")),
            Map.entry("image/x-nikon-nef", List.of(".nef")),
            Map.entry("image/x-nikon-nrw", List.of(".nrw")),
            Map.entry("image/x-sony-arw", List.of(".arw")),
            Map.entry("image/x-sony-sr2", List.of(".sr2")),
            Map.entry("image/x-sony-srf", List.of(".srf")),
            Map.entry("image/x-olympus-orf", List.of(".orf")),
            Map.entry("image/x-panasonic-rw2", List.of(".rw2")),
            Map.entry("image/x-fuji-raf", List.of(".raf")),
            Map.entry("image/x-pentax-pef", List.of(".pef")),
            Map.entry("image/x-samsung-srw", List.of(".srw")),
            Map.entry("image/x-sigma-x3f", List.of(".x3f")),
            Map.entry("image/x-hasselblad-3fr", List.of(".3fr")),
            Map.entry("image/x-leica-rwl", List.of(".rwl")),
            Map.entry("image/x-minolta-mrw", List.of(".mrw")),
            Map.entry("image/x-kodak-dcr", List.of(".dcr")),
            Map.entry("image/x-kodak-kdc", List.of(".kdc")),
            Map.entry("video/mp4", List.of(".mp4", ".m4v", ".insv")),
            Map.entry("video/quicktime", List.of(".mov", ".qt")),
            Map.entry("video/x-msvideo", List.of(".avi")),
            Map.entry("video/avi", List.of(".avi")),
            Map.entry("video/x-matroska", List.of(".mkv")),
            Map.entry("video/webm", List.of(".webm")),
            Map.entry("video/3gpp", List.of(".3gp", ".3gpp")),
            Map.entry("video/mp2t", List.of(".mts", ".m2ts", ".m2t")),
            Map.entry("video/mpeg", List.of(".mpg", ".mpeg", ".mpe")),
            Map.entry("video/x-flv", List.of(".flv")),
            Map.entry("video/x-ms-wmv", List.of(".wmv")),
            Map.entry("video/dvd", List.of(".vob")));

    private MediaExtension() {}

    /** The name as it is when its extension fits the type (or the type is not known), else with the type's added. */
    static String fit(String fileName, String mimeType) {
        List<String> extensions = mimeType == null ? null : BY_MIME_TYPE.get(mimeType.toLowerCase(Locale.ROOT));
        if (extensions == null) {
            return fileName;
        }
        String extension = SafeName.split(fileName)[1].toLowerCase(Locale.ROOT);
        return extensions.contains(extension) ? fileName : fileName + extensions.get(0);
    }
}
