package app.immichexport.export.job;

/** A job that cannot start as asked, with a message for the user. */
public class ExportRefusedException extends RuntimeException {

    public ExportRefusedException(String message) {
        super(message);
    }
}
