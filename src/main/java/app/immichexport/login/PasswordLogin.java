package app.immichexport.login;

import app.immichexport.account.Accounts;
import app.immichexport.security.Caller;
import app.immichexport.security.SignedIn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;

/** Checks a username and password with Jakarta Security's identity stores, and signs the session in. */
@ApplicationScoped
class PasswordLogin {

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    Accounts accounts;

    Optional<Caller> check(String username, String password) {
        if (username == null || password == null) {
            return Optional.empty();
        }
        CredentialValidationResult result = identityStores.validate(new UsernamePasswordCredential(username, password));
        return result.getStatus() == CredentialValidationResult.Status.VALID
                ? accounts.active(result.getCallerPrincipal().getName())
                : Optional.empty();
    }

    /** Call on a session whose id has just changed, so that an id known before the login is worth nothing after it. */
    static void signIn(HttpSession session, Caller caller) {
        SignedIn.keep(session, caller);
    }
}
