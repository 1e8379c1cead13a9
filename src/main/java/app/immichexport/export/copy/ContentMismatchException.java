package app.immichexport.export.copy;

import java.io.IOException;

/** The bytes received are not the bytes Immich described: wrong size or wrong SHA-1. */
class ContentMismatchException extends IOException {

    public ContentMismatchException(String message) {
        super(message);
    }
}
