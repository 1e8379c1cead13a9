package app.immichexport.login;

import app.immichexport.account.Accounts;
import app.immichexport.base.ClientAddress;
import app.immichexport.base.Settings;
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

    @Inject
    Settings settings;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        String address = ClientAddress.of(
                request.getRemoteAddr(), request.getHeader("X-Forwarded-For"), ClientAddress.trusted(settings));
        return accounts.login(credential.getCaller(), credential.getPasswordAsString(), address)
                .map(caller -> new CredentialValidationResult(
                        caller.username(), Set.of(caller.role().name())))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
