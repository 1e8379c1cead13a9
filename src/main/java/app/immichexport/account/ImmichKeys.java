package app.immichexport.account;

import app.immichexport.audit.AuditAction;
import app.immichexport.immich.ImmichClient;
import app.immichexport.immich.ImmichConnections;
import app.immichexport.immich.ImmichException;
import app.immichexport.immich.ImmichServer;
import app.immichexport.immich.ImmichService;
import app.immichexport.immich.NoImmichKeyException;
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
    ImmichConnections connections;

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
        ImmichClient client = connections.client(trimmed);
        ImmichServer server;
        String immichUserId;
        try {
            server = immich.server(client);
            immichUserId = client.currentUserId().orElse(null);
        } catch (ImmichException e) {
            connections.forget(trimmed);
            throw new AccountException("Immich did not accept this key: " + e.getMessage());
        }
        Optional<String> old = storedKey(caller.id());
        repository.update(caller.id(), a -> a.setImmichKey(secret.box().encrypt(trimmed, context(caller.id())),
                server.keyName(), immichUserId)).orElseThrow();
        old.filter(o -> !o.equals(trimmed)).ifPresent(connections::forget);
        audit.fire(new AuditAction(caller.username(), AuditAction.Kind.KEY_CHANGED, caller.username(),
                "Immich key '" + server.keyName() + "'"));
        return server;
    }

    public void remove(Caller caller) {
        Optional<String> old = storedKey(caller.id());
        repository.update(caller.id(), a -> a.setImmichKey(null, null, null));
        old.ifPresent(connections::forget);
        audit.fire(new AuditAction(caller.username(), AuditAction.Kind.KEY_REMOVED, caller.username(), null));
    }

    /** Whether other users' move jobs may trash this user's assets with this user's key. */
    public void allowOthersToTrash(Caller caller, boolean allowed) {
        repository.update(caller.id(), a -> a.setOthersMayTrash(allowed));
        audit.fire(new AuditAction(caller.username(), AuditAction.Kind.TRASH_PERMISSION_CHANGED, caller.username(),
                allowed ? "others' move jobs may trash my exported assets" : "only I may trash my assets"));
    }

    public boolean hasKey(Caller caller) {
        return repository.find(caller.id()).map(Account::hasImmichKey).orElse(false);
    }

    /** The caller's connection to Immich: their own key, or in demo mode the demo library's. */
    public ImmichClient client(Caller caller) {
        return storedKey(caller.id()).map(connections::client).orElseGet(() -> {
            if (connections.isDemo()) {
                return connections.demoClient();
            }
            throw new NoImmichKeyException();
        });
    }

    /** The client of the user of this instance who owns these Immich assets, if they allow others to trash them. */
    public Optional<ImmichClient> clientOfConsentingOwner(String immichUserId) {
        return repository.findByImmichUser(immichUserId).filter(Account::isOthersMayTrash)
                .flatMap(owner -> storedKey(owner.getId())).map(connections::client);
    }

    /** Gives a key from the configuration ({@code IMMICH_API_KEY}) to an account that has none. */
    void seed(Account account, String key) {
        if (!account.hasImmichKey()) {
            ImmichClient client = connections.client(key);
            String immichUserId = null;
            String name = null;
            try {
                immichUserId = client.currentUserId().orElse(null);
                name = immich.server(client).keyName();
            } catch (ImmichException unreachableNow) {
                // stored anyway: the key came from the administrator's configuration
            }
            String userId = immichUserId;
            String keyName = name;
            repository.update(account.getId(), a -> a.setImmichKey(secret.box().encrypt(key, context(a.getId())),
                    keyName, userId));
        }
    }

    private Optional<String> storedKey(long accountId) {
        return repository.find(accountId).filter(Account::hasImmichKey)
                .map(a -> secret.box().decrypt(a.getImmichKey(), context(accountId)));
    }

    private static String context(long accountId) {
        return "immich-key:account:" + accountId;
    }
}
