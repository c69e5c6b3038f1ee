package dev.atlmcp.sandbox.jira;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.atlmcp.sandbox.SandboxUser;

/** A Jira issue held by the sandbox, independent of how a flavour renders it. */
final class Issue {

    /** {@code role}: visible only to that project role; {@code internal}: a service-desk internal note. */
    record Comment(String id, SandboxUser author, JsonNode bodyAdf, String bodyWiki, Instant created,
            Instant updated, String role, boolean internal) {

        Comment(String id, SandboxUser author, JsonNode bodyAdf, String bodyWiki, Instant created) {
            this(id, author, bodyAdf, bodyWiki, created, created, null, false);
        }

        Comment edited(JsonNode newAdf, String newWiki, Instant at) {
            return new Comment(id, author, newAdf, newWiki, created, at, role, internal);
        }
    }

    record Link(String id, LinkType type, Issue outward, Issue inward) {
    }

    record LinkType(String id, String name, String inward, String outward) {
    }

    final String id;
    final String key;
    final Project project;
    String type;
    String status;
    String priority;
    String summary;
    JsonNode descriptionAdf;
    String descriptionWiki;
    SandboxUser assignee;
    SandboxUser reporter;
    final List<String> labels = new ArrayList<>();
    final List<String> components = new ArrayList<>();
    final List<String> fixVersions = new ArrayList<>();
    String resolution;
    String dueDate;
    String environment;
    Instant created;
    Instant updated;
    Issue parent;
    /** The sprint the issue is in (Jira Software); null in the backlog. */
    Integer sprintId;
    final List<Issue> subtasks = new ArrayList<>();
    final List<Comment> comments = new ArrayList<>();
    final List<Link> links = new ArrayList<>();
    final Map<String, JsonNode> customFields = new LinkedHashMap<>();
    final Map<String, JsonNode> properties = new LinkedHashMap<>();
    final List<SandboxUser> watchers = new ArrayList<>();
    final List<Worklog> worklogs = new ArrayList<>();
    final List<RemoteLink> remoteLinks = new ArrayList<>();

    record Worklog(String id, SandboxUser author, String timeSpent, long seconds, String started, JsonNode comment,
            Instant updated) {
    }

    record RemoteLink(String id, String url, String title) {
    }

    Issue(String id, String key, Project project) {
        this.id = id;
        this.key = key;
        this.project = project;
    }

    int number() {
        return Integer.parseInt(key.substring(key.indexOf('-') + 1));
    }

    /** Summary, description and comment text, lower-cased, for {@code text ~} searches. */
    String searchableText() {
        StringBuilder text = new StringBuilder(summary).append('\n');
        text.append(descriptionWiki == null ? "" : descriptionWiki).append('\n');
        text.append(descriptionAdf == null ? "" : descriptionAdf.toString()).append('\n');
        comments.forEach(c -> text.append(c.bodyWiki()).append('\n'));
        return text.toString().toLowerCase();
    }
}
