package dev.atlmcp.platform.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.atlmcp.platform.config.PlatformConfig;

/**
 * The server's signing keys ({@code MCP_SIGNING_KEYS}): the first signs, every one verifies, so a new key can be put
 * first while the old one still verifies what it signed. One ring signs change records, Compass change ids and
 * confirmation tokens, each under its own purpose so a signature made for one never verifies as another. Every replica
 * holds the same ring. {@code MCP_CONFIRM_SECRET}, the earlier setting, is read as one more key named {@code confirm}.
 */
@ApplicationScoped
public class KeyRing {

    /** What a check of a signature found. */
    public enum Verdict {
        VALID, UNSIGNED, UNKNOWN_KEY, ALTERED
    }

    /** A key: its name, which signatures carry, and its secret. */
    public record Key(String id, byte[] secret) {
    }

    /** The name {@code MCP_CONFIRM_SECRET} has on the ring. */
    public static final String CONFIRM_KEY = "confirm";
    private static final String ALGORITHM = "HmacSHA256";

    private final List<Key> keys;

    @Inject
    KeyRing(PlatformConfig server) {
        this(keys(server.signing().keys(), server.confirm().secret()));
    }

    public KeyRing(List<Key> keys) {
        this.keys = List.copyOf(keys);
    }

    /**
     * The keys these settings name, first the signing one; entries are {@code id=secret}. Entries that are not
     * well-formed are left out here; {@link #problems} names them.
     */
    public static List<Key> keys(Optional<List<String>> entries, Optional<String> confirmSecret) {
        List<Key> keys = new ArrayList<>();
        for (String entry : entries.orElse(List.of())) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                keys.add(new Key(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim().getBytes(
                        StandardCharsets.UTF_8)));
            }
        }
        if (confirmSecret.isPresent() && keys.stream().noneMatch(k -> k.id().equals(CONFIRM_KEY))) {
            keys.add(new Key(CONFIRM_KEY, confirmSecret.get().getBytes(StandardCharsets.UTF_8)));
        }
        return keys;
    }

    /** What is wrong with these settings, each a short sentence; empty if nothing is. */
    public static List<String> problems(Optional<List<String>> entries) {
        List<String> problems = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (String entry : entries.orElse(List.of())) {
            int eq = entry.indexOf('=');
            String id = eq > 0 ? entry.substring(0, eq).trim() : "";
            if (!id.matches("[A-Za-z0-9_-]{1,32}")) {
                problems.add("must list keys as name=secret with a name of letters, digits, - or _ (up to 32), got an "
                        + "entry without one");
            } else if (entry.substring(eq + 1).trim().length() < 32) {
                problems.add("key '" + id + "' must have a secret of at least 32 characters (e.g. openssl rand "
                        + "-base64 48)");
            } else if (ids.contains(id)) {
                problems.add("names key '" + id + "' twice");
            }
            ids.add(id);
        }
        return problems;
    }

    /** True when there is a key to sign with. */
    public boolean present() {
        return !keys.isEmpty();
    }

    /** {@code <key id>.<MAC>} over the purpose and the data, with the first key. */
    public String sign(String purpose, String data) {
        if (keys.isEmpty()) {
            throw new IllegalStateException("No signing key: set MCP_SIGNING_KEYS");
        }
        Key key = keys.get(0);
        return key.id() + "." + mac(key, purpose, data);
    }

    /** Whether {@code signature} was made by {@link #sign} for this purpose and data with a key on the ring. */
    public Verdict verify(String purpose, String data, String signature) {
        if (signature == null || signature.isBlank()) {
            return Verdict.UNSIGNED;
        }
        int dot = signature.indexOf('.');
        String id = dot > 0 ? signature.substring(0, dot) : "";
        Optional<Key> key = keys.stream().filter(k -> k.id().equals(id)).findFirst();
        if (key.isEmpty()) {
            return Verdict.UNKNOWN_KEY;
        }
        return MessageDigest.isEqual(mac(key.get(), purpose, data).getBytes(StandardCharsets.US_ASCII), signature
                .substring(dot + 1).getBytes(StandardCharsets.US_ASCII)) ? Verdict.VALID : Verdict.ALTERED;
    }

    private static String mac(Key key, String purpose, String data) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key.secret(), ALGORITHM));
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(data.getBytes(
                    StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
