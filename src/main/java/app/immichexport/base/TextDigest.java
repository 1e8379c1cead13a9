package app.immichexport.base;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A short, fixed-length fingerprint of a text, for looking it up or telling that it changed. */
public final class TextDigest {

    private TextDigest() {}

    /** SHA-256 of the text's UTF-8 bytes, in 64 hexadecimal digits. */
    public static String sha256Hex(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
