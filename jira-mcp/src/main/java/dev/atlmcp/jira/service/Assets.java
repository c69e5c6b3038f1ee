package dev.atlmcp.jira.service;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import dev.atlmcp.auth.config.AtlassianConfig;
import dev.atlmcp.jira.client.AssetsClient;
import dev.atlmcp.jira.client.IssueDto;
import dev.atlmcp.platform.args.Arguments;
import dev.atlmcp.platform.errors.ToolRefusal;
import dev.atlmcp.platform.policy.ScopePolicy;

/**
 * Assets objects, read-only: found with AQL, one by id or key with its attributes and references, and those connected
 * to an issue (AQL's {@code connectedTickets}, after the issue itself is read within the allowed projects). The Cloud
 * workspace is discovered once.
 */
@ApplicationScoped
public class Assets {

    private static final int MAX_AQL = 2000;

    /** A page of objects and the cursor of the next. */
    public record Found(String aql, List<JsonNode> objects, int total, String nextCursor) {
    }

    /** The objects connected to an issue. */
    public record Linked(IssueDto issue, Found found) {
    }

    private final AssetsClient client;
    private final JiraService jira;
    private final ScopePolicy scope;
    private final boolean dataCenter;
    private final AtomicReference<String> workspace = new AtomicReference<>();

    Assets(@RestClient AssetsClient client, JiraService jira, ScopePolicy scope, AtlassianConfig config) {
        this.client = client;
        this.jira = jira;
        this.scope = scope;
        this.dataCenter = config.isDataCenter();
    }

    public Found search(String aql, int limit, String cursor) {
        String query = Arguments.text("aql", aql, MAX_AQL, "objectType = Server AND Name like prod-eu");
        Arguments.limit(limit, JiraService.MAX_LIMIT);
        return page(query, scope.cap(limit), Arguments.offset(cursor, "jira_search_assets"));
    }

    /** An object by its numeric id or its key (ITA-42). */
    public JsonNode object(String object) {
        String wanted = Arguments.text("object", object, 100, "ITA-42").trim();
        String id;
        if (wanted.matches("\\d{1,18}")) {
            id = wanted;
        } else if (wanted.matches("[A-Za-z][A-Za-z0-9_]*-\\d{1,18}")) {
            List<JsonNode> found = page("Key = " + wanted, 1, 0).objects();
            if (found.isEmpty()) {
                throw new ToolRefusal("There is no Assets object " + wanted + " this account can see.");
            }
            id = found.get(0).path("id").asText();
        } else {
            throw new IllegalArgumentException("object must be an Assets object's id (e.g. 88) or key (e.g. ITA-42), "
                    + "got '" + object + "'");
        }
        return dataCenter ? client.dataCenterObject(id) : client.cloudObject(workspace(), id);
    }

    public Linked ofIssue(String issueKey, int limit) {
        IssueDto issue = jira.readable(JiraService.issueKey(issueKey), "summary", null);
        Arguments.limit(limit, JiraService.MAX_LIMIT);
        return new Linked(issue, page("object HAVING connectedTickets(key = " + issue.key() + ")", scope.cap(limit),
                0));
    }

    private Found page(String aql, int limit, int start) {
        List<JsonNode> objects = new ArrayList<>();
        int total;
        boolean more;
        if (dataCenter) {
            JsonNode page = client.dataCenterAql(aql, start / limit + 1, limit, true);
            page.path("objectEntries").forEach(objects::add);
            total = page.path("totalFilterCount").asInt(objects.size());
            more = start + objects.size() < total;
        } else {
            JsonNode page = client.cloudAql(workspace(), start, limit, true, JsonNodeFactory.instance.objectNode().put(
                    "qlQuery", aql));
            page.path("values").forEach(objects::add);
            total = page.path("total").asInt(objects.size());
            more = !page.path("isLast").asBoolean(true);
        }
        return new Found(aql, objects, total, Arguments.nextOffsetCursor(start, objects.size(), more));
    }

    private String workspace() {
        String known = workspace.get();
        if (known != null) {
            return known;
        }
        JsonNode values = client.cloudWorkspaces().path("values");
        if (values.isEmpty()) {
            throw new ToolRefusal("This Jira site has no Assets workspace: Assets comes with Jira Service Management "
                    + "Premium and Enterprise.");
        }
        String id = values.get(0).path("workspaceId").asText();
        workspace.compareAndSet(null, id);
        return id;
    }
}
