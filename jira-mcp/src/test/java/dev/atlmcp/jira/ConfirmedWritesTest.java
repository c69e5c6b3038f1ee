package dev.atlmcp.jira;

import static dev.atlmcp.testing.Mcp.call;
import static dev.atlmcp.testing.Mcp.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkiverse.mcp.server.test.McpAssured;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonObject;

import dev.atlmcp.platform.signing.KeyRing;
import dev.atlmcp.sandbox.SandboxTestResource;
import dev.atlmcp.testing.AuditEvents;
import dev.atlmcp.testing.Mcp;
import dev.atlmcp.testing.Mcp.Transport;
import dev.atlmcp.testing.SandboxReset;
import dev.atlmcp.testing.SandboxSite;
import dev.atlmcp.testing.SseMcpClient;

/**
 * Confirm before write: the first call only previews and hands out a signed, short-lived token bound to the exact
 * change; a forged, expired, mismatched or replayed token is refused and nothing is sent. Dry runs never send.
 */
@QuarkusTest
@TestProfile(ConfirmedWritesTest.Confirmed.class)
class ConfirmedWritesTest extends SandboxReset {

    private static final String SECRET = "confirmation-secret-for-tests-0123456789";

    public static class Confirmed implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mcp.confirm.tools", "jira_add_comment,jira_add_watcher,jira_add_worklog",
                    "mcp.confirm.secret", SECRET);
        }
    }

    private static final Pattern TOKEN = Pattern.compile("confirmation_token=\"([^\"]+)\"");

    private static Map<String, Object> comment(String body, String token) {
        Map<String, Object> arguments = new HashMap<>(Map.of("issue_key", "OPS-5", "body", body));
        if (token != null) {
            arguments.put("confirmation_token", token);
        }
        return arguments;
    }

    private static String preview(Transport transport, String body) {
        Mcp.Result preview = call(transport, "jira_add_comment", comment(body, null));
        assertFalse(preview.isError(), () -> text(preview));
        assertTrue(text(preview).startsWith("Confirmation needed: nothing was sent yet. This call would add a comment "
                + "to OPS-5.\nShow this to the user."), text(preview));
        Matcher token = TOKEN.matcher(text(preview));
        assertTrue(token.find(), text(preview));
        return token.group(1);
    }

    private static boolean anyPost() {
        return Mcp.sandbox().requests().stream().anyMatch(r -> r.startsWith("POST "));
    }

    @Test
    void anUnconfirmedWriteIsNotSentAndTheConfirmedOneIsSentOnce() {
        String token = preview(Transport.STREAMABLE, "Drained the queue.");
        assertFalse(anyPost(), "the preview sends nothing");
        Mcp.Result done = call(Transport.SSE, "jira_add_comment", comment("Drained the queue.", token));
        assertTrue(text(done).startsWith("Added comment "), text(done));
        assertEquals(1, Mcp.sandbox().requests().stream().filter(r -> r.startsWith("POST ")).count());

        Mcp.Result replay = call(Transport.STREAMABLE, "jira_add_comment", comment("Drained the queue.", token));
        assertEquals("This confirmation token was already used: each one allows a single write. Nothing was sent. "
                + "Call jira_add_comment without confirmation_token for a new preview.", text(replay));
        assertEquals(1, Mcp.sandbox().requests().stream().filter(r -> r.startsWith("POST ")).count());
    }

    @Test
    void aTokenForOtherArgumentsOrAnotherCallerIsRefused() {
        String token = preview(Transport.STREAMABLE, "Drained the queue.");
        assertTrue(text(call(Transport.STREAMABLE, "jira_add_comment", comment("Something else.", token))).startsWith(
                "This confirmation token is for a different change"));
        assertTrue(text(call(Transport.STREAMABLE, "jira_add_comment", comment("Drained the queue.", token), Mcp.as(
                Mcp.tokenFor("mallory", "mallory@example.com")))).startsWith(
                        "This confirmation token is for a different change"));
        assertFalse(anyPost());
    }

    @Test
    void forgedAndExpiredTokensAreRefused() throws Exception {
        String token = preview(Transport.STREAMABLE, "Drained the queue.");
        String payload = token.substring(0, token.indexOf('.'));
        String forged = payload + "." + new StringBuilder(token.substring(token.indexOf('.') + 1)).reverse();
        assertEquals("This confirmation token is not valid: it was altered or not issued by this server. Nothing was "
                + "sent. Call jira_add_comment without confirmation_token for a new preview.",
                text(call(
                        Transport.STREAMABLE, "jira_add_comment", comment("Drained the queue.", forged))));

        JsonObject claims = new JsonObject(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8))
                .put("exp", 1_700_000_000L);
        String expiredPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(claims.encode().getBytes(
                StandardCharsets.UTF_8));
        KeyRing serverKeys = new KeyRing(KeyRing.keys(Optional.of(List.of(SandboxTestResource.TEST_SIGNING_KEY)),
                Optional.empty()));
        String expired = expiredPayload + "." + serverKeys.sign("confirmation", expiredPayload);
        assertEquals("This confirmation token expired at 2023-11-14T22:13:20Z. Nothing was sent. Call jira_add_comment "
                + "without confirmation_token for a new preview.",
                text(call(Transport.STREAMABLE, "jira_add_comment",
                        comment("Drained the queue.", expired))));
        assertFalse(anyPost());
    }

    @Test
    void aDryRunShowsTheExactRequestAndSendsNothing() {
        Map<String, Object> arguments = comment("Queue **drained**.", null);
        arguments.put("dry_run", true);
        String answer;
        try (AuditEvents audit = AuditEvents.capture()) {
            answer = text(call(Transport.STREAMABLE, "jira_add_comment", arguments));
            assertEquals("held", audit.single("jira_add_comment").getString("outcome"), "audited as held, not sent");
        }
        assertTrue(answer.startsWith("Dry run: nothing was sent. This call would add a comment to OPS-5 with:\nPOST "
                + "/rest/api/3/issue/OPS-5/comment\n{"), answer);
        assertTrue(answer.contains("\"text\" : \"drained\""), answer);
        assertFalse(anyPost());
    }

    @Test
    void aClientThatCanAskTheUserGetsTheirAnswerInsteadOfAToken() throws Exception {
        Map<String, Object> arguments = comment("Confirmed in the client.", null);
        try (SseMcpClient client = SseMcpClient.answeringElicitations(McpAssured.baseUri, Mcp.token(),
                request -> new JsonObject().put("action", "accept").put("content", new JsonObject().put("confirm",
                        true)))) {
            JsonObject result = client.callTool("jira_add_comment", arguments).getJsonObject("result");
            String text = result.getJsonArray("content").getJsonObject(0).getString("text");
            assertFalse(result.getBoolean("isError", false), text);
            assertTrue(text.startsWith("Added comment "), text);
            assertEquals("Allow the agent to add a comment to OPS-5?", client.elicitations().get(0).getString(
                    "message"));
        }
        assertEquals(1, Mcp.sandbox().requests().stream().filter(r -> r.startsWith("POST ")).count());
    }

    @Test
    void whenTheUserDeclinesInTheClientNothingIsSent() throws Exception {
        for (JsonObject answer : java.util.List.of(new JsonObject().put("action", "decline"), new JsonObject().put(
                "action", "accept").put("content", new JsonObject().put("confirm", false)))) {
            try (SseMcpClient client = SseMcpClient.answeringElicitations(McpAssured.baseUri, Mcp.token(),
                    request -> answer)) {
                JsonObject result = client.callTool("jira_add_comment", comment("Declined.", null)).getJsonObject(
                        "result");
                assertTrue(result.getBoolean("isError", false));
                assertEquals("Not sent: the user did not confirm that the agent may add a comment to OPS-5.", result
                        .getJsonArray("content").getJsonObject(0).getString("text"));
            }
        }
        assertFalse(anyPost());
    }

    private static String tokenOf(Mcp.Result preview) {
        Matcher token = TOKEN.matcher(text(preview));
        assertTrue(token.find(), text(preview));
        return token.group(1);
    }

    @Test
    void aTokenStaysUsedAfterItsChangeWasUndoneAndTheItemIsAsBefore() {
        Map<String, Object> watch = new HashMap<>(Map.of("issue_key", "OPS-5", "person", "bob.martin@example.com"));
        String token = tokenOf(call(Transport.STREAMABLE, "jira_add_watcher", watch));
        watch.put("confirmation_token", token);
        Mcp.Result added = call(Transport.STREAMABLE, "jira_add_watcher", watch);
        assertFalse(added.isError(), added::text);
        String changeId = text(added).replaceFirst("(?s).*Change id: (\\S+) .*", "$1");
        Mcp.Result undone = call(Transport.STREAMABLE, "jira_undo_change", Map.of("change_id", changeId));
        assertTrue(text(undone).startsWith("Done: undo "), text(undone));
        long posts = Mcp.sandbox().requests().stream().filter(r -> r.startsWith("POST ")).count();
        for (Transport transport : List.of(Transport.STREAMABLE, Transport.SSE)) {
            Mcp.Result replay = call(transport, "jira_add_watcher", watch);
            assertTrue(replay.isError(), replay::text);
            assertEquals("This confirmation token was already used: each one allows a single write. Nothing was "
                    + "sent. Call jira_add_watcher without confirmation_token for a new preview.", text(replay));
        }
        assertEquals(posts, Mcp.sandbox().requests().stream().filter(r -> r.startsWith("POST ")).count());
        assertFalse(SandboxSite.get("/rest/api/3/issue/OPS-5/watchers").contains(
                dev.atlmcp.sandbox.Directory.BOB.accountId()), "Bob no longer watches OPS-5");
    }

    @Test
    void aWorklogWithoutAStartTimeIsConfirmedWithTheTimeThePreviewShowed() {
        Map<String, Object> log = new HashMap<>(Map.of("issue_key", "OPS-5", "time_spent", "1h"));
        Mcp.Result preview = call(Transport.STREAMABLE, "jira_add_worklog", log);
        String started = text(preview).replaceFirst("(?s).*log 1h on OPS-5 from (\\S+)\\..*", "$1");
        assertTrue(started.matches("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+[+-]\\d{4}"), text(preview));
        log.put("confirmation_token", tokenOf(preview));
        Mcp.Result logged = call(Transport.SSE, "jira_add_worklog", log);
        assertFalse(logged.isError(), logged::text);
        assertTrue(SandboxSite.get("/rest/api/3/issue/OPS-5/worklog").contains("\"started\":\"" + started + "\""),
                "the worklog starts when the preview said");
    }
}
