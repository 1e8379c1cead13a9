package app.immichexport.export.copy;

/**
 * What happened to one planned file.
 *
 * @param sha1   base64 SHA-1 of the bytes now at the target, when known
 * @param reason why it failed or conflicts, for the user
 * @param noSpace it failed because the export root is full: every other file would fail the same way
 */
public record CopyOutcome(Status status, long bytes, String sha1, String reason, boolean noSpace) {

    public enum Status {
        /** written and verified */
        COPIED,
        /** already there with the same content; nothing written */
        IDENTICAL,
        /** a different file has the name; left as it is */
        CONFLICT,
        /** not written; nothing left behind */
        FAILED,
        /** abandoned by a cancel; nothing left behind */
        CANCELLED
    }

    static CopyOutcome copied(long bytes, String sha1) {
        return new CopyOutcome(Status.COPIED, bytes, sha1, null, false);
    }

    static CopyOutcome identical(long bytes, String sha1) {
        return new CopyOutcome(Status.IDENTICAL, bytes, sha1, null, false);
    }

    static CopyOutcome conflict(String reason) {
        return new CopyOutcome(Status.CONFLICT, 0, null, reason, false);
    }

    public static CopyOutcome failed(String reason) {
        return new CopyOutcome(Status.FAILED, 0, null, reason, false);
    }

    public static CopyOutcome cancelled() {
        return new CopyOutcome(Status.CANCELLED, 0, null, "cancelled while it was being copied", false);
    }

    static CopyOutcome noSpace(String reason) {
        return new CopyOutcome(Status.FAILED, 0, null, reason, true);
    }

    public boolean isVerifiedOnDisk() {
        return status == Status.COPIED || status == Status.IDENTICAL;
    }
}
