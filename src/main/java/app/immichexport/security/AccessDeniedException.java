package app.immichexport.security;

/** A signed-in user asked for a page their role does not open. */
public class AccessDeniedException extends RuntimeException {

    /** Vaadin makes one to choose the error view; the message comes with the navigation. */
    public AccessDeniedException() {
        super("Access denied");
    }

    public AccessDeniedException(String message) {
        super(message);
    }
}
