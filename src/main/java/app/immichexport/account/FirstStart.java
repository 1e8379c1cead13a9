package app.immichexport.account;

import app.immichexport.base.Settings;
import app.immichexport.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Creates the first administrator from {@code ADMIN_USERNAME} / {@code ADMIN_PASSWORD} when given
 * (else the set-up page does), and hands them {@code ADMIN_API_TOKEN} and {@code IMMICH_API_KEY}; makes
 * the key that encrypts Immich keys, when there is none yet.
 */
@ApplicationScoped
public class FirstStart {

    private static final Logger LOG = Logger.getLogger(FirstStart.class.getName());

    @Inject
    Settings settings;

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
        Optional<String> username = settings.get("ADMIN_USERNAME");
        Optional<String> password = settings.get("ADMIN_PASSWORD");
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
        settings.get("ADMIN_API_TOKEN").ifPresent(token -> tokens.seed(admin, token, "ADMIN_API_TOKEN"));
        settings.get("IMMICH_API_KEY")
                .filter(key -> settings.get("IMMICH_URL").isPresent())
                .ifPresent(key -> keys.seed(admin, key));
    }

    private Optional<Account> firstAdmin() {
        return repository.all().stream()
                .filter(a -> a.getRole() == Role.ADMIN)
                .min(Comparator.comparing(Account::getId));
    }
}
