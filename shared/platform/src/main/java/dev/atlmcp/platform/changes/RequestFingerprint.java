package dev.atlmcp.platform.changes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A short key naming one create request: a hash of the caller and the arguments, or of the caller and an explicit
 * request id, so a retry of the same request can find what the first attempt created.
 */
public final class RequestFingerprint {

    private RequestFingerprint() {
    }

    /** 12 hex characters. */
    public static String of(String subject, String requestId, Object... arguments) {
        StringBuilder input = new StringBuilder(subject).append('\n');
        if (requestId != null && !requestId.isBlank()) {
            input.append("request ").append(requestId.trim());
        } else {
            for (Object argument : arguments) {
                input.append(argument).append('\n');
            }
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(input.toString().getBytes(
                    StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
