package app.immichexport.audit;

import java.util.Arrays;
import java.util.List;

/**
 * Fired as a CDI event by whoever does something worth recording; {@link AuditLog} stores it.
 *
 * @param actor   the username acting, or {@code anonymous}
 * @param target  what was acted on: a username, a path, a token's name
 * @param address the client's address when the firer knows it; else the current request's is used
 */
public record AuditAction(String actor, Kind kind, String target, String detail, String address) {

    /** What happened; a kind whose target is a path or a profile's name, not a username, says so. */
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
        ROOT_ADDED(false),
        ROOT_REMOVED(false),
        ROOT_USERS_CHANGED(false),
        ROOT_LINKED(false),
        ROOT_UNLINKED(false),
        MIRROR_CHANGED(false),
        MIRROR_RUN(false),
        PRUNE(false),
        ALBUM_RECREATED(false);

        /** The kinds whose target is an account's username. */
        public static final List<Kind> ABOUT_ACCOUNTS =
                Arrays.stream(values()).filter(k -> k.targetsAnAccount).toList();

        private final boolean targetsAnAccount;

        Kind() {
            this(true);
        }

        Kind(boolean targetsAnAccount) {
            this.targetsAnAccount = targetsAnAccount;
        }
    }

    public AuditAction(String actor, Kind kind, String target, String detail) {
        this(actor, kind, target, detail, null);
    }
}
