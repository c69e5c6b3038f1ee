package dev.atlmcp.auth.delegated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The vault's sealing: AES-256-GCM bound to its row, keys rotated by id, and settings checked without showing keys. */
class VaultKeysTest {

    private static final String OLD = key();
    private static final String NEW = key();

    @Test
    void aSealedValueOpensOnlyForItsRowAndUnaltered() {
        VaultKeys keys = VaultKeys.of(Optional.of(List.of("k1=" + OLD))).orElseThrow();
        VaultKeys.Sealed sealed = keys.seal("refresh-token-value", "grant\nbob\njira");
        assertFalse(new String(sealed.bytes(), StandardCharsets.ISO_8859_1).contains("refresh-token-value"));
        assertNotEquals(new String(sealed.bytes(), StandardCharsets.ISO_8859_1), new String(keys.seal(
                "refresh-token-value", "grant\nbob\njira").bytes(), StandardCharsets.ISO_8859_1), "a fresh nonce");
        assertEquals("refresh-token-value", keys.open(sealed, "grant\nbob\njira"));
        assertThrows(VaultKeys.UnreadableGrant.class, () -> keys.open(sealed, "grant\njane\njira"),
                "copied into another person's row");
        byte[] altered = sealed.bytes().clone();
        altered[altered.length - 1] ^= 1;
        assertThrows(VaultKeys.UnreadableGrant.class, () -> keys.open(new VaultKeys.Sealed("k1", altered),
                "grant\nbob\njira"));
        assertThrows(VaultKeys.UnreadableGrant.class, () -> keys.open(new VaultKeys.Sealed("k1", new byte[5]),
                "grant\nbob\njira"));
    }

    @Test
    void aNewKeySealsWhileTheOldOneStillOpensAndAKeyLeftOutIsNamed() {
        VaultKeys before = VaultKeys.of(Optional.of(List.of("k1=" + OLD))).orElseThrow();
        VaultKeys.Sealed old = before.seal("token", "row");
        VaultKeys rotated = VaultKeys.of(Optional.of(List.of("k2=" + NEW, "k1=" + OLD))).orElseThrow();
        assertEquals("k2", rotated.currentKeyId());
        assertEquals("token", rotated.open(old, "row"));
        assertEquals("k2", rotated.seal("token", "row").keyId());
        VaultKeys withoutOld = VaultKeys.of(Optional.of(List.of("k2=" + NEW))).orElseThrow();
        VaultKeys.UnreadableGrant gone = assertThrows(VaultKeys.UnreadableGrant.class, () -> withoutOld.open(old,
                "row"));
        assertEquals("A stored Atlassian grant cannot be read: it was sealed under key 'k1', which MCP_VAULT_KEYS no "
                + "longer holds", gone.getMessage());
    }

    @Test
    void badSettingsAreNamedWithoutShowingAKey() {
        assertEquals(List.of("is required: at least one key id=base64 of 32 random bytes, e.g. from 'echo "
                + "\"1=$(openssl rand -base64 32)\"'"), VaultKeys.problems(Optional.empty()));
        String short16 = Base64.getEncoder().encodeToString(new byte[16]);
        List<String> problems = VaultKeys.problems(Optional.of(List.of("k1=" + short16, "k1=" + OLD, "=" + OLD,
                "k3=not base64!")));
        assertEquals(List.of("key 'k1' must be 32 bytes in base64 (AES-256), e.g. from 'openssl rand -base64 32'",
                "names key id 'k1' twice",
                "entry 3 must be id=key with an id of letters, digits, '.', '_' or '-'",
                "key 'k3' must be 32 bytes in base64 (AES-256), e.g. from 'openssl rand -base64 32'"), problems);
        assertTrue(problems.stream().noneMatch(p -> p.contains(OLD) || p.contains(short16)));
        assertTrue(VaultKeys.of(Optional.of(List.of("k1=" + short16))).isEmpty());
    }

    private static String key() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
