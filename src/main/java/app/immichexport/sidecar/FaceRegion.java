package app.immichexport.sidecar;

/**
 * A face as the Metadata Working Group's regions hold it: its centre and size as shares (0 to 1) of
 * the image as it is stored, before any EXIF orientation turns it for showing.
 */
record FaceRegion(String name, double x, double y, double w, double h) {

    /**
     * @param orientation the file's EXIF orientation, 1 to 8 (anything else counts as 1)
     */
    static FaceRegion of(NamedFace face, int orientation) {
        // centre and size as shares of the image as it is shown
        double u = clamp((face.x1() + face.x2()) / 2 / face.imageWidth());
        double v = clamp((face.y1() + face.y2()) / 2 / face.imageHeight());
        double du = clamp(Math.abs(face.x2() - face.x1()) / face.imageWidth());
        double dv = clamp(Math.abs(face.y2() - face.y1()) / face.imageHeight());
        // where that point is in the stored image: each orientation says which stored row and column
        // are shown at the top and on the left
        return switch (orientation) {
            case 2 -> new FaceRegion(face.name(), 1 - u, v, du, dv);
            case 3 -> new FaceRegion(face.name(), 1 - u, 1 - v, du, dv);
            case 4 -> new FaceRegion(face.name(), u, 1 - v, du, dv);
            case 5 -> new FaceRegion(face.name(), v, u, dv, du);
            case 6 -> new FaceRegion(face.name(), v, 1 - u, dv, du);
            case 7 -> new FaceRegion(face.name(), 1 - v, 1 - u, dv, du);
            case 8 -> new FaceRegion(face.name(), 1 - v, u, dv, du);
            default -> new FaceRegion(face.name(), u, v, du, dv);
        };
    }

    /** Whether the orientation shows the stored image turned by a quarter, its width as height. */
    static boolean turnsAQuarter(int orientation) {
        return orientation >= 5 && orientation <= 8;
    }

    private static double clamp(double share) {
        return Double.isFinite(share) ? Math.max(0, Math.min(1, share)) : 0;
    }
}
