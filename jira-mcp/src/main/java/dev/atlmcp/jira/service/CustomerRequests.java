package dev.atlmcp.jira.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.atlmcp.jira.client.IssueDto;
import dev.atlmcp.jira.client.JiraSite;
import dev.atlmcp.jira.client.ServiceDeskClient;
import dev.atlmcp.platform.args.Arguments;
import dev.atlmcp.platform.atlassian.AtlassianException;
import dev.atlmcp.platform.changes.AgentChange;
import dev.atlmcp.platform.content.ContentPolicy;
import dev.atlmcp.platform.content.SecretMasker;
import dev.atlmcp.platform.errors.ToolRefusal;
import dev.atlmcp.platform.writes.WriteGate;
import dev.atlmcp.platform.writes.WritePipeline;

/**
 * Customer requests of Jira Service Management: read with status, SLAs, participants and comments (internal notes only
 * where restricted comments may be shown); raised with the fields their request type asks for; and answered with a
 * public reply, which reaches the customer and so needs confirmation, or an internal note for agents.
 */
@ApplicationScoped
public class CustomerRequests {

    private static final int MAX_TEXT = 32_767;
    private static final int COMMENTS = 50;
    private static final String PATH = "/rest/servicedeskapi/request";

    /** A request with its comments; {@code internalLeftOut} when the policy keeps internal notes from the caller. */
    public record Shown(IssueDto issue, JsonNode request, List<JsonNode> comments, boolean internalLeftOut) {
    }

    public record Raised(String key, String what, String url, String changeId, List<String> notes) {
    }

    public record Commented(String key, String commentId, boolean external, String changeId, List<String> notes) {
    }

    private final ServiceDeskClient client;
    private final ServiceDesks desks;
    private final JiraService jira;
    private final JiraSite site;
    private final IssueWrites writes;
    private final WritePipeline pipeline;
    private final ContentPolicy content;

    CustomerRequests(@RestClient ServiceDeskClient client, ServiceDesks desks, JiraService jira, JiraSite site,
            IssueWrites writes, WritePipeline pipeline, ContentPolicy content) {
        this.client = client;
        this.desks = desks;
        this.jira = jira;
        this.site = site;
        this.writes = writes;
        this.pipeline = pipeline;
        this.content = content;
    }

    public Shown get(String issueKey) {
        IssueDto issue = jira.readable(JiraService.issueKey(issueKey), "summary,status", null);
        JsonNode request = request(issue.key());
        boolean internal = content.showRestrictedComments();
        List<JsonNode> comments = new ArrayList<>();
        client.comments(issue.key(), true, internal, 0, COMMENTS).path("values").forEach(c -> {
            if (internal || c.path("public").asBoolean(false)) {
                comments.add(c);
            }
        });
        return new Shown(issue, request, comments, !internal);
    }

    private JsonNode request(String key) {
        try {
            return client.request(key, "participant,sla,requestType");
        } catch (AtlassianException e) {
            if (e.status() == 404) {
                throw new ToolRefusal(key + " is not a service desk request this account can see. Read it with "
                        + "jira_get_issue.");
            }
            throw e;
        }
    }

    /**
     * @param fields
     *            the request type's other fields, by field id or name: text, or an option's label or value
     */
    public Raised raise(String serviceDesk, String requestType, String summary, String description,
            Map<String, Object> fields, boolean dryRun, String confirmationToken) {
        ServiceDesks.Fields type = desks.fields(serviceDesk, requestType);
        Map<String, Object> given = new LinkedHashMap<>(fields == null ? Map.of() : fields);
        given.put("summary", Arguments.text("summary", summary, 255, "VPN drops every 10 minutes"));
        if (description != null && !description.isBlank()) {
            String text = Arguments.text("description", description, MAX_TEXT, "Since Monday the VPN disconnects.");
            SecretMasker.refuseMaskedValues("description", text);
            given.put("description", text);
        }
        ObjectNode values = JsonNodeFactory.instance.objectNode();
        given.forEach((name, value) -> {
            JsonNode field = field(type, name);
            values.set(field.path("fieldId").asText(), value(field, value));
        });
        List<String> missing = type.fields().stream().filter(f -> f.path("required").asBoolean() && !values.has(f.path(
                "fieldId").asText())).map(CustomerRequests::describe).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("request type " + type.type().path("name").asText() + " also needs: "
                    + String.join("; ", missing) + " (give them in fields)");
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("serviceDeskId", type.desk().id()).put(
                "requestTypeId", type.type().path("id").asText());
        body.set("requestFieldValues", values);
        String what = "raise a '" + type.type().path("name").asText() + "' request in service desk " + type.desk()
                .projectKey() + ": " + values.path("summary").asText();
        pipeline.approve(new WriteGate.Write("jira_create_request", what, "POST", PATH, body, () -> ""), dryRun,
                confirmationToken);
        JsonNode created = pipeline.sendApproved(what, "search for it with jira_search (project = " + type.desk()
                .projectKey() + " AND reporter = currentUser() ORDER BY created DESC) before raising it again",
                () -> client.createRequest(body));
        String key = created.path("issueKey").asText();
        AgentChange change = pipeline.start("jira_create_request", "issue-created", key, what, null,
                JsonNodeFactory.instance.objectNode().put("requestTypeId", type.type().path("id").asText()));
        List<String> notes = new ArrayList<>();
        writes.keep(change, "The request was raised").ifPresent(notes::add);
        return new Raised(key, what, created.path("_links").path("web").asText(null), change.id(), notes);
    }

    private static JsonNode field(ServiceDesks.Fields type, String name) {
        String wanted = name == null ? "" : name.trim();
        return type.fields().stream().filter(f -> f.path("fieldId").asText().equals(wanted) || f.path("name").asText()
                .equalsIgnoreCase(wanted)).findFirst().orElseThrow(() -> new IllegalArgumentException("fields: "
                        + "request type " + type.type().path("name").asText() + " has no field '" + wanted + "'; its "
                        + "fields are " + String.join(", ", type.fields().stream().map(f -> f.path("name").asText()
                                + " (" + f.path("fieldId").asText() + ")").toList())));
    }

    /** Text as given; an option by its label or value, sent as {@code {"id": value}}. */
    private static JsonNode value(JsonNode field, Object value) {
        String text = value == null ? "" : String.valueOf(value).trim();
        if (field.path("validValues").isEmpty()) {
            return JsonNodeFactory.instance.textNode(text);
        }
        for (JsonNode v : field.path("validValues")) {
            if (v.path("value").asText().equals(text) || v.path("label").asText().equalsIgnoreCase(text)) {
                return JsonNodeFactory.instance.objectNode().put("id", v.path("value").asText());
            }
        }
        throw new IllegalArgumentException("fields: '" + text + "' is not a value of " + describe(field));
    }

    private static String describe(JsonNode field) {
        List<String> labels = new ArrayList<>();
        field.path("validValues").forEach(v -> labels.add(v.path("label").asText()));
        return field.path("name").asText() + (labels.isEmpty() ? "" : " (one of " + String.join(", ", labels) + ")");
    }

    /**
     * @param visibility
     *            {@code public}: a reply the customer and participants see and are sent; {@code internal}: a note only
     *            agents see
     */
    public Commented comment(String issueKey, String body, String visibility, boolean dryRun,
            String confirmationToken) {
        String kind = visibility == null ? "" : visibility.trim().toLowerCase(Locale.ROOT);
        if (!kind.equals("public") && !kind.equals("internal")) {
            throw new IllegalArgumentException("visibility must be public (a reply the customer sees and is sent) or "
                    + "internal (a note only agents see), got '" + visibility + "'");
        }
        boolean external = kind.equals("public");
        String text = Arguments.text("body", body, MAX_TEXT, "We have reset your VPN profile; please reconnect.");
        SecretMasker.refuseMaskedValues("body", text);
        IssueDto issue = writes.writable(issueKey, "project,updated");
        JsonNode request = request(issue.key());
        ObjectNode comment = JsonNodeFactory.instance.objectNode().put("body", text).put("public", external);
        String what = external ? "send a public reply on " + issue.key() + " that its customer "
                + request.path("reporter").path("displayName").asText("") + " and the participants see and are sent"
                : "add an internal note on " + issue.key() + " that only agents see";
        pipeline.approve(new WriteGate.Write("jira_add_request_comment", what, "POST", PATH + "/" + issue.key()
                + "/comment", comment, () -> issue.fields().updated, external), dryRun, confirmationToken);
        JsonNode created = pipeline.sendApproved(what, "read " + issue.key() + " with jira_get_request and look for "
                + "your comment among the latest ones", () -> client.addComment(issue.key(), comment));
        String id = created.path("id").asText();
        String updated = Optional.ofNullable(AtlassianException.unlessNotFound(() -> site.comment(issue.key(), id))
                .map(IssueDto.Comment::updated).orElse(null)).orElse("");
        AgentChange change = pipeline.start("jira_add_request_comment", "comment-added", issue.key(), (external
                ? "public reply " : "internal note ") + id + " on " + issue.key(), null, JsonNodeFactory.instance
                        .objectNode().put("commentId", id).put("updated", updated));
        List<String> notes = new ArrayList<>();
        writes.keep(change, "The comment was added").ifPresent(notes::add);
        return new Commented(issue.key(), id, external, change.id(), notes);
    }
}
