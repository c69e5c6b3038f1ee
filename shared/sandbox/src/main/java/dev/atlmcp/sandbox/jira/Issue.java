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
    final List<String> affectsVersions = new ArrayList<>();
    /** Time tracking estimates in seconds, null where none was given; time spent is the worklogs' sum. */
    Long originalEstimate;
    Long remainingEstimate;
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

    /** One change in the issue's history: who, when, and each field's old and new value as text. */
    record History(String id, SandboxUser author, Instant created, List<String[]> items) {
    }

    final List<History> history = new ArrayList<>();
    final List<Attachment> attachments = new ArrayList<>();

    record Attachment(String id, String filename, String mimeType, byte[] content, SandboxUser author,
            Instant created) {
    }

    /** The fields the history tracks, as text. */
    Map<String, String> snapshot() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("summary", summary);
        values.put("status", status);
        values.put("priority", priority);
        values.put("assignee", assignee == null ? null : assignee.displayName());
        values.put("labels", String.join(" ", labels));
        values.put("duedate", dueDate);
        values.put("resolution", resolution);
        values.put("description", descriptionWiki);
        customFields.forEach((k, v) -> values.put(k, v == null ? null : v.has("value") ? v.path("value").asText() : v
                .isTextual() || v.isNumber() ? v.asText() : "(changed)"));
        return values;
    }

    /** Adds a history entry for what differs from {@code before}; nothing if nothing changed. */
    void recordChanges(Map<String, String> before, SandboxUser author, String id, Instant at) {
        Map<String, String> after = snapshot();
        List<String[]> items = new ArrayList<>();
        java.util.Set<String> keys = new java.util.LinkedHashSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String field : keys) {
            if (!java.util.Objects.equals(before.get(field), after.get(field))) {
                items.add(new String[] { field, before.get(field), after.get(field) });
            }
        }
        if (!items.isEmpty()) {
            history.add(new History(id, author, at, items));
        }
    }

    long timeSpent() {
        return worklogs.stream().mapToLong(Worklog::seconds).sum();
    }

    /** Jira's way of writing a duration: weeks of 5 days, days of 8 hours, e.g. {@code 1w 2d 4h 30m}. */
    static String duration(long seconds) {
        long minutes = seconds / 60;
        long[] units = { minutes / (5 * 8 * 60), minutes / (8 * 60) % 5, minutes / 60 % 8, minutes % 60 };
        String[] suffixes = { "w", "d", "h", "m" };
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < units.length; i++) {
            if (units[i] > 0) {
                parts.add(units[i] + suffixes[i]);
            }
        }
        return parts.isEmpty() ? "0m" : String.join(" ", parts);
    }

    Issue(String id, String key, Project project) {
        this.id = id;
        this.key = key;
        this.project = project;
    }

    boolean isSubtask() {
        return "Sub-task".equals(type);
    }

    /** The epic the issue belongs to (its parent, when that is an epic and the issue is no sub-task), or null. */
    Issue epic() {
        return parent != null && !isSubtask() && "Epic".equals(parent.type) ? parent : null;
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
