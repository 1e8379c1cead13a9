package app.immichexport.base.ui;

/** What a page tells a person when something it asked for in the background failed. */
public final class Failures {

    private Failures() {}

    /**
     * The message of the first cause that is written for people (one of {@code told}), else the fallback:
     * other failures say nothing a person could act on, and the server log has them.
     */
    @SafeVarargs
    public static String reason(Throwable failure, String fallback, Class<? extends Throwable>... told) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            for (Class<? extends Throwable> kind : told) {
                if (kind.isInstance(cause) && cause.getMessage() != null) {
                    return cause.getMessage();
                }
            }
        }
        return fallback;
    }
}
