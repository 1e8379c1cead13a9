package app.immichexport.immich;

/** The user has not given this application an Immich API key yet, so nothing can be asked of Immich for them. */
public class NoImmichKeyException extends ImmichException {

    public NoImmichKeyException() {
        super("You have no Immich API key yet: enter yours under Settings", null);
    }
}
