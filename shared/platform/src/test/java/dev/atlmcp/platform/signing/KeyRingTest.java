package dev.atlmcp.platform.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.atlmcp.platform.signing.KeyRing.Verdict;

class KeyRingTest {

    private static final String OLD = "old=" + "o".repeat(40);
    private static final String NEW = "new=" + "n".repeat(40);

    private static KeyRing ring(String... entries) {
        return new KeyRing(KeyRing.keys(Optional.of(List.of(entries)), Optional.empty()));
    }

    @Test
    void theFirstKeySignsAndEveryKeyVerifiesDuringARotation() {
        String signedBefore = ring(OLD).sign("record", "OPS-5");
        KeyRing rotating = ring(NEW, OLD);
        assertTrue(rotating.sign("record", "OPS-5").startsWith("new."));
        assertEquals(Verdict.VALID, rotating.verify("record", "OPS-5", signedBefore), "the old key still verifies");
        assertEquals(Verdict.UNKNOWN_KEY, ring(NEW).verify("record", "OPS-5", signedBefore),
                "once the old key is gone its signatures are refused");
    }

    @Test
    void aSignatureHoldsOnlyForItsDataItsPurposeAndItsKey() {
        KeyRing ring = ring(NEW);
        String signature = ring.sign("record", "OPS-5");
        assertEquals(Verdict.VALID, ring.verify("record", "OPS-5", signature));
        assertEquals(Verdict.ALTERED, ring.verify("record", "OPS-6", signature));
        assertEquals(Verdict.ALTERED, ring.verify("confirmation", "OPS-5", signature));
        assertEquals(Verdict.ALTERED, ring.verify("record", "OPS-5", signature.substring(0, signature.length() - 1)
                + (signature.endsWith("A") ? "B" : "A")));
        assertEquals(Verdict.ALTERED, ring(NEW.replace('n', 'm').replace("mew", "new")).verify("record", "OPS-5",
                signature), "the same key name with another secret");
        assertEquals(Verdict.UNSIGNED, ring.verify("record", "OPS-5", null));
        assertEquals(Verdict.UNSIGNED, ring.verify("record", "OPS-5", " "));
        assertEquals(Verdict.UNKNOWN_KEY, ring.verify("record", "OPS-5", "nokey"));
    }

    @Test
    void theEarlierConfirmSecretIsOneMoreKey() {
        KeyRing alias = new KeyRing(KeyRing.keys(Optional.empty(), Optional.of("c".repeat(32))));
        assertTrue(alias.sign("record", "x").startsWith(KeyRing.CONFIRM_KEY + "."));
        KeyRing moved = new KeyRing(KeyRing.keys(Optional.of(List.of(NEW)), Optional.of("c".repeat(32))));
        assertEquals(Verdict.VALID, moved.verify("record", "x", alias.sign("record", "x")));
        assertTrue(moved.sign("record", "x").startsWith("new."));
    }

    @Test
    void withoutKeysNothingIsSigned() {
        KeyRing none = ring();
        assertFalse(none.present());
        assertThrows(IllegalStateException.class, () -> none.sign("record", "x"));
    }
}
