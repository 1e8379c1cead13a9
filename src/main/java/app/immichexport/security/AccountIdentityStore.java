package app.immichexport.security;

import app.immichexport.account.Accounts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;

/** Jakarta Security's identity store over the accounts in the database (PBKDF2 hashes, lock-out). */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    @Inject
    Accounts accounts;

    @Inject
    HttpServletRequest request;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        return accounts.login(credential.getCaller(), credential.getPasswordAsString(), request.getRemoteAddr())
                .map(caller -> new CredentialValidationResult(caller.username(), Set.of(caller.role().name())))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
