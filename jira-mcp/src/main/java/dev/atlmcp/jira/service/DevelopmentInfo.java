package dev.atlmcp.jira.service;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

import dev.atlmcp.jira.client.DevStatusClient;
import dev.atlmcp.jira.client.IssueDto;

/**
 * What the development panel shows for an issue: pull requests, branches and commits from each source-code tool
 * connected to Jira. One summary request, then one request per kind and tool that has something; the issue is read
 * first, so the project scope applies.
 */
@ApplicationScoped
public class DevelopmentInfo {

    private static final Map<String, String> KINDS = Map.of("pullrequest", "pull requests", "branch", "branches",
            "repository", "commits");
    private static final List<String> ORDER = List.of("pullrequest", "branch", "repository");
    /** Source-code tools looked at per issue; a site rarely has more than two. */
    private static final int MAX_TOOLS = 5;

    /** One source-code tool's part: {@code detail} entries of each kind it has. */
    public record Tool(String name, List<JsonNode> pullRequests, List<JsonNode> branches,
            List<JsonNode> repositories) {
    }

    public record Development(IssueDto issue, List<Tool> tools, List<String> errors) {
    }

    private final JiraService jira;
    private final DevStatusClient devStatus;

    DevelopmentInfo(JiraService jira, @RestClient DevStatusClient devStatus) {
        this.jira = jira;
        this.devStatus = devStatus;
    }

    public Development of(String issueKey) {
        IssueDto issue = jira.readable(JiraService.issueKey(issueKey), "summary,status", null);
        JsonNode summary = devStatus.summary(issue.id()).path("summary");
        Map<String, String> tools = new java.util.LinkedHashMap<>();
        for (String kind : ORDER) {
            Iterator<Map.Entry<String, JsonNode>> byType = summary.path(kind).path("byInstanceType").fields();
            byType.forEachRemaining(e -> {
                if (e.getValue().path("count").asInt() > 0 && tools.size() < MAX_TOOLS) {
                    tools.putIfAbsent(e.getKey(), e.getValue().path("name").asText(e.getKey()));
                }
            });
        }
        List<Tool> found = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        tools.forEach((type, name) -> {
            List<List<JsonNode>> parts = new ArrayList<>();
            for (String kind : ORDER) {
                List<JsonNode> items = new ArrayList<>();
                if (summary.path(kind).path("byInstanceType").path(type).path("count").asInt() > 0) {
                    JsonNode detail = devStatus.detail(issue.id(), type, kind);
                    detail.path("errors").forEach(error -> errors.add(name + " " + KINDS.get(kind) + ": " + error.path(
                            "error").asText(error.asText())));
                    detail.path("detail").forEach(d -> d.path(field(kind)).forEach(items::add));
                }
                parts.add(items);
            }
            found.add(new Tool(name, parts.get(0), parts.get(1), parts.get(2)));
        });
        return new Development(issue, found, errors);
    }

    private static String field(String kind) {
        return switch (kind) {
        case "pullrequest" -> "pullRequests";
        case "branch" -> "branches";
        default -> "repositories";
        };
    }
}
