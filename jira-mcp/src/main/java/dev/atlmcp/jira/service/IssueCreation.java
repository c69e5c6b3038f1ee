package dev.atlmcp.jira.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.atlmcp.platform.args.Arguments;
import dev.atlmcp.platform.changes.AgentChange;
import dev.atlmcp.platform.changes.CreateRequests;
import dev.atlmcp.platform.changes.RequestFingerprint;
import dev.atlmcp.platform.atlassian.ErrorMessages;
import dev.atlmcp.platform.errors.ToolRefusal;
import dev.atlmcp.auth.identity.IdentityMapper;
import dev.atlmcp.platform.atlassian.AtlassianException;
import dev.atlmcp.platform.policy.ScopePolicy;
import dev.atlmcp.platform.writes.WriteGate;
import dev.atlmcp.platform.writes.WritePipeline;
import dev.atlmcp.jira.client.IssueDto;
import dev.atlmcp.jira.client.JiraSite;

/**
 * Creates issues checked against the project's create screen, at most once per request: each create carries a request
 * label ({@code mcp-req-<hash>} of the caller and the arguments, or of an explicit request id), and an issue with that
 * label created in the last day is returned instead of creating another. A client that retries after a lost answer
 * therefore gets the issue it already made.
 */
@ApplicationScoped
public class IssueCreation {

    static final String REQUEST_LABEL = "mcp-req-";
    private static final int MAX_SUMMARY = 255;
    private static final int MAX_DESCRIPTION = 30_000;
    private static final int META_PAGE = 200;
    /** The most issues one jira_create_issues call creates. */
    static final int MAX_BATCH = 20;

    /**
     * @param existing
     *            true when an identical earlier request had created it and nothing new was made
     */
    public record Created(String key, String what, String summary, String changeId, String requestLabel,
            boolean existing, List<String> notes) {
    }

    private final JiraService jira;
    private final JiraSite site;
    private final ScopePolicy scope;
    private final WritePipeline pipeline;
    private final IssueWrites writes;
    private final JiraUsers users;
    private final IdentityMapper identity;
    private final ObjectMapper json;
    private final CreateRequests requests;

    IssueCreation(JiraService jira, JiraSite site, ScopePolicy scope,
            WritePipeline pipeline, IssueWrites writes, JiraUsers users, IdentityMapper identity,
            ObjectMapper json, CreateRequests requests) {
        this.requests = requests;
        this.jira = jira;
        this.site = site;
        this.scope = scope;
        this.pipeline = pipeline;
        this.writes = writes;
        this.users = users;
        this.identity = identity;
        this.json = json;
    }

    /** A create checked and built, not yet sent; {@code earlier} is the issue an identical request already made. */
    record Prepared(String project, String what, String title, String requestLabel, boolean labelled, ObjectNode body,
            Optional<String> earlier) {
    }

    /** One item of a batch: what came of it, or the error that stopped it. */
    public record ItemResult(int index, String summary, Created created, String error) {
    }

    public Created create(String projectKey, String issueType, String summary, String description,
            Map<String, Object> fields, String parent, List<String> labels, String requestId, boolean dryRun,
            String confirmationToken) {
        Prepared prepared = prepare(JiraService.projectKey(projectKey), issueType, summary, description, fields, parent,
                labels,
                requestId);
        if (prepared.earlier().isPresent()) {
            return existing(prepared);
        }
        pipeline.approve(new WriteGate.Write("jira_create_issue", "create " + prepared.what() + ": " + prepared.title(),
                "POST", site.api() + "/issue", prepared.body(), prepared::requestLabel), dryRun,
                confirmationToken);
        return send(prepared, "jira_create_issue");
    }

    /**
     * Creates several issues in one project (e.g. stories from meeting notes), each checked and made at most once like
     * {@link #create}; one confirmation covers the batch. An item that fails does not stop the others.
     *
     * @param items
     *            each with {@code summary} and optionally {@code issue_type}, {@code description}, {@code fields},
     *            {@code labels}, {@code parent}
     */
    public List<ItemResult> createAll(String projectKey, String issueType, String parent,
            List<Map<String, Object>> items,
            String requestId, boolean dryRun, String confirmationToken) {
        String project = JiraService.projectKey(projectKey);
        if (items == null || items.isEmpty() || items.size() > MAX_BATCH) {
            throw new IllegalArgumentException("issues must hold 1 to " + MAX_BATCH + " issues, got " + (items == null
                    ? 0 : items.size()));
        }
        List<ItemResult> results = new ArrayList<>();
        List<Prepared> toSend = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Map<String, Object> item = items.get(i);
            String summary = item.get("summary") == null ? null : String.valueOf(item.get("summary"));
            try {
                Prepared prepared = prepare(project, item.getOrDefault("issue_type", issueType) == null ? null
                        : String.valueOf(item.getOrDefault("issue_type", issueType)), summary,
                        text(item.get(
                                "description")),
                        map(item.get("fields")), item.get("parent") == null ? parent : String
                                .valueOf(item.get("parent")),
                        list(item.get("labels")), requestId == null ? null
                                : requestId + "#" + i);
                results.add(new ItemResult(i, summary, prepared.earlier().isPresent() ? existing(prepared) : null,
                        null));
                if (prepared.earlier().isEmpty()) {
                    toSend.add(prepared);
                }
            } catch (RuntimeException e) {
                results.add(new ItemResult(i, summary, null, ErrorMessages.describe(e, false).message()));
            }
        }
        ArrayNode bodies = json.createArrayNode();
        toSend.forEach(p -> bodies.add(p.body()));
        if (!toSend.isEmpty()) {
            pipeline.approve(
                    new WriteGate.Write("jira_create_issues", "create " + toSend.size() + " issues in " + project,
                            "POST", site.api() + "/issue (once per issue)", bodies,
                            () -> String.join(
                                    ",", toSend.stream().map(Prepared::requestLabel).toList())),
                    dryRun, confirmationToken);
        }
        for (int i = 0; i < results.size(); i++) {
            ItemResult result = results.get(i);
            if (result.created() != null || result.error() != null) {
                continue;
            }
            Prepared prepared = toSend.remove(0);
            try {
                results.set(i, new ItemResult(i, result.summary(), send(prepared, "jira_create_issues"), null));
            } catch (RuntimeException e) {
                results.set(i, new ItemResult(i, result.summary(), null, ErrorMessages.describe(e, false)
                        .message()));
            }
        }
        return results;
    }

    /** "a Bug", "an Incident". */
    public static String withArticle(String typeName) {
        return ("AEIOU".indexOf(Character.toUpperCase(typeName.isEmpty() ? 'x' : typeName.charAt(0))) >= 0 ? "an "
                : "a ") + typeName;
    }

    /** A project's create screen for an issue type: field id to metadata, with required flags and allowed values. */
    public CreateScreen screen(String projectKey, String issueType) {
        String project = JiraService.projectKey(projectKey);
        JsonNode type = issueType(project, issueType);
        return new CreateScreen(project, type.path("name").asText(), createScreen(project, type.path("id").asText()));
    }

    /** The fields of one create screen. */
    public record CreateScreen(String project, String issueType, JsonNode fields) {
    }

    private Prepared prepare(String project, String issueType, String summary, String description,
            Map<String, Object> fields, String parent, List<String> labels, String requestId) {
        String title = Arguments.text("summary", summary, MAX_SUMMARY, "Checkout times out on Safari 18");
        if (description != null) {
            Arguments.text("description", description, MAX_DESCRIPTION, "## Steps\n1. Open checkout on Safari");
        }
        String parentKey = parent == null || parent.isBlank() ? null : JiraService.issueKey(parent);
        if (parentKey != null) {
            writes.writable(parentKey, "project");
        }
        JsonNode type = issueType(project, issueType);
        String typeName = type.path("name").asText();
        String what = withArticle(typeName) + " in " + project;
        ObjectNode meta = createScreen(project, type.path("id").asText());
        JsonNode requested = fields == null ? null : json.valueToTree(fields);
        String requestLabel = REQUEST_LABEL + fingerprint(requestId, project, type.path("id").asText(), title,
                description, requested, parentKey, labels);
        boolean labelled = meta.has("labels");
        Optional<String> earlier = labelled ? earlier(project, requestLabel).or(() -> requests.made(requestLabel,
                "Search with jira_search for labels = " + requestLabel)) : Optional.empty();
        List<String> allLabels = new ArrayList<>(labels == null ? List.of() : labels);
        if (labelled) {
            scope.markLabel().filter(l -> !allLabels.contains(l)).ifPresent(allLabels::add);
            allLabels.add(requestLabel);
        }
        ObjectNode preset = JsonNodeFactory.instance.objectNode();
        preset.putObject("project").put("key", project);
        preset.putObject("issuetype").put("id", type.path("id").asText());
        ObjectNode body = earlier.isPresent() ? null : IssueEdit.create(what, meta, preset, title, requested,
                description, allLabels, parentKey, site, users);
        if (body != null) {
            jira.requireAllowedReferences(body);
            JsonNode rawParent = body.path("fields").path("parent");
            if (parentKey == null && (rawParent.has("key") || rawParent.has("id"))) {
                // a sub-task changes its parent: the write guard judges that issue too
                writes.writable(rawParent.path("key").asText(rawParent.path("id").asText()), "project");
            }
        }
        return new Prepared(project, what, title, requestLabel, labelled, body, earlier);
    }

    private static Created existing(Prepared prepared) {
        return new Created(prepared.earlier().orElseThrow(), prepared.what(), prepared.title(), null, prepared
                .requestLabel(), true, List.of());
    }

    /** Sends the create once for identical requests in flight here, and keeps what it made for retries. */
    private Created send(Prepared prepared, String tool) {
        if (!prepared.labelled()) {
            return sendNow(prepared, tool);
        }
        return requests.once(prepared.requestLabel(), "Search with jira_search for labels = " + prepared
                .requestLabel(), () -> sendNow(prepared, tool), Created::key,
                key -> new Created(key, prepared.what(),
                        prepared.title(), null, prepared.requestLabel(), true, List.of()));
    }

    private Created sendNow(Prepared prepared, String tool) {
        JsonNode created = pipeline.sendApproved("create " + prepared.what(), prepared.labelled() ? "call " + tool
                + " again with the same arguments: it finds the issue if it was created (label " + prepared
                        .requestLabel()
                + ") instead of creating a second one"
                : "search with jira_search for project = " + prepared.project() + " AND reporter = currentUser() "
                        + "AND created >= -15m",
                () -> site.createIssue(prepared.body()));
        String key = created.path("key").asText();
        AgentChange change = pipeline.start(tool, "issue-created", key, "create " + key + ": " + prepared.title(), null,
                JsonNodeFactory.instance.objectNode().put("key", key));
        List<String> notes = new ArrayList<>();
        writes.keep(change, "The issue was created").ifPresent(notes::add);
        if (!prepared.labelled()) {
            notes.add("Labels are not on the create screen of " + prepared.what() + ", so a retry of this call cannot "
                    + "be recognised and would create another issue.");
        }
        return new Created(key, prepared.what(), prepared.title(), change.id(), prepared.requestLabel(), false, notes);
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException("fields must be an object of field name or id to value");
        }
        return (Map<String, Object>) value;
    }

    private static List<String> list(Object value) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof List<?> values)) {
            throw new IllegalArgumentException("labels must be a list of labels");
        }
        return values.stream().map(String::valueOf).toList();
    }

    private JsonNode issueType(String project, String wanted) {
        String name = Arguments.text("issue_type", wanted, 100, "Bug");
        scope.requireProject(project, new AtlassianException(404, List.of("No project could be found with key '"
                + project + "'."), Optional.empty()));
        JsonNode page = site.createMetaTypes(project, META_PAGE);
        JsonNode types = page.has("issueTypes") ? page.path("issueTypes") : page.path("values");
        List<String> offered = new ArrayList<>();
        for (JsonNode type : types) {
            if (type.path("name").asText().equalsIgnoreCase(name.trim()) || type.path("id").asText().equals(name
                    .trim())) {
                return type;
            }
            offered.add(type.path("name").asText());
        }
        if (offered.isEmpty()) {
            throw new ToolRefusal("Jira offers this account no issue type to create in " + project + ": it lacks the "
                    + "Create Issues permission there. jira_whoami shows which account the calls use; ask a Jira admin "
                    + "for the permission.");
        }
        throw new IllegalArgumentException("'" + name + "' is not an issue type of " + project + ". Types: " + String
                .join(", ", offered) + ".");
    }

    /** The create screen as field id to metadata, the shape the edit screen has. */
    private ObjectNode createScreen(String project, String typeId) {
        JsonNode page = site.createMetaFields(project, typeId, META_PAGE);
        ObjectNode meta = JsonNodeFactory.instance.objectNode();
        for (JsonNode field : page.has("fields") ? page.path("fields") : page.path("values")) {
            meta.set(field.path("fieldId").asText(field.path("key").asText()), field);
        }
        return meta;
    }

    /** The issue an identical request created in the last day, if any. */
    private Optional<String> earlier(String project, String requestLabel) {
        String jql = "project = \"" + project + "\" AND labels = \"" + requestLabel + "\" AND created >= -1d ORDER BY "
                + "created ASC";
        List<IssueDto> found = site.search(jql, 1, null, List.of("summary")).issues();
        return found == null || found.isEmpty() ? Optional.empty() : Optional.of(found.get(0).key());
    }

    private String fingerprint(String requestId, Object... arguments) {
        return RequestFingerprint.of(identity.caller().subject(), requestId, arguments);
    }
}
