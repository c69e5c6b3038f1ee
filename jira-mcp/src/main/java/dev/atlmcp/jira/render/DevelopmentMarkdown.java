package dev.atlmcp.jira.render;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.atlmcp.adf.Listing;
import dev.atlmcp.adf.OneLine;
import dev.atlmcp.jira.service.DevelopmentInfo;
import dev.atlmcp.platform.content.ContentPolicy;
import dev.atlmcp.platform.content.UntrustedText;

/** The development panel as tables: titles, branch names and commit messages are people's text, fenced as data. */
public final class DevelopmentMarkdown {

    private DevelopmentMarkdown() {
    }

    public static String development(DevelopmentInfo.Development development, ContentPolicy policy) {
        String key = development.issue().key();
        if (development.tools().isEmpty()) {
            return "No pull requests, branches or commits mention " + key + " in the source-code tools connected to "
                    + "Jira." + errors(development.errors());
        }
        UntrustedText content = policy.newAnswer();
        StringBuilder md = new StringBuilder("Development of ").append(key).append(':');
        for (DevelopmentInfo.Tool tool : development.tools()) {
            md.append("\n\n## ").append(OneLine.of(tool.name())).append('\n');
            if (!tool.pullRequests().isEmpty()) {
                List<List<String>> rows = new ArrayList<>();
                tool.pullRequests().forEach(p -> rows.add(List.of(p.path("id").asText(), p.path("name").asText(), p
                        .path("status").asText(), p.path("author").path("name").asText(),
                        p.path("source").path(
                                "branch").asText() + " → " + p.path("destination").path("branch").asText(),
                        when(p.path(
                                "lastUpdate")),
                        p.path("url").asText())));
                md.append(content.block(key + " pull requests", Listing.table(List.of("Pull request", "Title",
                        "Status", "Author", "Branch", "Updated", "URL"), rows))).append('\n');
            }
            if (!tool.branches().isEmpty()) {
                List<List<String>> rows = new ArrayList<>();
                tool.branches().forEach(b -> rows.add(List.of(b.path("name").asText(), b.path("repository").path(
                        "name").asText(), b.path("lastCommit").path("displayId").asText(), b.path("url").asText())));
                md.append(content.block(key + " branches", Listing.table(List.of("Branch", "Repository",
                        "Last commit", "URL"), rows))).append('\n');
            }
            for (JsonNode repository : tool.repositories()) {
                List<List<String>> rows = new ArrayList<>();
                repository.path("commits").forEach(c -> rows.add(List.of(c.path("displayId").asText(), c.path(
                        "message").asText().lines().findFirst().orElse(""), c.path("author").path("name").asText(),
                        when(c.path("authorTimestamp")))));
                md.append(OneLine.of("Commits in " + repository.path("name").asText() + " (" + repository.path("url")
                        .asText() + "):")).append('\n').append(content.block(key + " commits", Listing.table(
                                List.of("Commit", "Message", "Author", "When"), rows)))
                        .append('\n');
            }
        }
        return content.finish(md.toString().stripTrailing() + errors(development.errors()));
    }

    private static String when(JsonNode value) {
        return value.isMissingNode() || value.isNull() ? "" : IssueMarkdown.time(value.asText());
    }

    private static String errors(List<String> errors) {
        return errors.isEmpty() ? "" : "\nNot all of it could be read: " + String.join("; ", errors);
    }
}
