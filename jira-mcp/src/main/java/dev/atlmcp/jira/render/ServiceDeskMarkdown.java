package dev.atlmcp.jira.render;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.atlmcp.adf.Listing;
import dev.atlmcp.adf.OneLine;
import dev.atlmcp.jira.service.CustomerRequests;
import dev.atlmcp.jira.service.ServiceDesks;
import dev.atlmcp.platform.content.ContentPolicy;
import dev.atlmcp.platform.content.UntrustedText;

/**
 * Service desks, request types, queues and customer requests as Markdown; what customers and agents wrote is fenced as
 * data, and public replies are told apart from internal notes.
 */
public final class ServiceDeskMarkdown {

    private ServiceDeskMarkdown() {
    }

    public static String desks(List<ServiceDesks.Desk> desks) {
        if (desks.isEmpty()) {
            return "No service desks are visible to this account within this server's policy.";
        }
        return desks.size() + (desks.size() == 1 ? " service desk" : " service desks") + ":\n\n" + Listing.table(List
                .of("Project", "Name", "Id"),
                desks.stream().map(d -> List.of(d.projectKey(), d.name(), d.id()))
                        .toList());
    }

    public static String types(ServiceDesks.Types types, ContentPolicy policy) {
        UntrustedText content = policy.newAnswer();
        List<List<String>> rows = types.types().stream().map(t -> List.of(t.path("name").asText(), t.path("id")
                .asText(), t.path("description").asText(""))).toList();
        return content.finish("Request types of " + types.desk().projectKey() + " (see one's fields with "
                + "request_type):\n\n" + content.block(types.desk().projectKey() + " request types", Listing.table(List
                        .of("Request type", "Id", "Description"), rows)));
    }

    public static String fields(ServiceDesks.Fields fields, ContentPolicy policy) {
        UntrustedText content = policy.newAnswer();
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode f : fields.fields()) {
            List<String> values = new ArrayList<>();
            f.path("validValues").forEach(v -> values.add(v.path("label").asText()));
            rows.add(List.of(f.path("name").asText(), f.path("fieldId").asText(), f.path("required").asBoolean() ? "yes"
                    : "", String.join(", ", values), f.path("description").asText("")));
        }
        return content.finish("Fields of " + OneLine.of(fields.type().path("name").asText()) + " (" + fields.type()
                .path("id")
                .asText() + ") in " + fields.desk().projectKey() + "; give the others than summary and description in "
                + "fields of jira_create_request:\n\n" + content.block(fields.desk().projectKey() + " request fields",
                        Listing.table(List.of("Field", "Id", "Required", "Values", "Description"), rows)));
    }

    public static String queues(ServiceDesks.Queues queues) {
        return "Queues of " + queues.desk().projectKey() + " (open one with queue):\n\n" + Listing.table(List.of(
                "Queue", "Id", "Issues"),
                queues.queues().stream().map(q -> List.of(q.path("name").asText(), q.path(
                        "id").asText(), q.path("issueCount").asText(""))).toList());
    }

    public static String queueIssues(ServiceDesks.QueueIssues page, ContentPolicy policy) {
        UntrustedText content = policy.newAnswer();
        String summary = Listing.summary(page.issues().size(), null, "issue", "issues", page.nextCursor());
        String hidden = page.hidden() == 0 ? "" : " " + page.hidden() + " of another project, outside the allowed "
                + "projects, left out.";
        if (page.issues().isEmpty()) {
            return "Queue " + OneLine.of(page.queue().path("name").asText()) + " of " + page.desk().projectKey() + ": "
                    + summary + hidden;
        }
        List<List<String>> rows = page.issues().stream().map(i -> {
            JsonNode f = i.path("fields");
            return List.of(i.path("key").asText(), f.path("summary").asText(), f.path("status").path("name").asText(),
                    f.path("reporter").path("displayName").asText(""), f.path("assignee").path("displayName").asText(
                            ""),
                    IssueMarkdown.time(f.path("created").asText(null)));
        }).toList();
        return content.finish("Queue " + OneLine.of(page.queue().path("name").asText()) + " of " + page.desk()
                .projectKey() + ": "
                + summary + hidden + "\n\n" + content.block("queue " + page.queue().path("name").asText(), Listing
                        .table(List.of("Key", "Summary", "Status", "Reporter", "Assignee", "Created"), rows)));
    }

    public static String request(CustomerRequests.Shown shown, ContentPolicy policy) {
        UntrustedText content = policy.newAnswer();
        JsonNode r = shown.request();
        String key = shown.issue().key();
        // Customers write the summary, their display names and field values: each stays one line of plain text.
        StringBuilder md = new StringBuilder("# ").append(key).append(' ').append(OneLine.of(value(r, "summary")))
                .append('\n');
        md.append(OneLine.of("Request type: " + r.path("requestType").path("name").asText(r.path("requestTypeId")
                .asText()) + " · status " + r.path("currentStatus").path("status").asText() + " (since "
                + IssueMarkdown.time(r.path("currentStatus").path("statusDate").path("iso8601").asText(null))
                + ") · raised by " + r.path("reporter").path("displayName").asText() + " on " + IssueMarkdown.time(r
                        .path("createdDate").path("iso8601").asText(null))))
                .append('\n');
        List<String> participants = new ArrayList<>();
        r.path("participants").path("values").forEach(p -> participants.add(p.path("displayName").asText()));
        if (!participants.isEmpty()) {
            md.append("Participants: ").append(OneLine.of(String.join(", ", participants))).append('\n');
        }
        for (JsonNode f : r.path("requestFieldValues")) {
            String id = f.path("fieldId").asText();
            if (!id.equals("summary") && !id.equals("description")) {
                JsonNode v = f.path("value");
                md.append(OneLine.of(f.path("label").asText(id))).append(": ").append(OneLine.of(v.isObject() ? v
                        .path("value").asText(v.path("name").asText()) : v.asText())).append('\n');
            }
        }
        List<List<String>> slas = new ArrayList<>();
        r.path("sla").path("values").forEach(s -> slas.add(sla(s)));
        if (!slas.isEmpty()) {
            md.append("\nSLAs:\n").append(Listing.table(List.of("SLA", "State", "Goal", "Elapsed", "Remaining",
                    "Breach at"), slas)).append('\n');
        }
        String description = value(r, "description");
        if (!description.isBlank()) {
            md.append('\n').append(content.block(key + " description", description)).append('\n');
        }
        md.append('\n').append(shown.comments().isEmpty() ? "No comments." : comments(key, shown.comments(),
                content));
        if (shown.internalLeftOut()) {
            md.append("\nInternal notes are not shown (MCP_REDACTION_SHOW_RESTRICTED_COMMENTS is off).");
        }
        return content.finish(md.toString());
    }

    private static String comments(String key, List<JsonNode> comments, UntrustedText content) {
        StringBuilder text = new StringBuilder();
        for (JsonNode c : comments) {
            text.append("- ").append(IssueMarkdown.time(c.path("created").path("iso8601").asText(null))).append(' ')
                    .append(c.path("author").path("displayName").asText()).append(c.path("public").asBoolean(false)
                            ? " (public reply): " : " (internal note): ")
                    .append(c.path("body").asText().strip()
                            .replace("\n", "\n  "))
                    .append('\n');
        }
        return comments.size() + (comments.size() == 1 ? " comment" : " comments") + ", oldest first:\n"
                + content.block(key + " comments", text.toString().stripTrailing());
    }

    private static List<String> sla(JsonNode s) {
        JsonNode ongoing = s.path("ongoingCycle");
        JsonNode cycle = ongoing.isMissingNode() ? s.path("completedCycles").path(s.path("completedCycles").size() - 1)
                : ongoing;
        boolean breached = cycle.path("breached").asBoolean(false);
        String state = ongoing.isMissingNode() ? breached ? "missed" : "met"
                : breached ? "breached" : cycle.path("paused").asBoolean(false) ? "paused" : "running";
        return List.of(s.path("name").asText(), state, cycle.path("goalDuration").path("friendly").asText(""), cycle
                .path("elapsedTime").path("friendly").asText(""),
                cycle.path("remainingTime").path("friendly").asText(
                        ""),
                ongoing.isMissingNode() ? "" : IssueMarkdown.time(cycle.path("breachTime").path(
                        "iso8601").asText(null)));
    }

    private static String value(JsonNode request, String fieldId) {
        for (JsonNode f : request.path("requestFieldValues")) {
            if (f.path("fieldId").asText().equals(fieldId)) {
                return f.path("value").asText("");
            }
        }
        return "";
    }

    public static String raised(CustomerRequests.Raised raised) {
        return "Raised " + raised.key() + ": " + OneLine.of(raised.what().replaceFirst("^raise ", "")) + "." + (raised
                .url() == null
                        ? "" : "\nPortal: " + raised.url())
                + "\nChange id: " + raised.changeId() + " (this server never "
                + "deletes issues: resolve it with a transition if it was raised by mistake)." + notes(raised
                        .notes());
    }

    public static String commented(CustomerRequests.Commented commented) {
        return (commented.external() ? "Sent a public reply " : "Added an internal note ") + commented.commentId()
                + " on " + commented.key() + "." + (commented.external() ? " The customer and participants were sent "
                        + "it." : " Only agents see it.")
                + "\nChange id: " + commented.changeId() + " (jira_undo_change "
                + "deletes it" + (commented.external() ? "; the email already sent stays sent" : "")
                + ")." + notes(commented.notes());
    }

    private static String notes(List<String> notes) {
        return notes.isEmpty() ? "" : "\n" + String.join("\n", notes);
    }
}
