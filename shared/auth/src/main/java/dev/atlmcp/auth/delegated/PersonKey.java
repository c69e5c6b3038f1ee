package dev.atlmcp.auth.delegated;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** How the vault names a person or a one-time value: a SHA-256, so the database holds neither. */
public final class PersonKey {

    private PersonKey() {
    }

    /** The person whose identity provider claim ({@code sub} by default) has this value. */
    public static String of(String claimValue) {
        return sha256("person\n" + claimValue);
    }

    public static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(
                    StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
