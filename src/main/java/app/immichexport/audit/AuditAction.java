package app.immichexport.audit;

/**
 * Fired as a CDI event by whoever does something worth recording; {@link AuditLog} stores it.
 *
 * @param actor   the username acting, or {@code anonymous}
 * @param target  what was acted on: a username, a path, a token's name
 * @param address the client's address when the firer knows it; else the current request's is used
 */
public record AuditAction(String actor, Kind kind, String target, String detail, String address) {

    public enum Kind {
        SETUP,
        LOGIN,
        LOGIN_FAILED,
        LOCKED_OUT,
        LOGOUT,
        USER_CREATED,
        ROLE_CHANGED,
        USER_ENABLED,
        USER_DISABLED,
        PASSWORD_CHANGED,
        KEY_CHANGED,
        KEY_REMOVED,
        TRASH_PERMISSION_CHANGED,
        TOKEN_CREATED,
        TOKEN_REVOKED,
        ROOT_ADDED,
        ROOT_REMOVED,
        ROOT_USERS_CHANGED,
        ROOT_LINKED,
        ROOT_UNLINKED,
        MIRROR_CHANGED,
        MIRROR_RUN,
        PRUNE,
        ALBUM_RECREATED;

        /** Whether the target is an account's username, rather than a path or a profile's name. */
        public boolean targetsAnAccount() {
            return switch (this) {
                case ROOT_ADDED,
                        ROOT_REMOVED,
                        ROOT_USERS_CHANGED,
                        ROOT_LINKED,
                        ROOT_UNLINKED,
                        MIRROR_CHANGED,
                        MIRROR_RUN,
                        PRUNE,
                        ALBUM_RECREATED -> false;
                default -> true;
            };
        }
    }

    public AuditAction(String actor, Kind kind, String target, String detail) {
        this(actor, kind, target, detail, null);
    }
}
