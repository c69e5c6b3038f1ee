package dev.atlmcp.jira.client;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.atlmcp.platform.content.UploadedFile;

/**
 * The Jira site as the services see it: one operation per thing they do, in Jira's terms. Whether the site is Cloud
 * (REST v3, ADF, account ids) or Data Center (REST v2, wiki markup, usernames) is decided here and nowhere else:
 * {@link JiraCloudSite} and {@link JiraDataCenterSite}.
 */
public interface JiraSite {

    /** One page of a JQL search; {@code total} only where the site counts (Data Center). */
    record Found(List<IssueDto> issues, String next, Integer total) {
    }

    /** Part of an issue's history, oldest first, and how many entries it has in all. */
    record History(List<JsonNode> entries, int total) {
    }

    // How the site speaks

    /** The REST API's path, {@code /rest/api/3} or {@code /rest/api/2}, as write previews show requests. */
    String api();

    /** Markdown as the site stores rich text: ADF on Cloud, wiki markup on Data Center. */
    JsonNode richText(String markdown);

    /** A person in a request body: {@code {"accountId": id}} on Cloud, {@code {"name": id}} on Data Center. */
    ObjectNode person(String id);

    /** The id of a person the site sent: the account id on Cloud, the username on Data Center. */
    String personId(JsonNode user);

    /** What a person's id is called, for messages: {@code account id} or {@code username}. */
    String personIdName();

    /** The query naming a person, {@code accountId=...} or {@code username=...}, as write previews show it. */
    String personQuery(String id);

    /** Whether {@code text} is already a person's id the site takes as is (a Cloud account id). */
    boolean isPersonId(String text);

    /** Whether the site may leave people's email addresses out of what it sends (Cloud, by their privacy setting). */
    boolean hidesEmails();

    // Issues

    IssueDto issue(String key, String fields, String expand);

    /** The issue as Jira sends it, for edits: raw field values, and {@code editmeta} when expanded. */
    JsonNode issueJson(String key, String fields, String expand);

    /** {@code {"id", "key", "self"}} of the new issue. */
    JsonNode createIssue(JsonNode issue);

    void editIssue(String key, JsonNode edit);

    /** The issue types a project offers for creating, a page: under {@code issueTypes} (Cloud) or {@code values}. */
    JsonNode createMetaTypes(String project, int maxResults);

    /** The create screen's fields, a page: under {@code fields} (Cloud) or {@code values} (Data Center). */
    JsonNode createMetaFields(String project, String typeId, int maxResults);

    /**
     * A page of the issues a JQL query finds.
     *
     * @param cursor
     *            where the previous page said to go on, or null for the first page
     */
    Found search(String jql, int limit, String cursor, List<String> fields);

    // Hierarchy

    /**
     * The key of the epic an issue belongs to where the site keeps it apart from {@code parent} (Data Center's Epic
     * Link, from an issue read with {@link #hierarchyFields()}); empty where the parent is the epic (Cloud).
     */
    Optional<String> epicKey(IssueDto issue);

    /** The fields that say where an issue sits: summary, status, type, parent (and Data Center's Epic Link). */
    String hierarchyFields();

    /** JQL finding an issue's children, in key order: sub-tasks, or an epic's issues. */
    String childrenJql(String key, boolean epic);

    /** What a search answers when nothing matches. */
    Found nothingFound();

    History changelog(String key, int start, int limit);

    /** The projects the account can browse, at most {@code maxPages} pages where the site pages them. */
    List<ProjectDto> projects(int maxPages, int pageSize);

    ProjectDto project(String key);

    /**
     * A page of a project's versions, newest release date first: {@code status} is a comma-separated mix of released,
     * unreleased and archived, or null for all.
     */
    JsonNode versions(String project, String status, int startAt, int maxResults);

    /** Creates a version; the new version as Jira sends it. */
    JsonNode createVersion(JsonNode version);

    /** A version; Jira's 404 when there is none. */
    JsonNode version(String id);

    /** How a version is deleted, as previews show it: {@code METHOD path}. */
    String versionDeletion(String id);

    void deleteVersion(String id);

    /** How many issues name a version: {@code issuesFixedCount}, {@code issuesAffectedCount} and in custom fields. */
    JsonNode versionIssueCounts(String id);

    /** Every field of the site, system and custom: {@code [{"id", "name", "custom", "schema"}]}. */
    JsonNode fields();

    /** An attachment's bytes. */
    byte[] attachment(String id, String filename);

    /** Attaches a file to an issue: the new attachment, {@code {"id", "filename", "size", "mimeType", ...}}. */
    JsonNode addAttachment(String key, UploadedFile file);

    void deleteAttachment(String id);

    // Comments

    IssueDto.Comments comments(String key, int startAt, int maxResults);

    IssueDto.Comment comment(String key, String id);

    IssueDto.Comment addComment(String key, JsonNode comment);

    IssueDto.Comment editComment(String key, String id, JsonNode comment);

    void deleteComment(String key, String id);

    // Transitions, watchers, worklogs, links

    /** The transitions open from the issue's status; with {@code transitions.fields}, each screen's fields. */
    JsonNode transitions(String key, String expand);

    void transition(String key, JsonNode transition);

    /** {@code {"watchCount", "watchers": [users]}}. */
    JsonNode watchers(String key);

    void addWatcher(String key, String personId);

    void removeWatcher(String key, String personId);

    JsonNode addWorklog(String key, JsonNode worklog);

    JsonNode worklogs(String key, int startAt, int maxResults);

    JsonNode worklog(String key, String id);

    void deleteWorklog(String key, String id);

    JsonNode addRemoteLink(String key, JsonNode link);

    JsonNode remoteLinks(String key);

    void deleteRemoteLink(String key, String id);

    /** {@code {"issueLinkTypes": [{"id", "name", "inward", "outward"}]}}. */
    JsonNode linkTypes();

    void linkIssues(JsonNode link);

    void deleteLink(String id);

    // Properties and people

    /** {@code {"key", "value"}}; Jira answers 404 when the issue has no such property. */
    JsonNode issueProperty(String key, String property);

    void putIssueProperty(String key, String property, JsonNode value);

    /** {@code {"key", "value"}} of one person's property; 404 when they have none. */
    JsonNode personProperty(String personId, String property);

    void putPersonProperty(String personId, String property, JsonNode value);

    IssueDto.User myself();

    /** People whose display name or email (and, on Data Center, username) starts with {@code text}. */
    List<IssueDto.User> findPeople(String text, int maxResults);
}
