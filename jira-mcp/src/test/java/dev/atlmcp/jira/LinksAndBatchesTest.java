package dev.atlmcp.jira;

import static dev.atlmcp.testing.Mcp.call;
import static dev.atlmcp.testing.Mcp.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

import dev.atlmcp.testing.Mcp;
import dev.atlmcp.testing.Mcp.Transport;
import dev.atlmcp.testing.SandboxReset;
import dev.atlmcp.testing.SandboxSite;

/** Links said as sentences, batches of issues made at most once each, and the "stories from notes" workflow. */
@QuarkusTest
class LinksAndBatchesTest extends SandboxReset {

    private static final Pattern CHANGE_ID = Pattern.compile("Change id: (\\S+) ");

    @Test
    void linksAreSaidAsSentencesInEitherDirectionAndUndone() {
        assertTrue(text(call(Transport.SSE, "jira_list_link_types", Map.of())).contains(
                "| Blocks | blocks | is blocked by |"));
        String linked = text(call(Transport.STREAMABLE, "jira_link_issues", Map.of("issue_key", "OPS-5", "relation",
                "blocks", "other_issue_key", "OPS-6")));
        assertTrue(linked.startsWith("Linked: OPS-5 blocks OPS-6.\nChange id: OPS-5~"), linked);
        assertTrue(text(call(Transport.STREAMABLE, "jira_get_issue", Map.of("issue_key", "OPS-5"))).contains(
                "- blocks OPS-6"));
        assertTrue(text(call(Transport.STREAMABLE, "jira_get_issue", Map.of("issue_key", "OPS-6"))).contains(
                "- is blocked by OPS-5"));

        assertTrue(text(call(Transport.STREAMABLE, "jira_link_issues", Map.of("issue_key", "OPS-6", "relation",
                "is caused by", "other_issue_key", "OPS-7"))).startsWith("Linked: OPS-6 is caused by OPS-7."));
        assertTrue(text(call(Transport.STREAMABLE, "jira_get_issue", Map.of("issue_key", "OPS-7"))).contains(
                "- causes OPS-6"));

        Matcher id = CHANGE_ID.matcher(linked);
        assertTrue(id.find());
        assertTrue(text(call(Transport.STREAMABLE, "jira_undo_change", Map.of("change_id", id.group(1)))).startsWith(
                "Done: undo " + id.group(1) + " (remove the link OPS-5 blocks OPS-6)"));
        assertTrue(!text(call(Transport.STREAMABLE, "jira_get_issue", Map.of("issue_key", "OPS-5"))).contains(
                "blocks OPS-6"));
        assertTrue(text(call(Transport.STREAMABLE, "jira_undo_change", Map.of("change_id", id.group(1)))).startsWith(
                "Change " + id.group(1) + " was already undone"));
    }

    @Test
    void unknownRelationsAreAnsweredWithThePhrasesThereAre() {
        assertEquals("Invalid argument: 'depends on' is not a link type or phrase here. Use one of: Blocks (blocks / "
                + "is blocked by); Relates (relates to); Duplicate (duplicates / is duplicated by); Causes (causes / "
                + "is caused by).",
                text(call(Transport.STREAMABLE, "jira_link_issues", Map.of("issue_key", "OPS-5",
                        "relation", "depends on", "other_issue_key", "OPS-6"))));
        assertTrue(text(call(Transport.STREAMABLE, "jira_link_issues", Map.of("issue_key", "OPS-5", "relation",
                "blocks", "other_issue_key", "OPS-999"))).contains("Issue does not exist"));
    }

    private static long issuesCalled(String summary) {
        return new JsonObject(SandboxSite.get("/rest/api/3/search/jql?fields=summary&jql=" + URLEncoder.encode(
                "project = PAY AND summary ~ \"" + summary + "\"", StandardCharsets.UTF_8))).getJsonArray("issues")
                        .size();
    }

    @Test
    void aBatchReportsEachItemAndARetryCreatesOnlyWhatIsMissing() {
        Map<String, Object> arguments = Map.of("project", "PAY", "parent", "PAY-1", "issues", List.of(Map.of(
                "summary", "Wallet picker on the payment page", "fields", Map.of("Story Points", 3)),
                Map.of(
                        "summary", "Store wallet tokens", "issue_type", "Feature"),
                Map.of("summary",
                        "Wallet refunds")));
        String first = text(call(Transport.STREAMABLE, "jira_create_issues", arguments));
        assertTrue(first.startsWith("Created 2, already existed 0, failed 1."), first);
        assertTrue(first.contains("| 2 | Store wallet tokens | not created: Invalid argument: 'Feature' is not an "
                + "issue type of PAY."), first);
        String again = text(call(Transport.SSE, "jira_create_issues", arguments));
        assertTrue(again.startsWith("Created 0, already existed 2, failed 1."), again);
        assertEquals(1, issuesCalled("Wallet picker"));
        assertEquals(1, issuesCalled("Wallet refunds"));
        assertTrue(text(call(Transport.STREAMABLE, "jira_create_issues", Map.of("project", "PAY", "issues",
                List.of()))).startsWith("Invalid argument: issues must hold 1 to 20 issues, got 0"));
    }

    @Test
    void notesBecomeLinkedStoriesUnderAnEpicInOneSession() {
        try (Mcp.Session agent = Mcp.session()) {
            String epic = agent.call("jira_get_issue", Map.of("issue_key", "PAY-1"));
            assertTrue(epic.startsWith("# PAY-1: PSD3 strong customer authentication"), epic);
            String created = agent.call("jira_create_issues", Map.of("project", "PAY", "parent", "PAY-1", "issues",
                    List.of(Map.of("summary", "Challenge flow for 3-D Secure 2", "description",
                            "From the SCA workshop: **challenge** when the issuer asks."),
                            Map.of("summary",
                                    "Exemptions for low-value payments"))));
            Matcher keys = Pattern.compile("created (PAY-\\d+), change id").matcher(created);
            assertTrue(keys.find(), created);
            String challenge = keys.group(1);
            assertTrue(keys.find(), created);
            String exemptions = keys.group(1);
            assertTrue(agent.call("jira_link_issues", Map.of("issue_key", exemptions, "relation", "is blocked by",
                    "other_issue_key", challenge)).startsWith("Linked: " + exemptions + " is blocked by " + challenge));
            String story = agent.call("jira_get_issue", Map.of("issue_key", exemptions));
            assertTrue(story.contains("Parent: PAY-1") && story.contains("- is blocked by " + challenge), story);
            assertTrue(agent.call("jira_list_my_agent_changes", Map.of()).contains("| jira_link_issues | link "
                    + exemptions + " is blocked by " + challenge + " | can undo |"));
        }
    }
}
