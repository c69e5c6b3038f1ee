package dev.atlmcp.sandbox.jira;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.atlmcp.sandbox.SandboxUser;

/** The state of one simulated Jira site: projects, issues, link types, custom fields. */
final class JiraStore {

    static final List<String> PRIORITIES = List.of("Lowest", "Low", "Medium", "High", "Highest");
    static final List<String> STATUSES = List.of("To Do", "In Progress", "In Review", "Done");
    static final List<String> TYPES = List.of("Epic", "Story", "Task", "Bug", "Incident", "Sub-task");

    /** Custom field id to display name and schema type. */
    static final Map<String, String[]> CUSTOM_FIELDS = new LinkedHashMap<>();
    /** Jira Software's Epic Link on Data Center (the epic's key); Cloud has the parent field instead. */
    static final String EPIC_LINK = "customfield_10101";

    static {
        CUSTOM_FIELDS.put("customfield_10016", new String[] { "Story Points", "number" });
        CUSTOM_FIELDS.put("customfield_10030", new String[] { "Severity", "option" });
        CUSTOM_FIELDS.put("customfield_10040", new String[] { "Root Cause", "textarea" });
        CUSTOM_FIELDS.put("customfield_10050", new String[] { "Team", "option" });
        CUSTOM_FIELDS.put("customfield_10060", new String[] { "Customer Impact", "string" });
        // Sites often carry two fields of one name, e.g. after a migration: names alone are ambiguous there.
        CUSTOM_FIELDS.put("customfield_10070", new String[] { "Team", "string" });
    }

    final List<Issue.LinkType> linkTypes = List.of(
            new Issue.LinkType("10000", "Blocks", "is blocked by", "blocks"),
            new Issue.LinkType("10001", "Relates", "relates to", "relates to"),
            new Issue.LinkType("10002", "Duplicate", "is duplicated by", "duplicates"),
            new Issue.LinkType("10003", "Causes", "is caused by", "causes"));

    /** A project's version (a release); dates as {@code yyyy-MM-dd}, null when not set. */
    record Version(String id, Project project, String name, String description, String startDate,
            String releaseDate, boolean released, boolean archived) {
    }

    private final List<Version> versions = new ArrayList<>();

    private int nextVersionId = 10200;

    synchronized void addVersion(Version version) {
        versions.add(version);
    }

    synchronized String nextVersionId() {
        return String.valueOf(nextVersionId++);
    }

    synchronized Optional<Version> version(String id) {
        return versions.stream().filter(v -> v.id().equals(id)).findFirst();
    }

    /** Removes the version, and it from the affects versions of its project's issues, as Jira does. */
    synchronized void removeVersion(Version version) {
        versions.remove(version);
        issuesByKey.values().stream().filter(i -> i.project.equals(version.project())).forEach(i -> i.affectsVersions
                .remove(version.name()));
    }

    /** A project's versions, in the order they were made (Jira's sequence). */
    synchronized List<Version> versions(Project project) {
        return versions.stream().filter(v -> v.project().equals(project)).toList();
    }

    /** Each account's own user properties, by account id. */
    final Map<String, Map<String, com.fasterxml.jackson.databind.JsonNode>> userProperties = new LinkedHashMap<>();
    private final Map<String, Project> projects = new LinkedHashMap<>();
    private final Map<String, Issue> issuesByKey = new LinkedHashMap<>();
    private int nextIssueId = 10000;
    private int nextCommentId = 20000;
    private int nextLinkId = 30000;

    synchronized void addProject(Project project) {
        projects.put(project.key(), project);
    }

    /** A Jira Service Management request: the issue's request type and who else follows it. */
    record ServiceRequest(String requestTypeId, List<SandboxUser> participants) {
    }

    /** The service-desk requests, by issue key. */
    final Map<String, ServiceRequest> requests = new java.util.concurrent.ConcurrentHashMap<>();

    synchronized Issue newIssue(Project project) {
        int number = (int) issuesByKey.values().stream().filter(i -> i.project.equals(project)).count() + 1;
        Issue issue = new Issue(String.valueOf(nextIssueId++), project.key() + "-" + number, project);
        issuesByKey.put(issue.key, issue);
        return issue;
    }

    synchronized String nextCommentId() {
        return String.valueOf(nextCommentId++);
    }

    synchronized Issue.Link link(String typeName, Issue outward, Issue inward) {
        Issue.LinkType type = linkTypes.stream().filter(t -> t.name().equals(typeName)).findFirst().orElseThrow();
        Issue.Link link = new Issue.Link(String.valueOf(nextLinkId++), type, outward, inward);
        outward.links.add(link);
        inward.links.add(link);
        outward.updated = java.time.Instant.now();
        inward.updated = outward.updated;
        return link;
    }

    synchronized Optional<Issue.Link> linkById(String id) {
        return issuesByKey.values().stream().flatMap(i -> i.links.stream()).filter(l -> l.id().equals(id))
                .findFirst();
    }

    synchronized void unlink(Issue.Link link) {
        link.outward().links.remove(link);
        link.inward().links.remove(link);
    }

    synchronized Optional<Project> project(String keyOrIdOrName) {
        return projects.values().stream().filter(p -> p.key().equalsIgnoreCase(keyOrIdOrName)
                || p.id().equals(keyOrIdOrName) || p.name().equalsIgnoreCase(keyOrIdOrName)).findFirst();
    }

    synchronized Collection<Project> projects() {
        return List.copyOf(projects.values());
    }

    /** The issue by key (case-insensitive) or id, if the user may see it. */
    synchronized Optional<Issue> visibleIssue(String keyOrId, SandboxUser user) {
        Issue issue = issuesByKey.get(keyOrId.toUpperCase(Locale.ROOT));
        if (issue == null) {
            issue = issuesByKey.values().stream().filter(i -> i.id.equals(keyOrId)).findFirst().orElse(null);
        }
        return Optional.ofNullable(issue).filter(i -> i.project.visibleTo(user));
    }

    synchronized List<Issue> visibleIssues(SandboxUser user) {
        return issuesByKey.values().stream().filter(i -> i.project.visibleTo(user)).collect(
                Collectors.toCollection(ArrayList::new));
    }

    /** Lower-cased names valid for a JQL field, used to reject unknown values like Jira does. */
    Set<String> knownValues(String field) {
        Stream<String> names = switch (field) {
        case "status" -> STATUSES.stream();
        case "priority" -> PRIORITIES.stream();
        default -> TYPES.stream();
        };
        return names.map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    /** {id, key, colorName, name} of a status' category. */
    static String[] statusCategory(String status) {
        return switch (status) {
        case "To Do" -> new String[] { "2", "new", "blue-gray", "To Do" };
        case "Done" -> new String[] { "3", "done", "green", "Done" };
        default -> new String[] { "4", "indeterminate", "yellow", "In Progress" };
        };
    }
}
