package app.immichexport.account;

import app.immichexport.audit.AuditAction;
import app.immichexport.immich.ImmichConnection;
import app.immichexport.immich.ImmichException;
import app.immichexport.immich.ImmichServer;
import app.immichexport.immich.ImmichService;
import app.immichexport.immich.NoImmichKeyException;
import app.immichexport.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Each user's own Immich API key: checked with Immich when entered, stored encrypted, never shown,
 * logged or sent anywhere but to Immich.
 */
@ApplicationScoped
public class ImmichKeys {

    @Inject
    AccountRepository repository;

    @Inject
    InstanceSecret secret;

    @Inject
    ImmichService immich;

    @Inject
    Event<AuditAction> audit;

    /** Checks the key with Immich ({@code GET /api-keys/me}), then keeps it; returns what the key may do. */
    public ImmichServer set(Caller caller, String key) {
        String trimmed = key == null ? "" : key.strip();
        if (trimmed.isEmpty() || trimmed.length() > 512 || trimmed.chars().anyMatch(Character::isWhitespace)) {
            throw new AccountException("Paste the API key as Immich showed it (Account settings > API keys)");
        }
        ImmichConnection client = immich.connect(trimmed);
        ImmichServer server;
        String immichUserId;
        try {
            server = immich.server(client);
            immichUserId = immich.currentUserId(client).orElse(null);
        } catch (ImmichException e) {
            immich.forget(trimmed);
            throw new AccountException("Immich did not accept this key: " + e.getMessage());
        }
        Optional<String> old = storedKey(caller.id());
        repository
                .update(
                        caller.id(),
                        a -> a.setImmichKey(
                                secret.box().encrypt(trimmed, context(caller.id())), server.keyName(), immichUserId))
                .orElseThrow();
        old.filter(o -> !o.equals(trimmed)).ifPresent(immich::forget);
        audit.fire(new AuditAction(
                caller.username(),
                AuditAction.Kind.KEY_CHANGED,
                caller.username(),
                "Immich key '" + server.keyName() + "'"));
        return server;
    }

    public void remove(Caller caller) {
        Optional<String> old = storedKey(caller.id());
        repository.update(caller.id(), a -> a.setImmichKey(null, null, null));
        old.ifPresent(immich::forget);
        audit.fire(new AuditAction(caller.username(), AuditAction.Kind.KEY_REMOVED, caller.username(), null));
    }

    /** Whether other users' move jobs may trash this user's assets with this user's key. */
    public void allowOthersToTrash(Caller caller, boolean allowed) {
        repository.update(caller.id(), a -> a.setOthersMayTrash(allowed));
        audit.fire(new AuditAction(
                caller.username(),
                AuditAction.Kind.TRASH_PERMISSION_CHANGED,
                caller.username(),
                allowed ? "others' move jobs may trash my exported assets" : "only I may trash my assets"));
    }

    public boolean hasKey(Caller caller) {
        return repository.find(caller.id()).map(Account::hasImmichKey).orElse(false);
    }

    /** The caller's connection to Immich: their own key, or in demo mode the demo library's. */
    public ImmichConnection client(Caller caller) {
        return storedKey(caller.id()).map(immich::connect).orElseGet(() -> {
            if (immich.isDemo()) {
                return immich.demoConnection();
            }
            throw new NoImmichKeyException();
        });
    }

    /** The client of the user of this instance who owns these Immich assets, if they allow others to trash them. */
    public Optional<ImmichConnection> clientOfConsentingOwner(String immichUserId) {
        return repository
                .findByImmichUser(immichUserId)
                .filter(Account::isOthersMayTrash)
                .flatMap(owner -> storedKey(owner.getId()))
                .map(immich::connect);
    }

    /** Gives a key from the configuration ({@code IMMICH_API_KEY}) to an account that has none. */
    void seed(Account account, String key) {
        if (!account.hasImmichKey()) {
            ImmichConnection client = immich.connect(key);
            String immichUserId = null;
            String name = null;
            try {
                immichUserId = immich.currentUserId(client).orElse(null);
                name = immich.server(client).keyName();
            } catch (ImmichException unreachableNow) {
                // stored anyway: the key came from the administrator's configuration
            }
            String userId = immichUserId;
            String keyName = name;
            repository.update(
                    account.getId(),
                    a -> a.setImmichKey(secret.box().encrypt(key, context(a.getId())), keyName, userId));
        }
    }

    private Optional<String> storedKey(long accountId) {
        return repository
                .find(accountId)
                .filter(Account::hasImmichKey)
                .map(a -> secret.box().decrypt(a.getImmichKey(), context(accountId)));
    }

    private static String context(long accountId) {
        return "immich-key:account:" + accountId;
    }
}
