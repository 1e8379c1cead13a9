package app.immichexport.account;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;

/** Hashes and checks passwords with PBKDF2 (HMAC-SHA512, 210,000 iterations, as OWASP advises). */
@ApplicationScoped
class Passwords {

    static final int MIN_LENGTH = 10;

    @Inject
    Pbkdf2PasswordHash hash;

    /** Checked against when the username is unknown, so that a wrong name takes as long as a wrong password. */
    private String decoy;

    @PostConstruct
    void init() {
        hash.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm",
                "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations",
                "210000",
                "Pbkdf2PasswordHash.SaltSizeBytes",
                "32",
                "Pbkdf2PasswordHash.KeySizeBytes",
                "64"));
        decoy = hash.generate("decoy-password".toCharArray());
    }

    String hash(String password) {
        return hash.generate(password.toCharArray());
    }

    boolean matches(String password, String stored) {
        return hash.verify(password.toCharArray(), stored);
    }

    void spendTheSameTime(String password) {
        hash.verify((password == null ? "" : password).toCharArray(), decoy);
    }

    /** Why a new password is refused, or null when it is fine. */
    static String problem(String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return "The password must have at least " + MIN_LENGTH + " characters";
        }
        if (password.isBlank()) {
            return "The password must not be only spaces";
        }
        return null;
    }
}
