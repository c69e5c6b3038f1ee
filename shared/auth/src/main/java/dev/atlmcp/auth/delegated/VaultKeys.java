package dev.atlmcp.auth.delegated;

import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The vault's encryption keys ({@code MCP_VAULT_KEYS}, entries {@code id=base64 of 32 random bytes}): the first
 * encrypts, every one decrypts, so a new key can be put first while rows sealed under the old one still open. Sealing
 * is AES-256-GCM with a fresh 96-bit nonce; the associated data binds a sealed value to its row, so a value copied into
 * another person's row does not open.
 */
public final class VaultKeys {

    /** A sealed value: the id of the key that sealed it and nonce + ciphertext + tag. */
    public record Sealed(String keyId, byte[] bytes) {
    }

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, SecretKey> keys;
    private final String current;

    private VaultKeys(Map<String, SecretKey> keys) {
        this.keys = keys;
        this.current = keys.keySet().iterator().next();
    }

    /** The keys of these entries; the problems with them, if any, are in {@link #problems}. */
    public static Optional<VaultKeys> of(Optional<List<String>> entries) {
        if (!problems(entries).isEmpty()) {
            return Optional.empty();
        }
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        for (String entry : entries.orElseThrow()) {
            int eq = entry.indexOf('=');
            keys.put(entry.substring(0, eq).trim(), new SecretKeySpec(Base64.getDecoder().decode(entry.substring(eq
                    + 1).trim()), "AES"));
        }
        return Optional.of(new VaultKeys(keys));
    }

    /** What is wrong with these entries, without showing any key. */
    public static List<String> problems(Optional<List<String>> entries) {
        List<String> problems = new ArrayList<>();
        List<String> list = entries.orElse(List.of()).stream().filter(e -> !e.isBlank()).toList();
        if (list.isEmpty()) {
            problems.add("is required: at least one key id=base64 of 32 random bytes, e.g. from "
                    + "'echo \"1=$(openssl rand -base64 32)\"'");
        }
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String entry = list.get(i);
            int eq = entry.indexOf('=');
            String id = eq > 0 ? entry.substring(0, eq).trim() : "";
            if (!id.matches("[A-Za-z0-9._-]{1,64}")) {
                problems.add("entry " + (i + 1) + " must be id=key with an id of letters, digits, '.', '_' or '-'");
                continue;
            }
            if (ids.contains(id)) {
                problems.add("names key id '" + id + "' twice");
            }
            ids.add(id);
            byte[] key;
            try {
                key = Base64.getDecoder().decode(entry.substring(eq + 1).trim());
            } catch (IllegalArgumentException e) {
                key = new byte[0];
            }
            if (key.length != 32) {
                problems.add("key '" + id + "' must be 32 bytes in base64 (AES-256), e.g. from 'openssl rand -base64 "
                        + "32'");
            }
        }
        return problems;
    }

    /** The id of the key that seals new values. */
    public String currentKeyId() {
        return current;
    }

    public Sealed seal(String plaintext, String boundTo) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.get(current), nonce, current, boundTo);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return new Sealed(current, ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed)
                    .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * The plaintext of a value sealed for {@code boundTo}; fails if its key is not on the ring, or if it was altered or
     * sealed for another row.
     */
    public String open(Sealed sealed, String boundTo) {
        SecretKey key = keys.get(sealed.keyId());
        if (key == null) {
            throw new UnreadableGrant("it was sealed under key '" + sealed.keyId() + "', which MCP_VAULT_KEYS no "
                    + "longer holds");
        }
        byte[] bytes = sealed.bytes();
        if (bytes.length <= NONCE_BYTES) {
            throw new UnreadableGrant("it is truncated");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, java.util.Arrays.copyOf(bytes, NONCE_BYTES), sealed
                    .keyId(), boundTo);
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES),
                    StandardCharsets.UTF_8);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new UnreadableGrant("it was altered or belongs to another row");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] nonce, String keyId, String boundTo)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD((keyId + "\n" + boundTo).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    /** A vault row that cannot be opened; the person connects again. */
    public static final class UnreadableGrant extends RuntimeException {
        UnreadableGrant(String why) {
            super("A stored Atlassian grant cannot be read: " + why, null, false, false);
        }
    }
}
