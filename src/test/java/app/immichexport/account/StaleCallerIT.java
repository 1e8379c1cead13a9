package app.immichexport.account;

import static org.junit.jupiter.api.Assertions.assertThrows;

import app.immichexport.exportroot.ExportRoots;
import app.immichexport.security.Caller;
import app.immichexport.security.Role;
import jakarta.inject.Inject;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Inside the application: a page keeps the caller it was built for, so the services ask the database
 * who the actor is now. An administrator demoted while their page stayed open acts as a user.
 */
@ExtendWith(ArquillianExtension.class)
public class StaleCallerIT {

    @Inject
    Accounts accounts;

    @Inject
    AccountRepository repository;

    @Inject
    ExportRoots roots;

    @Test
    void aDemotedAdministratorsOpenPageHasNoAdministratorsPowers() {
        Caller admin = repository.findByName("admin").orElseThrow().caller();
        Account dana = accounts.create(admin, "dana-" + System.nanoTime(), "dana-password-1", Role.ADMIN);
        Caller danasPage = dana.caller();
        accounts.changeRole(admin, dana.getId(), Role.USER);
        assertThrows(
                AccountException.Forbidden.class,
                () -> accounts.create(danasPage, "eve-" + System.nanoTime(), "eve-password-12", Role.ADMIN));
        assertThrows(AccountException.Forbidden.class, () -> accounts.changeRole(danasPage, dana.getId(), Role.ADMIN));
        assertThrows(AccountException.Forbidden.class, () -> roots.add(danasPage, "/tmp"));
        accounts.setEnabled(admin, dana.getId(), false);
        assertThrows(AccountException.Forbidden.class, () -> accounts.current(danasPage));
    }
}
