package app.immichexport.security;

import java.io.Serializable;

/** Who is asking: the signed-in user of a page, or the owner of an API token. */
public record Caller(long id, String username, Role role) implements Serializable {

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** Admins see every job; users only their own. */
    public boolean maySee(String requestedBy) {
        return isAdmin() || username.equals(requestedBy);
    }
}
