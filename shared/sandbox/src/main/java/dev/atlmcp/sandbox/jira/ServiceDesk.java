package dev.atlmcp.sandbox.jira;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.atlmcp.sandbox.Flavour;
import dev.atlmcp.sandbox.SandboxUser;
import dev.atlmcp.sandbox.http.ApiException;
import dev.atlmcp.sandbox.http.Json;
import dev.atlmcp.sandbox.http.Request;
import dev.atlmcp.sandbox.http.Response;
import dev.atlmcp.sandbox.http.Router;

/**
 * Jira Service Management's REST API ({@code /rest/servicedeskapi}, the same on Cloud and Data Center) for the HELP
 * service desk: request types with their fields, customer requests with status, SLAs and participants, queues, and
 * comments that are public replies or internal notes. Agents are the project's workers; customers may browse it. No
 * published description is vendored; the shapes follow Atlassian's reference pages [UNVERIFIED against a live site].
 */
final class ServiceDesk {

    static final String DESK_ID = "1";
    static final String PROJECT_ID = "10004";
    static final String PROJECT_KEY = "HELP";
    private static final String API = "/rest/servicedeskapi";

    private record Field(String fieldId, String name, String description, boolean required, String type,
            Map<String, String> values) {
    }

    private record RequestType(String id, String name, String description, String issueType, List<Field> fields) {
    }

    private record Queue(String id, String name, String jql) {
    }

    private static final Field SUMMARY = new Field("summary", "Summary", "What you need, in a sentence", true,
            "string", Map.of());
    private static final Field DESCRIPTION = new Field("description", "Description", "The details", false, "string",
            Map.of());
    private static final List<RequestType> TYPES = List.of(
            new RequestType("10", "Get IT help", "Ask a question or report something that does not work", "IT Help",
                    List.of(SUMMARY, DESCRIPTION)),
            new RequestType("11", "Request new software", "A licence or an installation", "Service Request", List.of(
                    SUMMARY, DESCRIPTION, new Field("customfield_10070", "Software", "Which product", true, "option",
                            Map.of("10100", "Figma", "10101", "IntelliJ IDEA", "10102", "Slack")))),
            new RequestType("12", "Report a system outage", "Something many people depend on is down", "Incident",
                    List.of(SUMMARY, DESCRIPTION, new Field("priority", "Impact", "How many people it stops", true,
                            "priority", Map.of("1", "Highest", "2", "High", "3", "Medium")))));
    private static final List<Queue> QUEUES = List.of(new Queue("1", "All open", "project = HELP AND status != Done "
            + "ORDER BY created DESC"), new Queue("2", "Unassigned",
                    "project = HELP AND assignee is EMPTY AND status "
                            + "!= Done ORDER BY created DESC"),
            new Queue("3", "Escalated to payments", "project in (HELP, "
                    + "PAY) AND priority in (High, Highest) AND status != Done ORDER BY created DESC"));
    private static final Duration FIRST_RESPONSE = Duration.ofHours(4);
    private static final Duration RESOLUTION = Duration.ofHours(24);

    private final Flavour flavour;
    private final Supplier<JiraStore> store;
    private final IssueJson json;

    ServiceDesk(Flavour flavour, Supplier<JiraStore> store, IssueJson json) {
        this.flavour = flavour;
        this.store = store;
        this.json = json;
    }

    void register(Router router) {
        router.get(API + "/servicedesk", r -> page(r, project(r).map(p -> List.<JsonNode> of(desk())).orElse(
                List.of())));
        router.get(API + "/servicedesk/{id}/requesttype", r -> {
            desk(r);
            return page(r, TYPES.stream().<JsonNode> map(this::requestType).toList());
        });
        router.get(API + "/servicedesk/{id}/requesttype/{typeId}/field", r -> {
            desk(r);
            RequestType type = type(r.pathParam("typeId")).orElseThrow(() -> error(404, "The request type does not "
                    + "exist."));
            ObjectNode fields = Json.object().put("canRaiseOnBehalfOf", true).put("canAddRequestParticipants", true);
            ArrayNode list = fields.putArray("requestTypeFields");
            type.fields().forEach(f -> field(list.addObject(), f));
            return Response.ok(fields);
        });
        router.get(API + "/servicedesk/{id}/queue", r -> {
            agent(r, desk(r));
            return page(r, QUEUES.stream().<JsonNode> map(q -> queue(r, q)).toList());
        });
        router.get(API + "/servicedesk/{id}/queue/{queueId}/issue", r -> {
            agent(r, desk(r));
            Queue queue = QUEUES.stream().filter(q -> q.id().equals(r.pathParam("queueId"))).findFirst().orElseThrow(
                    () -> error(404, "The queue does not exist."));
            return page(r, inQueue(queue).stream().<JsonNode> map(i -> {
                ObjectNode issue = Json.object().put("id", i.id).put("key", i.key);
                ObjectNode fields = issue.putObject("fields").put("summary", i.summary).put("created", IssueJson.time(
                        i.created));
                fields.putObject("status").put("name", i.status);
                fields.putObject("issuetype").put("name", i.type);
                fields.set("reporter", json.user(i.reporter));
                fields.set("assignee", json.user(i.assignee));
                return issue;
            }).toList());
        });
        router.post(API + "/request", this::create);
        router.get(API + "/request/{key}", r -> Response.ok(request(r, visibleRequest(r))));
        router.get(API + "/request/{key}/comment", this::comments);
        router.post(API + "/request/{key}/comment", this::addComment);
    }

    private Optional<Project> project(Request r) {
        return store.get().project(PROJECT_KEY).filter(p -> p.visibleTo(user(r)));
    }

    private Project desk(Request r) {
        String id = r.pathParam("id");
        return project(r).filter(p -> id.equals(DESK_ID) || id.equals(PROJECT_KEY)).orElseThrow(() -> error(404,
                "The service desk does not exist or you do not have permission to access it."));
    }

    private static void agent(Request r, Project project) {
        if (!project.workers().contains(user(r))) {
            throw error(403, "Only agents of this service desk may do this.");
        }
    }

    private ObjectNode desk() {
        ObjectNode desk = Json.object().put("id", DESK_ID).put("projectId", PROJECT_ID).put("projectName",
                "IT Help Desk").put("projectKey", PROJECT_KEY);
        desk.putObject("_links").put("self", API + "/servicedesk/" + DESK_ID);
        return desk;
    }

    private static Optional<RequestType> type(String id) {
        return TYPES.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    private ObjectNode requestType(RequestType t) {
        ObjectNode json = Json.object().put("id", t.id()).put("name", t.name()).put("description", t.description())
                .put("helpText", "").put("issueTypeId", String.valueOf(10100 + TYPES.indexOf(t))).put("serviceDeskId",
                        DESK_ID);
        json.putArray("groupIds");
        return json;
    }

    private static void field(ObjectNode json, Field f) {
        json.put("fieldId", f.fieldId()).put("name", f.name()).put("description", f.description()).put("required", f
                .required()).put("visible", true);
        ArrayNode values = json.putArray("validValues");
        f.values().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(v -> values.addObject().put(
                "value", v.getKey()).put("label", v.getValue()).putArray("children"));
        ObjectNode schema = json.putObject("jiraSchema").put("type", f.type());
        if (f.fieldId().startsWith("customfield_")) {
            schema.put("custom", "com.atlassian.jira.plugin.system.customfieldtypes:select");
        } else {
            schema.put("system", f.fieldId());
        }
    }

    private List<Issue> inQueue(Queue queue) {
        return store.get().visibleIssues(dev.atlmcp.sandbox.Directory.BOT).stream().filter(i -> !i.status.equals(
                "Done") && switch (queue.id()) {
                case "1" -> i.project.key().equals(PROJECT_KEY);
                case "2" -> i.project.key().equals(PROJECT_KEY) && i.assignee == null;
                default -> (i.project.key().equals(PROJECT_KEY) || i.project.key().equals("PAY")) && List.of("High",
                        "Highest").contains(i.priority);
                }).sorted((a, b) -> b.created.compareTo(a.created)).toList();
    }

    private ObjectNode queue(Request r, Queue q) {
        ObjectNode json = Json.object().put("id", q.id()).put("name", q.name()).put("jql", q.jql());
        json.putArray("fields").add("issuetype").add("issuekey").add("summary").add("status").add("created");
        if (r.param("includeCount").map(Boolean::parseBoolean).orElse(false)) {
            json.put("issueCount", inQueue(q).size());
        }
        return json;
    }

    private Issue visibleRequest(Request r) {
        Issue issue = store.get().visibleIssue(r.pathParam("key"), user(r)).filter(i -> store.get().requests
                .containsKey(i.key)).orElseThrow(() -> error(404,
                        "The request does not exist or you do not have "
                                + "permission to see it."));
        if (!issue.project.workers().contains(user(r)) && !issue.reporter.equals(user(r))
                && !store.get().requests.get(issue.key).participants().contains(user(r))) {
            throw error(404, "The request does not exist or you do not have permission to see it.");
        }
        return issue;
    }

    /** {@code {serviceDeskId, requestTypeId, requestFieldValues}}: a request raised by the caller. */
    private Response create(Request r) {
        JsonNode body = r.json();
        if (!DESK_ID.equals(body.path("serviceDeskId").asText())) {
            throw error(404, "The service desk does not exist or you do not have permission to access it.");
        }
        Project project = project(r).orElseThrow(() -> error(404, "The service desk does not exist or you do not "
                + "have permission to access it."));
        RequestType type = type(body.path("requestTypeId").asText()).orElseThrow(() -> error(400, "The request "
                + "type does not exist."));
        JsonNode values = body.path("requestFieldValues");
        List<String> errors = new ArrayList<>();
        for (Field f : type.fields()) {
            JsonNode value = values.path(f.fieldId());
            if (f.required() && (value.isMissingNode() || value.isNull() || value.asText().isBlank() && !value
                    .isObject())) {
                errors.add(f.name() + " is required.");
            } else if (!f.values().isEmpty() && !value.isMissingNode() && !f.values().containsKey(value.path("id")
                    .asText())) {
                errors.add("Specify a valid value for " + f.name() + ".");
            }
        }
        values.fieldNames().forEachRemaining(name -> {
            if (type.fields().stream().noneMatch(f -> f.fieldId().equals(name))) {
                errors.add("Field '" + name + "' is not on this request type.");
            }
        });
        if (!errors.isEmpty()) {
            throw error(400, String.join(" ", errors));
        }
        Issue issue;
        synchronized (store.get()) {
            issue = store.get().newIssue(project);
            issue.type = type.issueType();
            issue.summary = values.path("summary").asText();
            issue.status = "To Do";
            issue.priority = values.has("priority") ? type.fields().get(2).values().get(values.path("priority").path(
                    "id").asText()) : "Medium";
            issue.reporter = user(r);
            issue.created = Instant.now();
            issue.updated = issue.created;
            String text = values.path("description").asText("");
            issue.descriptionAdf = JiraSeed.paragraphDoc(text);
            issue.descriptionWiki = text;
            if (values.has("customfield_10070")) {
                issue.customFields.put("customfield_10070", values.path("customfield_10070"));
            }
            store.get().requests.put(issue.key, new JiraStore.ServiceRequest(type.id(), List.of()));
        }
        return Response.json(201, request(r, issue));
    }

    private ObjectNode request(Request r, Issue issue) {
        JiraStore.ServiceRequest meta = store.get().requests.get(issue.key);
        RequestType type = type(meta.requestTypeId()).orElseThrow();
        ObjectNode json = Json.object().put("issueId", issue.id).put("issueKey", issue.key).put("requestTypeId", type
                .id()).put("serviceDeskId", DESK_ID);
        json.set("createdDate", date(issue.created));
        json.set("reporter", customer(issue.reporter));
        ArrayNode values = json.putArray("requestFieldValues");
        values.addObject().put("fieldId", "summary").put("label", "Summary").put("value", issue.summary);
        values.addObject().put("fieldId", "description").put("label", "Description").put("value",
                issue.descriptionWiki == null ? "" : issue.descriptionWiki);
        JsonNode software = issue.customFields.get("customfield_10070");
        if (software != null) {
            ObjectNode value = values.addObject().put("fieldId", "customfield_10070").put("label", "Software");
            value.putObject("value").put("id", software.path("id").asText()).put("value", type.fields().get(2)
                    .values().get(software.path("id").asText()));
        }
        ObjectNode status = json.putObject("currentStatus").put("status", issue.status).put("statusCategory",
                issue.status.equals("Done") ? "DONE" : issue.status.equals("To Do") ? "NEW" : "INDETERMINATE");
        status.set("statusDate", date(issue.updated));
        String expand = r.param("expand").orElse("");
        if (expand.contains("participant")) {
            ArrayNode participants = json.putObject("participants").put("size", meta.participants().size()).put(
                    "start", 0).put("limit", 50).put("isLastPage", true).putArray("values");
            meta.participants().forEach(p -> participants.add(customer(p)));
        }
        if (expand.contains("sla")) {
            ArrayNode slas = json.putObject("sla").put("size", 2).put("start", 0).put("limit", 50).put("isLastPage",
                    true).putArray("values");
            Optional<Instant> replied = issue.comments.stream().filter(c -> !c.internal() && issue.project.workers()
                    .contains(c.author())).map(Issue.Comment::created).findFirst();
            slas.add(sla("1", "Time to first response", issue.created, replied.orElse(null), FIRST_RESPONSE));
            slas.add(sla("2", "Time to resolution", issue.created, issue.status.equals("Done") ? issue.updated : null,
                    RESOLUTION));
        }
        if (expand.contains("requestType")) {
            json.set("requestType", requestType(type));
        }
        json.putObject("_links").put("web", "/servicedesk/customer/portal/1/" + issue.key).put("self", API
                + "/request/" + issue.id);
        return json;
    }

    private ObjectNode sla(String id, String name, Instant start, Instant stop, Duration goal) {
        ObjectNode json = Json.object().put("id", id).put("name", name);
        Instant breach = start.plus(goal);
        Instant until = stop == null ? Instant.now() : stop;
        ObjectNode cycle = Json.object();
        cycle.set("startTime", date(start));
        cycle.put("breached", until.isAfter(breach)).put("paused", false).put("withinCalendarHours", true);
        cycle.set("goalDuration", duration(goal));
        cycle.set("elapsedTime", duration(Duration.between(start, until)));
        cycle.set("remainingTime", duration(Duration.between(until, breach)));
        if (stop == null) {
            cycle.set("breachTime", date(breach));
            json.set("ongoingCycle", cycle);
            json.putArray("completedCycles");
        } else {
            cycle.set("stopTime", date(stop));
            json.putArray("completedCycles").add(cycle);
        }
        json.putObject("_links").put("self", API + "/request/" + id + "/sla/" + id);
        return json;
    }

    private static ObjectNode duration(Duration d) {
        long minutes = d.toMinutes();
        String friendly = (minutes < 0 ? "-" : "") + Math.abs(minutes) / 60 + "h " + Math.abs(minutes) % 60 + "m";
        return Json.object().put("millis", d.toMillis()).put("friendly", friendly);
    }

    private static ObjectNode date(Instant at) {
        return Json.object().put("iso8601", IssueJson.time(at)).put("jira", IssueJson.time(at)).put("friendly", at
                .toString()).put("epochMillis", at.toEpochMilli());
    }

    private ObjectNode customer(SandboxUser u) {
        ObjectNode json = Json.object().put("displayName", u.displayName()).put("emailAddress", u.email()).put(
                "active", true).put("timeZone", u.timeZone());
        if (flavour == Flavour.CLOUD) {
            json.put("accountId", u.accountId());
        } else {
            json.put("name", u.username()).put("key", u.key());
        }
        return json;
    }

    /** {@code public} and {@code internal} choose which; customers never see internal notes. */
    private Response comments(Request r) {
        Issue issue = visibleRequest(r);
        boolean agent = issue.project.workers().contains(user(r));
        boolean pub = r.param("public").map(Boolean::parseBoolean).orElse(true);
        boolean internal = agent && r.param("internal").map(Boolean::parseBoolean).orElse(true);
        List<JsonNode> shown = issue.comments.stream().filter(c -> c.role() == null && (c.internal() ? internal
                : pub)).<JsonNode> map(c -> comment(c)).toList();
        return page(r, shown);
    }

    private ObjectNode comment(Issue.Comment c) {
        ObjectNode json = Json.object().put("id", c.id()).put("body", c.bodyWiki()).put("public", !c.internal());
        json.set("author", customer(c.author()));
        json.set("created", date(c.created()));
        json.putObject("_links").put("self", API + "/request/comment/" + c.id());
        return json;
    }

    /** {@code {body, public}}: only agents add internal notes. */
    private Response addComment(Request r) {
        Issue issue = visibleRequest(r);
        JsonNode body = r.json();
        String text = body.path("body").asText("");
        if (text.isBlank()) {
            throw error(400, "The comment must have a body.");
        }
        boolean pub = body.path("public").asBoolean(true);
        if (!pub && !issue.project.workers().contains(user(r))) {
            throw error(403, "Only agents may add internal comments.");
        }
        Instant now = Instant.now();
        Issue.Comment comment = new Issue.Comment(store.get().nextCommentId(), user(r), JiraSeed.paragraphDoc(text),
                text, now, now, null, !pub);
        synchronized (store.get()) {
            issue.comments.add(comment);
            issue.updated = now;
        }
        return Response.json(201, comment(comment));
    }

    private static Response page(Request r, List<JsonNode> all) {
        int start = Math.max(0, r.intParam("start", 0));
        int limit = Math.max(1, Math.min(100, r.intParam("limit", 50)));
        ObjectNode json = Json.object();
        ArrayNode values = json.putArray("values");
        all.stream().skip(start).limit(limit).forEach(values::add);
        json.put("size", values.size()).put("start", start).put("limit", limit).put("isLastPage", start + values
                .size() >= all.size());
        json.putObject("_links");
        return Response.ok(json);
    }

    private static SandboxUser user(Request r) {
        return (SandboxUser) r.principal();
    }

    /** Jira Service Management's error body. */
    private static ApiException error(int status, String message) {
        return new ApiException(Response.json(status, Json.object().put("errorMessage", message).put("i18nErrorMessage",
                message)));
    }
}
