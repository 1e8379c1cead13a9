package app.immichexport.sidecar;

/**
 * A face Immich found and a person named, as Immich gives its box: in pixels of the image as it is
 * shown (its EXIF orientation applied), of {@code imageWidth} × {@code imageHeight}.
 */
public record NamedFace(
        String name, double x1, double y1, double x2, double y2, double imageWidth, double imageHeight) {}
