package dev.atlmcp.jira.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

import dev.atlmcp.platform.content.UploadedFile;

/** The operations Cloud and Data Center share, on the REST API version each speaks. */
abstract class JiraRestSite implements JiraSite {

    protected final JiraClient client;
    /** The REST API version the site speaks: {@code 3} on Cloud, {@code 2} on Data Center. */
    protected final String version;

    JiraRestSite(JiraClient client, String version) {
        this.client = client;
        this.version = version;
    }

    @Override
    public String api() {
        return "/rest/api/" + version;
    }

    @Override
    public IssueDto issue(String key, String fields, String expand) {
        return client.getIssue(version, key, fields, expand);
    }

    @Override
    public JsonNode issueJson(String key, String fields, String expand) {
        return client.getIssueJson(version, key, fields, expand);
    }

    @Override
    public JsonNode createIssue(JsonNode issue) {
        return client.createIssue(version, issue);
    }

    @Override
    public void editIssue(String key, JsonNode edit) {
        client.editIssue(version, key, edit);
    }

    @Override
    public JsonNode createMetaTypes(String project, int maxResults) {
        return client.createMetaTypes(version, project, maxResults);
    }

    @Override
    public JsonNode createMetaFields(String project, String typeId, int maxResults) {
        return client.createMetaFields(version, project, typeId, maxResults);
    }

    @Override
    public ProjectDto project(String key) {
        return client.getProject(version, key);
    }

    @Override
    public JsonNode fields() {
        return client.fields(version);
    }

    @Override
    public IssueDto.Comments comments(String key, int startAt, int maxResults) {
        return client.getComments(version, key, startAt, maxResults);
    }

    @Override
    public IssueDto.Comment comment(String key, String id) {
        return client.getComment(version, key, id);
    }

    @Override
    public IssueDto.Comment addComment(String key, JsonNode comment) {
        return client.addComment(version, key, comment);
    }

    @Override
    public IssueDto.Comment editComment(String key, String id, JsonNode comment) {
        return client.editComment(version, key, id, comment);
    }

    @Override
    public void deleteComment(String key, String id) {
        client.deleteComment(version, key, id);
    }

    @Override
    public JsonNode transitions(String key, String expand) {
        return client.getTransitions(version, key, expand);
    }

    @Override
    public void transition(String key, JsonNode transition) {
        client.transition(version, key, transition);
    }

    @Override
    public JsonNode watchers(String key) {
        return client.getWatchers(version, key);
    }

    @Override
    public void addWatcher(String key, String personId) {
        client.addWatcher(version, key, TextNode.valueOf(personId));
    }

    @Override
    public JsonNode addWorklog(String key, JsonNode worklog) {
        return client.addWorklog(version, key, worklog);
    }

    @Override
    public JsonNode worklogs(String key, int startAt, int maxResults) {
        return client.getWorklogs(version, key, startAt, maxResults);
    }

    @Override
    public JsonNode worklog(String key, String id) {
        return client.getWorklog(version, key, id);
    }

    @Override
    public void deleteWorklog(String key, String id) {
        client.deleteWorklog(version, key, id);
    }

    @Override
    public JsonNode addRemoteLink(String key, JsonNode link) {
        return client.addRemoteLink(version, key, link);
    }

    @Override
    public JsonNode versions(String project, String status, int startAt, int maxResults) {
        return client.projectVersions(version, project, startAt, maxResults, status, "-releaseDate");
    }

    @Override
    public JsonNode createVersion(JsonNode body) {
        return client.createVersion(version, body);
    }

    @Override
    public JsonNode version(String id) {
        return client.getVersion(version, id);
    }

    @Override
    public String versionDeletion(String id) {
        return "DELETE " + api() + "/version/" + id;
    }

    @Override
    public void deleteVersion(String id) {
        client.deleteVersion(version, id);
    }

    @Override
    public JsonNode versionIssueCounts(String id) {
        return client.versionIssueCounts(version, id);
    }

    @Override
    public String hierarchyFields() {
        return "summary,status,issuetype,parent";
    }

    @Override
    public String childrenJql(String key, boolean epic) {
        return "parent = " + key + " ORDER BY key ASC";
    }

    @Override
    public JsonNode addAttachment(String key, UploadedFile file) {
        JsonNode added = client.addAttachment(version, key, file.form());
        return added.isArray() && !added.isEmpty() ? added.get(0) : added;
    }

    @Override
    public void deleteAttachment(String id) {
        client.deleteAttachment(version, id);
    }

    @Override
    public JsonNode remoteLinks(String key) {
        return client.getRemoteLinks(version, key);
    }

    @Override
    public void deleteRemoteLink(String key, String id) {
        client.deleteRemoteLink(version, key, id);
    }

    @Override
    public JsonNode linkTypes() {
        return client.linkTypes(version);
    }

    @Override
    public void linkIssues(JsonNode link) {
        client.linkIssues(version, link);
    }

    @Override
    public void deleteLink(String id) {
        client.deleteLink(version, id);
    }

    @Override
    public JsonNode issueProperty(String key, String property) {
        return client.getIssueProperty(version, key, property);
    }

    @Override
    public void putIssueProperty(String key, String property, JsonNode value) {
        client.putIssueProperty(version, key, property, value);
    }

    @Override
    public IssueDto.User myself() {
        return client.myself(version);
    }
}
