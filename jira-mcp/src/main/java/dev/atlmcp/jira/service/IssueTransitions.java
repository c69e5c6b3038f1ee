package dev.atlmcp.jira.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.atlmcp.platform.args.Arguments;
import dev.atlmcp.platform.changes.AgentChange;
import dev.atlmcp.platform.errors.ToolRefusal;
import dev.atlmcp.platform.writes.WriteGate;
import dev.atlmcp.platform.writes.WritePipeline;
import dev.atlmcp.jira.client.IssueDto;
import dev.atlmcp.jira.client.JiraSite;

/**
 * Workflow transitions: which are open from an issue's status (with their screens' fields), and moving an issue by
 * transition id, transition name or target status, with the screen's fields and a comment in the same request. The
 * change record goes with the transition; an undo takes a transition back to the previous status.
 */
@ApplicationScoped
public class IssueTransitions {

    private static final int MAX_COMMENT = 30_000;

    /** One open transition: its id, name, target status and the fields its screen asks for. */
    public record Transition(String id, String name, String to, List<String> fields) {
    }

    /** The transitions open from an issue's current status. */
    public record Open(String issueKey, String status, List<Transition> transitions) {
    }

    /** An issue just moved, its change id, and notes on what went wrong around it. */
    public record Moved(String issueKey, String from, String to, String changeId, List<String> notes) {
    }

    private final JiraService jira;
    private final JiraSite site;
    private final WritePipeline pipeline;
    private final IssueWrites writes;
    private final JiraUsers users;
    private final ObjectMapper json;

    IssueTransitions(JiraService jira, JiraSite site, WritePipeline pipeline,
            IssueWrites writes, JiraUsers users, ObjectMapper json) {
        this.jira = jira;
        this.site = site;
        this.pipeline = pipeline;
        this.writes = writes;
        this.users = users;
        this.json = json;
    }

    public Open open(String key) {
        IssueDto issue = jira.readable(JiraService.issueKey(key), "status", null);
        JsonNode transitions = site.transitions(issue.key(), "transitions.fields").path(
                "transitions");
        List<Transition> open = new ArrayList<>();
        transitions.forEach(t -> open.add(transition(t)));
        return new Open(issue.key(), issue.fields().status.name(), open);
    }

    private static Transition transition(JsonNode t) {
        List<String> fields = new ArrayList<>();
        t.path("fields").fields().forEachRemaining(f -> {
            JsonNode field = f.getValue();
            List<String> allowed = new ArrayList<>();
            field.path("allowedValues").forEach(v -> allowed.add(v.path("name").asText(v.path("value").asText())));
            fields.add(field.path("name").asText(f.getKey()) + (field.path("required").asBoolean() ? " (required"
                    : " (optional") + (allowed.isEmpty() ? "" : "; one of " + String.join(", ", allowed)) + ")");
        });
        return new Transition(t.path("id").asText(), t.path("name").asText(), t.path("to").path("name").asText(),
                fields);
    }

    /**
     * Moves an issue the caller may write to.
     *
     * @param wanted
     *            a transition id, a transition name or the name of the target status
     */
    public Moved move(String key, String wanted, Map<String, Object> fields, String comment, boolean dryRun,
            String confirmationToken) {
        String target = Arguments.text("transition", wanted, 200, "Done");
        IssueDto issue = writes.writable(key, "project,status,updated");
        IssueDto.Fields current = issue.fields();
        JsonNode transition = choose(issue.key(), current.status.name(),
                site.transitions(issue.key(), "transitions.fields").path("transitions"), target);
        String to = transition.path("to").path("name").asText();
        String what = "move " + issue.key() + " from " + current.status.name() + " to " + to;
        ObjectNode request = JsonNodeFactory.instance.objectNode();
        request.putObject("transition").put("id", transition.path("id").asText());
        ObjectNode screen = IssueEdit.screen("Moving " + issue.key() + " to " + to, issue.key(), transition.path(
                "fields"), fields == null ? null : json.valueToTree(fields), site, users);
        if (!screen.isEmpty()) {
            request.set("fields", screen);
            jira.requireAllowedReferences(request);
        }
        if (comment != null && !comment.isBlank()) {
            request.putObject("update").putArray("comment").addObject().putObject("add").set("body", site
                    .richText(Arguments.text("comment", comment, MAX_COMMENT, "Fixed in 4.12.1.")));
        }
        String path = site.api() + "/issue/" + issue.key() + "/transitions";
        pipeline.approve(
                new WriteGate.Write("jira_transition_issue", what, "POST", path, request, () -> current.updated),
                dryRun, confirmationToken);
        AgentChange change = pipeline.start("jira_transition_issue", "issue-transitioned", issue.key(), what,
                JsonNodeFactory.instance.objectNode().put("status", current.status.name()), JsonNodeFactory.instance
                        .objectNode().put("status", to));
        ObjectNode sent = request.deepCopy();
        sent.putArray("properties").add(writes.property(change));
        pipeline.sendApproved(what, "read " + issue.key() + " with jira_get_issue and look at its status", () -> {
            site.transition(issue.key(), sent);
            return null;
        });
        return new Moved(issue.key(), current.status.name(), to, change.id(), pipeline.recorded(change).stream()
                .toList());
    }

    /** The transition named by id, by name or by target status; otherwise an error listing the open ones. */
    private static JsonNode choose(String key, String status, JsonNode transitions, String wanted) {
        String w = wanted.trim().toLowerCase(Locale.ROOT);
        for (String by : List.of("id", "name", "to")) {
            List<JsonNode> matches = new ArrayList<>();
            transitions.forEach(t -> {
                String value = by.equals("to") ? t.path("to").path("name").asText() : t.path(by).asText();
                if (value.toLowerCase(Locale.ROOT).equals(w)) {
                    matches.add(t);
                }
            });
            if (matches.size() == 1) {
                return matches.get(0);
            }
            if (matches.size() > 1) {
                throw new IllegalArgumentException("Several transitions of " + key + " lead to " + wanted + ": "
                        + describe(matches) + ". Give the transition id.");
            }
        }
        List<JsonNode> all = new ArrayList<>();
        transitions.forEach(all::add);
        if (all.isEmpty()) {
            throw new ToolRefusal("No transition is open from " + status + " on " + key + " for this account: it "
                    + "lacks the Transition Issues permission there, or the workflow has no way on from " + status
                    + ". jira_whoami shows which account the calls use.");
        }
        throw new IllegalArgumentException("'" + wanted + "' is not a transition open from " + status + " on " + key
                + ". Open: " + (all.isEmpty() ? "none" : describe(all)) + ".");
    }

    private static String describe(List<JsonNode> transitions) {
        return String.join("; ", transitions.stream().map(t -> t.path("name").asText() + " (id " + t.path("id")
                .asText() + ") to " + t.path("to").path("name").asText()).toList());
    }

    /**
     * Takes an issue back to the status it had before {@code change}; refused if it moved on since or no transition
     * leads back without a screen to fill in.
     */
    JiraUndo.Undone undo(AgentChange change, IssueDto issue, boolean dryRun, String confirmationToken) {
        String status = issue.fields().status.name();
        String to = change.after().path("status").asText();
        String back = change.before().path("status").asText();
        if (!status.equals(to)) {
            throw new ToolRefusal("Not undone: " + issue.key() + " is " + status + " now; your change " + change.id()
                    + " moved it to " + to + " and it moved again since. Nothing was changed.");
        }
        List<JsonNode> ways = new ArrayList<>();
        site.transitions(issue.key(), "transitions.fields").path("transitions").forEach(
                t -> {
                    if (t.path("to").path("name").asText().equals(back)) {
                        ways.add(t);
                    }
                });
        JsonNode way = ways.stream().filter(t -> !hasRequiredFields(t)).findFirst().orElseThrow(() -> new ToolRefusal(
                "Not undone: no transition leads " + issue.key() + " from " + status + " back to " + back
                        + (ways.isEmpty() ? "" : " without a screen to fill in") + " in its workflow. Nothing was "
                        + "changed; move it with jira_transition_issue if it should go back."));
        ObjectNode request = JsonNodeFactory.instance.objectNode();
        request.putObject("transition").put("id", way.path("id").asText());
        String what = "undo " + change.id() + " (move " + issue.key() + " back to " + back + ")";
        pipeline.approve(
                new WriteGate.Write("jira_undo_change", what, "POST",
                        site.api() + "/issue/" + issue.key() + "/transitions", request, () -> issue.fields().updated),
                dryRun,
                confirmationToken);
        AgentChange undone = pipeline.undone(change);
        request.putArray("properties").add(writes.property(undone));
        pipeline.sendApproved(what, "read " + issue.key() + " with jira_get_issue and look at its status", () -> {
            site.transition(issue.key(), request);
            return null;
        });
        return new JiraUndo.Undone(change.id(), what, pipeline.undoListed(undone).stream().toList());
    }

    private static boolean hasRequiredFields(JsonNode transition) {
        List<Boolean> required = new ArrayList<>();
        transition.path("fields").forEach(f -> required.add(f.path("required").asBoolean() && !f.path(
                "hasDefaultValue").asBoolean()));
        return required.contains(true);
    }
}
