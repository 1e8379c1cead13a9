package app.immichexport.account;

import app.immichexport.audit.AuditAction;
import app.immichexport.security.Caller;
import app.immichexport.security.Role;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Creates and changes accounts, and checks logins, locking an account out after repeated failures. */
@ApplicationScoped
public class Accounts {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    @Inject
    AccountRepository repository;

    @Inject
    Passwords passwords;

    /** Wrong passwords in a row that lock an account; read when used, so that the start-up check reports a wrong value first. */
    @Inject
    @ConfigProperty(name = "login.max.failures")
    Provider<Integer> maxFailures;

    @Inject
    @ConfigProperty(name = "login.lock.minutes")
    Provider<Long> lockMinutes;

    @Inject
    Event<AuditAction> audit;

    @Inject
    Clock clock;

    private LoginThrottle throttle;

    @PostConstruct
    void createThrottle() {
        throttle = new LoginThrottle(clock);
    }

    public boolean isSetUp() {
        return repository.count() > 0;
    }

    /** The first administrator, from the set-up page or the configuration; refused once any account exists. */
    public Account createFirstAdmin(String username, String password, String how) {
        check(username, password);
        Account admin = repository
                .createFirst(new Account(username, passwords.hash(password), Role.ADMIN, clock.instant()))
                .orElseThrow(() -> new AccountException("This instance is set up already: log in"));
        audit.fire(new AuditAction(username, AuditAction.Kind.SETUP, username, "first administrator created " + how));
        return admin;
    }

    public Account create(Caller actor, String username, String password, Role role) {
        requireAdmin(actor);
        check(username, password);
        if (repository.findByName(username).isPresent()) {
            throw new AccountException("There is already a user named " + username);
        }
        Account account = repository.create(new Account(username, passwords.hash(password), role, clock.instant()));
        audit.fire(new AuditAction(actor.username(), AuditAction.Kind.USER_CREATED, username, "role " + role));
        return account;
    }

    public void changeRole(Caller actor, long id, Role role) {
        requireAdmin(actor);
        if (actor.id() == id && role != Role.ADMIN) {
            throw new AccountException("You cannot take the administrator role from yourself");
        }
        Account account = repository.update(id, a -> a.setRole(role)).orElseThrow(() -> noSuchUser(id));
        audit.fire(
                new AuditAction(actor.username(), AuditAction.Kind.ROLE_CHANGED, account.getUsername(), "now " + role));
    }

    public void setEnabled(Caller actor, long id, boolean enabled) {
        requireAdmin(actor);
        if (actor.id() == id && !enabled) {
            throw new AccountException("You cannot disable your own account");
        }
        Account account = repository.update(id, a -> a.setEnabled(enabled)).orElseThrow(() -> noSuchUser(id));
        audit.fire(new AuditAction(
                actor.username(),
                enabled ? AuditAction.Kind.USER_ENABLED : AuditAction.Kind.USER_DISABLED,
                account.getUsername(),
                null));
    }

    /** An administrator sets a new password for someone; this also lifts a lock-out. */
    public void resetPassword(Caller actor, long id, String password) {
        requireAdmin(actor);
        passwordProblem(password);
        Account account = repository
                .update(id, a -> {
                    a.setPasswordHash(passwords.hash(password));
                    a.setFailedLogins(0);
                    a.setLockedUntil(null);
                })
                .orElseThrow(() -> noSuchUser(id));
        audit.fire(new AuditAction(
                actor.username(), AuditAction.Kind.PASSWORD_CHANGED, account.getUsername(), "set by an administrator"));
    }

    public void changeOwnPassword(Caller caller, String current, String password) {
        Account account = repository.find(caller.id()).orElseThrow(() -> noSuchUser(caller.id()));
        if (!passwords.matches(current, account.getPasswordHash())) {
            throw new AccountException("The current password is not right");
        }
        passwordProblem(password);
        repository.update(caller.id(), a -> a.setPasswordHash(passwords.hash(password)));
        audit.fire(new AuditAction(
                caller.username(), AuditAction.Kind.PASSWORD_CHANGED, caller.username(), "by the user"));
    }

    public List<Account> all(Caller actor) {
        requireAdmin(actor);
        return repository.all();
    }

    /** The account as it is now, if it still exists and may log in. */
    public Optional<Caller> active(String username) {
        return repository.findByName(username).filter(Account::isEnabled).map(Account::caller);
    }

    /**
     * Checks a login. Every failure looks the same to the caller; the audit records the reason. After
     * {@code LOGIN_MAX_FAILURES} wrong passwords in a row the account refuses every password for
     * {@code LOGIN_LOCK_MINUTES}; an address that failed 20 times in 15 minutes is refused for a while,
     * whichever accounts it tries.
     */
    public Optional<Caller> login(String username, String password, String address) {
        if (throttle.isBlocked(address)) {
            // refused before any hashing: a blocked address must not be able to keep the processor busy
            failed(username, "too many failed logins from this address lately", address);
            return Optional.empty();
        }
        Optional<Account> found = username == null ? Optional.empty() : repository.findByName(username);
        if (found.isEmpty() || !found.get().isEnabled()) {
            passwords.spendTheSameTime(password);
            failed(username, found.isEmpty() ? "unknown user" : "account disabled", address);
            return Optional.empty();
        }
        Account account = found.get();
        Instant now = clock.instant();
        if (account.getLockedUntil() != null && now.isBefore(account.getLockedUntil())) {
            passwords.spendTheSameTime(password);
            failed(username, "account locked until " + account.getLockedUntil(), address);
            return Optional.empty();
        }
        if (password == null || !passwords.matches(password, account.getPasswordHash())) {
            int maxFailures = this.maxFailures.get();
            Duration lock = Duration.ofMinutes(lockMinutes.get());
            Account after = repository
                    .update(account.getId(), a -> {
                        a.setFailedLogins(a.getFailedLogins() + 1);
                        if (a.getFailedLogins() >= maxFailures) {
                            a.setFailedLogins(0);
                            a.setLockedUntil(now.plus(lock));
                        }
                    })
                    .orElseThrow();
            failed(username, "wrong password", address);
            if (after.getLockedUntil() != null && after.getLockedUntil().isAfter(now)) {
                audit.fire(new AuditAction(
                        "anonymous",
                        AuditAction.Kind.LOCKED_OUT,
                        username,
                        maxFailures + " wrong passwords in a row: locked until " + after.getLockedUntil(),
                        address));
            }
            return Optional.empty();
        }
        repository.update(account.getId(), a -> {
            a.setFailedLogins(0);
            a.setLockedUntil(null);
        });
        audit.fire(new AuditAction(username, AuditAction.Kind.LOGIN, username, null, address));
        return Optional.of(account.caller());
    }

    private void failed(String username, String reason, String address) {
        throttle.failed(address);
        String target = username == null ? "" : username.length() > 64 ? username.substring(0, 64) : username;
        audit.fire(new AuditAction("anonymous", AuditAction.Kind.LOGIN_FAILED, target, reason, address));
    }

    private static void check(String username, String password) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new AccountException("A username is 1 to 64 letters, digits, dots, dashes, underscores or @");
        }
        passwordProblem(password);
    }

    private static void passwordProblem(String password) {
        String problem = Passwords.problem(password);
        if (problem != null) {
            throw new AccountException(problem);
        }
    }

    /**
     * The actor as the database knows them now: a page keeps the caller it was built for, and an
     * administrator demoted or disabled since must not keep acting as one.
     */
    public Caller current(Caller actor) {
        return repository
                .find(actor.id())
                .filter(Account::isEnabled)
                .map(Account::caller)
                .orElseThrow(() -> new AccountException.Forbidden("This account may no longer be used"));
    }

    /** Refuses unless the actor is an administrator now, whatever they were when their page was built. */
    public void requireAdmin(Caller actor) {
        requireAdmin(actor, "Only administrators may do this");
    }

    public void requireAdmin(Caller actor, String refusal) {
        if (!current(actor).isAdmin()) {
            throw new AccountException.Forbidden(refusal);
        }
    }

    private static AccountException noSuchUser(long id) {
        return new AccountException("No user " + id);
    }
}
