package app.immichexport.immich;

/** Immich could not be reached or answered with a server error: trying again later may succeed. */
public class ImmichUnreachableException extends ImmichException {

    public ImmichUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
