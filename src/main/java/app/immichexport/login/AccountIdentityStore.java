package app.immichexport.login;

import app.immichexport.account.Accounts;
import app.immichexport.base.ClientAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Jakarta Security's identity store over the accounts in the database (PBKDF2 hashes, lock-out). */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    @Inject
    Accounts accounts;

    @Inject
    HttpServletRequest request;

    @Inject
    @ConfigProperty(name = "trusted.proxies")
    Optional<String> trustedProxies;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        String address = ClientAddress.of(
                request.getRemoteAddr(), request.getHeader("X-Forwarded-For"), ClientAddress.trusted(trustedProxies));
        return accounts.login(credential.getCaller(), credential.getPasswordAsString(), address)
                .map(caller -> new CredentialValidationResult(
                        caller.username(), Set.of(caller.role().name())))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
