package app.immichexport.recreate;

/** An album that is not re-created; the message says why, for the user. */
public class RecreateRefusedException extends RuntimeException {

    public RecreateRefusedException(String message) {
        super(message);
    }
}
