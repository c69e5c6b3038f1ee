package dev.atlmcp.jira.client;

import java.util.Optional;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.atlmcp.adf.AdfToWiki;
import dev.atlmcp.adf.MarkdownToAdf;
import dev.atlmcp.platform.args.Arguments;

/**
 * Jira Data Center: REST v2, rich text as wiki markup, people by username, JQL search paged by {@code startAt} with a
 * total, the changelog only as an expansion of the issue, one project list, attachments under
 * {@code /secure/attachment}.
 */
public class JiraDataCenterSite extends JiraRestSite {

    private static final String EPIC_LINK_TYPE = "com.pyxis.greenhopper.jira:gh-epic-link";

    private final JiraDataCenterFiles files;
    /** Jira Software's Epic Link field id, once looked up; empty where the site has none. */
    private volatile Optional<String> epicLink;

    public JiraDataCenterSite(JiraClient client, JiraDataCenterFiles files) {
        super(client, "2");
        this.files = files;
    }

    @Override
    public JsonNode richText(String markdown) {
        return JsonNodeFactory.instance.textNode(AdfToWiki.render(MarkdownToAdf.convert(markdown), UnaryOperator
                .identity()));
    }

    @Override
    public ObjectNode person(String id) {
        return JsonNodeFactory.instance.objectNode().put("name", id);
    }

    @Override
    public String personId(JsonNode user) {
        return user.path("name").asText();
    }

    @Override
    public String personIdName() {
        return "username";
    }

    @Override
    public String personQuery(String id) {
        return "username=" + id;
    }

    @Override
    public boolean isPersonId(String text) {
        return false;
    }

    @Override
    public boolean hidesEmails() {
        return false;
    }

    @Override
    public Found search(String jql, int limit, String cursor, List<String> fields) {
        int startAt = Arguments.offset(cursor, "jira_search");
        SearchDtos.OffsetPage page = client.search(new SearchDtos.OffsetQuery(jql, startAt, limit, fields));
        List<IssueDto> issues = page.issues() == null ? List.of() : page.issues();
        boolean more = page.total() != null && startAt + issues.size() < page.total();
        return new Found(issues, Arguments.nextOffsetCursor(startAt, issues.size(), more), page.total());
    }

    @Override
    public Found nothingFound() {
        return new Found(List.of(), null, 0);
    }

    @Override
    public History changelog(String key, int start, int limit) {
        return slice(issueJson(key, "project", "changelog").path("changelog").path("histories"), start, limit);
    }

    /** Data Center sends the whole history with the issue; this is the part a page shows. */
    static History slice(JsonNode histories, int start, int limit) {
        List<JsonNode> entries = new ArrayList<>();
        for (int i = start; i < Math.min(histories.size(), start + limit); i++) {
            entries.add(histories.get(i));
        }
        return new History(entries, histories.size());
    }

    @Override
    public List<ProjectDto> projects(int maxPages, int pageSize) {
        return client.allProjects();
    }

    @Override
    public Optional<String> epicKey(IssueDto issue) {
        return epicLink().map(id -> issue.fields() == null ? null : issue.fields().other.get(id)).filter(
                JsonNode::isTextual).map(JsonNode::asText);
    }

    @Override
    public String hierarchyFields() {
        return super.hierarchyFields() + epicLink().map(id -> "," + id).orElse("");
    }

    @Override
    public String childrenJql(String key, boolean epic) {
        return epic && epicLink().isPresent() ? "\"Epic Link\" = " + key + " ORDER BY key ASC" : super.childrenJql(key,
                epic);
    }

    private Optional<String> epicLink() {
        Optional<String> known = epicLink;
        if (known == null) {
            known = Optional.empty();
            for (JsonNode field : fields()) {
                if (EPIC_LINK_TYPE.equals(field.path("schema").path("custom").asText())) {
                    known = Optional.of(field.path("id").asText());
                }
            }
            epicLink = known;
        }
        return known;
    }

    @Override
    public byte[] attachment(String id, String filename) {
        return files.attachment(id, URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    @Override
    public void removeWatcher(String key, String personId) {
        client.removeWatcher(version, key, null, personId);
    }

    @Override
    public JsonNode personProperty(String personId, String property) {
        return client.getUserProperty(version, property, null, personId);
    }

    @Override
    public void putPersonProperty(String personId, String property, JsonNode value) {
        client.putUserProperty(version, property, null, personId, value);
    }

    @Override
    public List<IssueDto.User> findPeople(String text, int maxResults) {
        return client.searchUsersByUsername(text, maxResults);
    }
}
