package app.immichexport.account;

import app.immichexport.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates the first administrator from {@code ADMIN_USERNAME} / {@code ADMIN_PASSWORD} when given
 * (else the set-up page does), and hands them {@code ADMIN_API_TOKEN} and {@code IMMICH_API_KEY}; makes
 * the key that encrypts Immich keys, when there is none yet.
 */
@ApplicationScoped
public class FirstStart {

    private static final Logger LOG = Logger.getLogger(FirstStart.class.getName());

    @Inject
    @ConfigProperty(name = "admin.username")
    Optional<String> username;

    @Inject
    @ConfigProperty(name = "admin.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "admin.api.token")
    Optional<String> adminToken;

    @Inject
    @ConfigProperty(name = "immich.api.key")
    Optional<String> immichKey;

    @Inject
    @ConfigProperty(name = "immich.url")
    Optional<String> immichUrl;

    @Inject
    Accounts accounts;

    @Inject
    AccountRepository repository;

    @Inject
    ApiTokens tokens;

    @Inject
    ImmichKeys keys;

    @Inject
    InstanceSecret secret;

    public void run() {
        secret.box();
        if (!accounts.isSetUp() && username.isPresent() && password.isPresent()) {
            accounts.createFirstAdmin(username.get(), password.get(), "from ADMIN_USERNAME");
            LOG.info(() -> "Created the administrator " + username.get() + " from ADMIN_USERNAME and ADMIN_PASSWORD");
        } else if (!accounts.isSetUp()) {
            LOG.info("No account yet: the first visitor is asked to create the administrator");
        }
        firstAdmin().ifPresent(this::equip);
    }

    /** The set-up page's way in: the administrator gets what the configuration holds for them. */
    public Account createAdmin(String username, String password) {
        Account admin = accounts.createFirstAdmin(username, password, "on the set-up page");
        equip(admin);
        return admin;
    }

    private void equip(Account admin) {
        adminToken.map(String::trim).ifPresent(token -> tokens.seed(admin, token, "ADMIN_API_TOKEN"));
        immichKey.map(String::trim).filter(key -> immichUrl.isPresent()).ifPresent(key -> keys.seed(admin, key));
    }

    private Optional<Account> firstAdmin() {
        return repository.all().stream()
                .filter(a -> a.getRole() == Role.ADMIN)
                .min(Comparator.comparing(Account::getId));
    }
}
