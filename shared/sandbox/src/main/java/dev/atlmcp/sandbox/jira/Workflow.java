package dev.atlmcp.sandbox.jira;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.atlmcp.adf.AdfToWiki;
import dev.atlmcp.adf.WikiToAdf;
import dev.atlmcp.sandbox.Flavour;
import dev.atlmcp.sandbox.SandboxUser;
import dev.atlmcp.sandbox.http.ApiException;
import dev.atlmcp.sandbox.http.Json;
import dev.atlmcp.sandbox.http.Response;

/**
 * The one workflow every sandbox project uses: To Do, In Progress, In Review, Done. Moving to Done needs a resolution
 * (its screen makes the field required); reopening clears it. Transitions take a comment and issue properties in the
 * same request, as Jira's do.
 */
final class Workflow {

    record Transition(String id, String name, List<String> from, String to, boolean needsResolution) {
    }

    static final List<Transition> TRANSITIONS = List.of(
            new Transition("11", "Start progress", List.of("To Do"), "In Progress", false),
            new Transition("21", "Send to review", List.of("In Progress"), "In Review", false),
            new Transition("31", "Done", List.of("To Do", "In Progress", "In Review"), "Done", true),
            new Transition("41", "Reopen", List.of("Done"), "To Do", false),
            new Transition("51", "Back to progress", List.of("In Review"), "In Progress", false),
            new Transition("61", "Stop progress", List.of("In Progress"), "To Do", false));

    static final List<String> RESOLUTIONS = List.of("Done", "Won't Do", "Duplicate", "Cannot Reproduce");

    private final Flavour flavour;

    Workflow(Flavour flavour) {
        this.flavour = flavour;
    }

    /** {@code GET .../transitions}: the transitions available from the issue's status; fields when expanded. */
    ObjectNode transitions(Issue issue, boolean withFields) {
        ObjectNode json = Json.object().put("expand", "transitions");
        ArrayNode list = json.putArray("transitions");
        for (Transition t : available(issue)) {
            ObjectNode transition = list.addObject().put("id", t.id()).put("name", t.name()).put("hasScreen", t
                    .needsResolution()).put("isGlobal", false).put("isInitial", false).put("isAvailable", true).put(
                            "isConditional", false);
            String[] category = JiraStore.statusCategory(t.to());
            ObjectNode to = transition.putObject("to").put("id", String.valueOf(JiraStore.STATUSES.indexOf(t.to())
                    + 1)).put("name", t.to());
            to.putObject("statusCategory").put("id", Integer.parseInt(category[0])).put("key", category[1]).put(
                    "name", category[3]);
            if (withFields) {
                ObjectNode fields = transition.putObject("fields");
                if (t.needsResolution()) {
                    ObjectNode resolution = fields.putObject("resolution").put("required", true).put("name",
                            "Resolution").put("key", "resolution").put("hasDefaultValue", false);
                    resolution.putObject("schema").put("type", "resolution").put("system", "resolution");
                    resolution.putArray("operations").add("set");
                    ArrayNode allowed = resolution.putArray("allowedValues");
                    for (int i = 0; i < RESOLUTIONS.size(); i++) {
                        allowed.addObject().put("id", String.valueOf(10000 + i)).put("name", RESOLUTIONS.get(i));
                    }
                }
            }
        }
        return json;
    }

    private static List<Transition> available(Issue issue) {
        return TRANSITIONS.stream().filter(t -> t.from().contains(issue.status)).toList();
    }

    /** {@code POST .../transitions}: checks the transition and its fields, then moves the issue. */
    void transition(Issue issue, JsonNode body, SandboxUser user, JiraStore store) {
        String id = body.path("transition").path("id").asText("");
        Transition t = available(issue).stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow(
                () -> ApiException.badRequest("Transition id '" + id + "' is not valid for this issue."));
        Map<String, String> errors = new LinkedHashMap<>();
        String resolution = null;
        JsonNode given = body.path("fields").path("resolution");
        if (t.needsResolution()) {
            resolution = RESOLUTIONS.stream().filter(r -> r.equals(given.path("name").asText()) || String.valueOf(
                    10000 + RESOLUTIONS.indexOf(r)).equals(given.path("id").asText())).findFirst().orElse(null);
            if (resolution == null) {
                errors.put("resolution", given.isMissingNode() ? "Resolution is required."
                        : "Specify a valid 'id' or 'name' for Resolution");
            }
        }
        body.path("fields").fieldNames().forEachRemaining(f -> {
            if (!f.equals("resolution") || !t.needsResolution()) {
                errors.put(f, "Field '" + f + "' cannot be set. It is not on the appropriate screen, or unknown.");
            }
        });
        Issue.Comment comment = null;
        JsonNode added = body.path("update").path("comment").path(0).path("add").path("body");
        if (!added.isMissingNode()) {
            comment = flavour == Flavour.CLOUD ? new Issue.Comment(store.nextCommentId(), user, added, AdfToWiki
                    .render(added), Instant.now()) : new Issue.Comment(store.nextCommentId(), user,
                            WikiToAdf.convert(
                                    added.asText()),
                            added.asText(), Instant.now());
        }
        if (!errors.isEmpty()) {
            throw new ApiException(Response.json(400, ApiException.errorCollection(List.of(), errors)));
        }
        synchronized (store) {
            Map<String, String> before = issue.snapshot();
            issue.status = t.to();
            issue.resolution = t.to().equals("Done") ? resolution : null;
            if (comment != null) {
                issue.comments.add(comment);
            }
            body.path("properties").forEach(p -> issue.properties.put(p.path("key").asText(), p.get("value")));
            issue.updated = Instant.now();
            issue.recordChanges(before, user, store.nextCommentId(), issue.updated);
        }
    }
}
