package dev.atlmcp.confluence;

import static dev.atlmcp.testing.Mcp.call;
import static dev.atlmcp.testing.Mcp.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import dev.atlmcp.testing.Mcp;
import dev.atlmcp.testing.Mcp.Transport;
import dev.atlmcp.testing.SandboxReset;

/**
 * Confirmation for Confluence comments: a comment does not change the page version, so the token is bound to the page's
 * newest comment, which the confirmed comment replaces; the same token then cannot add a second comment.
 */
@QuarkusTest
@TestProfile(ConfirmedCommentsTest.Confirmed.class)
class ConfirmedCommentsTest extends SandboxReset {

    public static class Confirmed implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mcp.confirm.tools", "*", "mcp.confirm.secret", "confirmation-secret-for-tests-0123456789",
                    "mcp.identity.accounts", "mapped-subject=5b10a2844c20165700ede21g,victim@example.com="
                            + MessageAttacksTest.VICTIM);
        }
    }

    static final Pattern TOKEN = Pattern.compile("confirmation_token=\"([^\"]+)\"");

    /** Comments posted (the change records written next to them are content properties, not counted). */
    static long posts() {
        return Mcp.sandbox().requests().stream().filter(r -> r.startsWith("POST ") && !r.contains("/propert"))
                .count();
    }

    /** Preview, confirm, replay: one comment, and the replay refused; answers what the confirmed call said. */
    static String previewConfirmAndReplay(Transport transport) {
        Map<String, Object> arguments = new HashMap<>(Map.of("page_id", "131075", "body", "Steps verified."));
        String preview = text(call(transport, "confluence_add_comment", arguments));
        assertTrue(preview.startsWith("Confirmation needed: nothing was sent yet. This call would add a comment to "
                + "page 131075 (Runbook: checkout-api latency)."), preview);
        assertEquals(0, posts());
        Matcher token = TOKEN.matcher(preview);
        assertTrue(token.find(), preview);
        arguments.put("confirmation_token", token.group(1));
        String added = text(call(transport, "confluence_add_comment", arguments));
        assertTrue(added.startsWith("Added comment "), added);
        assertTrue(text(call(transport, "confluence_add_comment", arguments)).startsWith("This confirmation token was "
                + "already used: each one allows a single write."));
        assertEquals(1, posts());
        return added;
    }

    @Test
    void aConfirmedCommentIsAddedOnceAndItsTokenCannotBeReplayed() {
        previewConfirmAndReplay(Transport.STREAMABLE);
    }

    @Test
    void aDryRunShowsTheV2RequestAndSendsNothing() {
        String answer = text(call(Transport.SSE, "confluence_add_comment", Map.of("page_id", "131075", "body",
                "Steps verified.", "dry_run", true)));
        assertTrue(
                answer.startsWith("Dry run: nothing was sent. This call would add a comment to page 131075 (Runbook: "
                        + "checkout-api latency) with:\nPOST /wiki/api/v2/footer-comments\n{\n  \"pageId\" : \"131075\","),
                answer);
        assertEquals(0, posts());
    }
}
