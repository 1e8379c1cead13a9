package app.immichexport.security;

/** What a user may do: an administrator also manages users and export roots, and sees everyone's jobs. */
public enum Role {
    ADMIN,
    USER
}
