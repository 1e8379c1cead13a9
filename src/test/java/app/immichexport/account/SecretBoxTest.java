package app.immichexport.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private final SecretBox box = new SecretBox(SecretBox.newKey());

    @Test
    void aSecretComesBackOnlyWithTheSameKeyAndContext() {
        String sealed = box.encrypt("immich-api-key-123", "immich-key:account:1");
        assertFalse(sealed.contains("immich-api-key-123"));
        assertEquals("immich-api-key-123", box.decrypt(sealed, "immich-key:account:1"));
        assertThrows(
                IllegalStateException.class,
                () -> box.decrypt(sealed, "immich-key:account:2"),
                "a ciphertext copied to another account's row");
        assertThrows(
                IllegalStateException.class,
                () -> new SecretBox(SecretBox.newKey()).decrypt(sealed, "immich-key:account:1"),
                "another instance's key");
    }

    @Test
    void eachEncryptionDiffersAndTamperingIsDetected() {
        String first = box.encrypt("same", "c");
        assertNotEquals(first, box.encrypt("same", "c"), "a fresh nonce each time");
        byte[] bytes = Base64.getDecoder().decode(first);
        bytes[bytes.length - 1] ^= 1;
        String tampered = Base64.getEncoder().encodeToString(bytes);
        assertThrows(IllegalStateException.class, () -> box.decrypt(tampered, "c"));
    }

    @Test
    void onlyA256BitKeyIsAccepted() {
        assertThrows(IllegalArgumentException.class, () -> new SecretBox(new byte[16]));
    }
}
