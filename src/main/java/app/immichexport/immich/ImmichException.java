package app.immichexport.immich;

/** A failure talking to Immich, with a message fit to show a user as it is. */
public class ImmichException extends RuntimeException {

    public ImmichException(String message, Throwable cause) {
        super(message, cause);
    }
}
