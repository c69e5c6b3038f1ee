package dev.atlmcp.jira.client;

import java.util.Optional;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.atlmcp.adf.MarkdownToAdf;

/**
 * Jira Cloud: REST v3, rich text as ADF, people by account id, JQL search paged by {@code nextPageToken}, the changelog
 * and the project list as paged resources, attachments from {@code /attachment/content}.
 */
public class JiraCloudSite extends JiraRestSite {

    /** Account ids: 24 characters, or {@code 557058:} followed by a UUID. */
    private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9a-zA-Z]{24}|\\d+:[0-9a-f-]{36}");

    private final ObjectMapper json;

    public JiraCloudSite(JiraClient client, ObjectMapper json) {
        super(client, "3");
        this.json = json;
    }

    @Override
    public JsonNode richText(String markdown) {
        return MarkdownToAdf.convert(markdown);
    }

    @Override
    public ObjectNode person(String id) {
        return JsonNodeFactory.instance.objectNode().put("accountId", id);
    }

    @Override
    public String personId(JsonNode user) {
        return user.path("accountId").asText();
    }

    @Override
    public String personIdName() {
        return "account id";
    }

    @Override
    public String personQuery(String id) {
        return "accountId=" + id;
    }

    @Override
    public boolean isPersonId(String text) {
        return ACCOUNT_ID.matcher(text).matches();
    }

    @Override
    public boolean hidesEmails() {
        return true;
    }

    @Override
    public Found search(String jql, int limit, String cursor, List<String> fields) {
        SearchDtos.TokenPage page = client.searchJql(new SearchDtos.TokenQuery(jql, limit, fields, cursor));
        List<IssueDto> issues = page.issues() == null ? List.of() : page.issues();
        return new Found(issues, Boolean.TRUE.equals(page.isLast()) ? null : page.nextPageToken(), null);
    }

    @Override
    public Found nothingFound() {
        return new Found(List.of(), null, null);
    }

    @Override
    public History changelog(String key, int start, int limit) {
        JsonNode page = client.getChangelog(key, start, limit);
        List<JsonNode> entries = new ArrayList<>();
        page.path("values").forEach(entries::add);
        return new History(entries, page.path("total").asInt(entries.size()));
    }

    @Override
    public List<ProjectDto> projects(int maxPages, int pageSize) {
        List<ProjectDto> projects = new ArrayList<>();
        for (int page = 0; page < maxPages; page++) {
            JsonNode result = client.searchProjects(page * pageSize, pageSize);
            result.path("values").forEach(p -> projects.add(json.convertValue(p, ProjectDto.class)));
            if (result.path("isLast").asBoolean(true)) {
                break;
            }
        }
        return projects;
    }

    @Override
    public Optional<String> epicKey(IssueDto issue) {
        return Optional.empty();
    }

    @Override
    public byte[] attachment(String id, String filename) {
        return client.attachmentContent(version, id, false);
    }

    @Override
    public void removeWatcher(String key, String personId) {
        client.removeWatcher(version, key, personId, null);
    }

    @Override
    public JsonNode personProperty(String personId, String property) {
        return client.getUserProperty(version, property, personId, null);
    }

    @Override
    public void putPersonProperty(String personId, String property, JsonNode value) {
        client.putUserProperty(version, property, personId, null, value);
    }

    @Override
    public List<IssueDto.User> findPeople(String text, int maxResults) {
        return client.searchUsers(text, maxResults);
    }

    /** Cloud deprecated {@code DELETE version/{id}} for {@code removeAndSwap}; with nothing to swap it only deletes. */
    @Override
    public String versionDeletion(String id) {
        return "POST " + api() + "/version/" + id + "/removeAndSwap";
    }

    @Override
    public void deleteVersion(String id) {
        client.removeAndSwapVersion(version, id, json.createObjectNode());
    }
}
