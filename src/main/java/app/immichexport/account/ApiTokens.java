package app.immichexport.account;

import app.immichexport.audit.AuditAction;
import app.immichexport.base.TextDigest;
import app.immichexport.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Personal API tokens for the REST API, sent as {@code Authorization: Bearer <token>}. Each is
 * checked against the database on every request, so a revoked token stops working at once.
 */
@ApplicationScoped
public class ApiTokens {

    static final String PREFIX = "iae_";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);

    @Inject
    AccountRepository repository;

    @Inject
    Event<AuditAction> audit;

    @Inject
    Clock clock;

    /** A token just created: the only moment its secret is known. */
    public record NewToken(ApiToken token, String secret) {}

    public NewToken create(Caller caller, String name) {
        String label = name == null || name.isBlank() ? "token" : name.strip();
        if (label.length() > 100) {
            throw new AccountException("A token's name has at most 100 characters");
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        ApiToken token = repository.saveToken(new ApiToken(caller.id(), label, hash(secret), clock.instant()));
        audit.fire(new AuditAction(
                caller.username(), AuditAction.Kind.TOKEN_CREATED, caller.username(), "token '" + label + "'"));
        return new NewToken(token, secret);
    }

    /** Stores a token given by configuration (kept only hashed), unless it is stored already. */
    void seed(Account owner, String secret, String name) {
        if (repository.tokenByHash(hash(secret)).isEmpty()) {
            repository.saveToken(new ApiToken(owner.getId(), name, hash(secret), clock.instant()));
        }
    }

    public void revoke(Caller caller, long tokenId) {
        ApiToken token = repository
                .updateToken(tokenId, t -> {
                    if (t.getUserId() != caller.id() && !caller.isAdmin()) {
                        throw new AccountException.Forbidden("This token is not yours");
                    }
                    if (t.isActive()) {
                        t.setRevokedAt(clock.instant());
                    }
                })
                .orElseThrow(() -> new AccountException("No token " + tokenId));
        audit.fire(new AuditAction(
                caller.username(),
                AuditAction.Kind.TOKEN_REVOKED,
                caller.username(),
                "token '" + token.getName() + "'"));
    }

    public List<ApiToken> of(Caller caller) {
        return repository.tokens(caller.id());
    }

    /** The token's owner, when the token exists, is not revoked and its owner may log in. */
    public Optional<Caller> authenticate(String secret) {
        if (secret == null || secret.length() < 16) {
            return Optional.empty();
        }
        Optional<ApiToken> token = repository.tokenByHash(hash(secret)).filter(ApiToken::isActive);
        Optional<Caller> owner = token.flatMap(t -> repository.find(t.getUserId()))
                .filter(Account::isEnabled)
                .map(Account::caller);
        if (owner.isPresent()) {
            Instant now = clock.instant();
            ApiToken used = token.get();
            if (used.getLastUsedAt() == null
                    || used.getLastUsedAt().plus(LAST_USE_PRECISION).isBefore(now)) {
                repository.updateToken(used.getId(), t -> t.setLastUsedAt(now));
            }
        }
        return owner;
    }

    /** Tokens are 256 random bits: a plain SHA-256 cannot be reversed, and lets the database find one. */
    static String hash(String secret) {
        return TextDigest.sha256Hex(secret);
    }
}
