package dev.atlmcp.sandbox.jira;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.atlmcp.sandbox.Flavour;
import dev.atlmcp.sandbox.SandboxUser;
import dev.atlmcp.sandbox.http.Json;

/** Renders issues, users and fields the way Jira Cloud (v3) or Data Center (v2) does. */
final class IssueJson {

    static final DateTimeFormatter JIRA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
            .withZone(ZoneOffset.UTC);

    private static final List<String> SYSTEM_FIELDS = List.of("summary", "status", "issuetype", "priority", "project",
            "assignee", "reporter", "creator", "created", "updated", "labels", "components", "fixVersions",
            "resolution", "resolutiondate", "duedate", "environment", "description", "comment", "subtasks",
            "issuelinks", "parent", "watches", "votes", "statuscategorychangedate", "lastViewed", "timetracking",
            "security", "attachment", "worklog", "versions", "timeestimate", "timeoriginalestimate", "timespent",
            "aggregatetimespent", "aggregatetimeestimate", "aggregatetimeoriginalestimate", "aggregateprogress",
            "progress", "workratio", "issuerestriction", "customfield_10000", "customfield_10019");

    private static final Map<String, String> NAMES = Map.ofEntries(Map.entry("summary", "Summary"),
            Map.entry("status", "Status"), Map.entry("issuetype", "Issue Type"), Map.entry("priority", "Priority"),
            Map.entry("project", "Project"), Map.entry("assignee", "Assignee"), Map.entry("reporter", "Reporter"),
            Map.entry("creator", "Creator"), Map.entry("created", "Created"), Map.entry("updated", "Updated"),
            Map.entry("labels", "Labels"), Map.entry("components", "Components"),
            Map.entry("fixVersions", "Fix versions"), Map.entry("resolution", "Resolution"),
            Map.entry("resolutiondate", "Resolved"), Map.entry("duedate", "Due date"),
            Map.entry("environment", "Environment"), Map.entry("description", "Description"),
            Map.entry("comment", "Comment"), Map.entry("subtasks", "Sub-tasks"),
            Map.entry("issuelinks", "Linked Issues"), Map.entry("parent", "Parent"), Map.entry("watches", "Watchers"),
            Map.entry("votes", "Votes"), Map.entry("statuscategorychangedate", "Status Category Changed"),
            Map.entry("lastViewed", "Last Viewed"), Map.entry("timetracking", "Time tracking"),
            Map.entry("security", "Security Level"), Map.entry("attachment", "Attachment"),
            Map.entry("worklog", "Log Work"), Map.entry("versions", "Affects versions"),
            Map.entry("timeestimate", "Remaining Estimate"), Map.entry("timeoriginalestimate", "Original estimate"),
            Map.entry("timespent", "Time Spent"), Map.entry("aggregatetimespent", "Σ Time Spent"),
            Map.entry("aggregatetimeestimate", "Σ Remaining Estimate"),
            Map.entry("aggregatetimeoriginalestimate", "Σ Original Estimate"),
            Map.entry("aggregateprogress", "Σ Progress"), Map.entry("progress", "Progress"),
            Map.entry("workratio", "Work Ratio"), Map.entry("issuerestriction", "Restrict to"),
            Map.entry("customfield_10000", "Development"), Map.entry("customfield_10019", "Rank"));

    private final Flavour flavour;
    private final String baseUrl;
    private final String apiPath;

    IssueJson(Flavour flavour, String baseUrl) {
        this.flavour = flavour;
        this.baseUrl = baseUrl;
        this.apiPath = flavour == Flavour.CLOUD ? "/rest/api/3" : "/rest/api/2";
    }

    boolean dataCenter() {
        return flavour == Flavour.DATACENTER;
    }

    /** Every field id the site knows, custom fields included; Data Center's Jira Software adds its Epic Link. */
    List<String> allFieldIds() {
        List<String> ids = new ArrayList<>(SYSTEM_FIELDS);
        ids.addAll(JiraStore.CUSTOM_FIELDS.keySet());
        if (dataCenter()) {
            ids.add(JiraStore.EPIC_LINK);
        }
        return ids;
    }

    static String displayName(String fieldId) {
        String[] custom = JiraStore.CUSTOM_FIELDS.get(fieldId);
        return fieldId.equals(JiraStore.EPIC_LINK) ? "Epic Link" : custom != null ? custom[0] : NAMES.getOrDefault(
                fieldId, fieldId);
    }

    /**
     * Resolves Jira's {@code fields} parameter ({@code *all}, {@code *navigable}, ids, {@code -id} exclusions) to the
     * field ids to return.
     */
    Set<String> selectFields(List<String> requested) {
        Set<String> result = new LinkedHashSet<>();
        List<String> excluded = new ArrayList<>();
        for (String raw : requested) {
            for (String part : raw.split(",")) {
                String field = part.trim();
                if (field.isEmpty()) {
                    continue;
                }
                if (field.equals("*all") || field.equals("*navigable")) {
                    result.addAll(allFieldIds());
                    if (field.equals("*navigable")) {
                        result.remove("comment");
                    }
                } else if (field.startsWith("-")) {
                    excluded.add(field.substring(1));
                } else {
                    result.add(field);
                }
            }
        }
        result.removeAll(excluded);
        return result;
    }

    ObjectNode issue(Issue issue, Set<String> fields, boolean withNames) {
        ObjectNode json = Json.object();
        json.put("expand", "renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations");
        json.put("id", issue.id);
        json.put("self", baseUrl + apiPath + "/issue/" + issue.id);
        json.put("key", issue.key);
        ObjectNode out = json.putObject("fields");
        for (String field : fields) {
            JsonNode value = field(issue, field);
            if (value != null) {
                out.set(field, value);
            }
        }
        if (withNames) {
            ObjectNode names = json.putObject("names");
            fields.forEach(f -> names.put(f, displayName(f)));
        }
        return json;
    }

    private JsonNode field(Issue issue, String field) {
        var nodes = Json.MAPPER.getNodeFactory();
        return switch (field) {
        case "summary" -> nodes.textNode(issue.summary);
        case "status" -> status(issue.status);
        case "issuetype" -> issueType(issue.type);
        case "priority" -> Json.object().put("id", String.valueOf(JiraStore.PRIORITIES.indexOf(issue.priority) + 1))
                .put("name", issue.priority);
        case "project" -> Json.object().put("id", issue.project.id()).put("key", issue.project.key())
                .put("name", issue.project.name()).put("projectTypeKey", issue.project.typeKey());
        case "assignee" -> user(issue.assignee);
        case "reporter", "creator" -> user(issue.reporter);
        case "created" -> nodes.textNode(time(issue.created));
        case "updated", "statuscategorychangedate" -> nodes.textNode(time(issue.updated));
        case "labels" -> strings(issue.labels);
        case "components" -> named(issue.components);
        case "fixVersions" -> named(issue.fixVersions);
        case "versions" -> named(issue.affectsVersions);
        case "attachment" -> {
            ArrayNode attachments = Json.array();
            issue.attachments.forEach(a -> attachments.add(attachment(a)));
            yield attachments;
        }
        case "resolution" -> issue.resolution == null ? nodes.nullNode()
                : Json.object().put("name", issue.resolution);
        case "resolutiondate" -> issue.resolution == null ? nodes.nullNode() : nodes.textNode(time(issue.updated));
        case "duedate" -> issue.dueDate == null ? nodes.nullNode() : nodes.textNode(issue.dueDate);
        case "environment" -> issue.environment == null ? nodes.nullNode() : richText(
                JiraSeed.paragraphDoc(issue.environment), issue.environment);
        case "description" -> richText(issue.descriptionAdf, issue.descriptionWiki);
        case "comment" -> comments(issue);
        case "subtasks" -> {
            ArrayNode subtasks = Json.array();
            issue.subtasks.forEach(s -> subtasks.add(issueRef(s)));
            yield subtasks;
        }
        case "issuelinks" -> links(issue);
        // Data Center: only a sub-task has a parent; an epic's issues name it in the Epic Link field
        case "parent" -> issue.parent == null || dataCenter() && !issue.isSubtask() ? null : issueRef(issue.parent);
        case JiraStore.EPIC_LINK -> issue.epic() == null ? nodes.nullNode() : nodes.textNode(issue.epic().key);
        case "watches" -> Json.object().put("watchCount", issue.watchers.size()).put("isWatching", false);
        case "votes" -> Json.object().put("votes", 0).put("hasVoted", false);
        case "timetracking" -> timeTracking(issue);
        case "timeoriginalestimate", "aggregatetimeoriginalestimate" -> seconds(issue.originalEstimate);
        case "timeestimate", "aggregatetimeestimate" -> seconds(issue.remainingEstimate);
        case "timespent", "aggregatetimespent" -> seconds(issue.worklogs.isEmpty() ? null : issue.timeSpent());
        case "worklog" -> Json.object().put("startAt", 0).put("maxResults", 20).put("total", 0)
                .set("worklogs", Json.array());
        case "progress", "aggregateprogress" -> Json.object().put("progress", 0).put("total", 0);
        case "customfield_10019" -> nodes.textNode("0|i000" + issue.id + ":");
        case "customfield_10000" -> nodes.textNode("{}");
        default -> {
            if (JiraStore.CUSTOM_FIELDS.containsKey(field)) {
                JsonNode value = issue.customFields.get(field);
                if (value != null && "textarea".equals(JiraStore.CUSTOM_FIELDS.get(field)[1])
                        && flavour == Flavour.DATACENTER) {
                    yield nodes.textNode(DataCenterWiki.of(value));
                }
                yield value == null ? nodes.nullNode() : value;
            }
            yield SYSTEM_FIELDS.contains(field) ? nodes.nullNode() : null;
        }
        };
    }

    /** ADF on Cloud v3, wiki markup on Data Center v2. */
    private JsonNode richText(JsonNode adf, String wiki) {
        if (flavour == Flavour.CLOUD) {
            return adf == null ? Json.MAPPER.getNodeFactory().nullNode() : adf;
        }
        return wiki == null ? Json.MAPPER.getNodeFactory().nullNode() : Json.MAPPER.getNodeFactory().textNode(wiki);
    }

    ObjectNode comments(Issue issue) {
        ObjectNode json = Json.object();
        ArrayNode list = json.putArray("comments");
        issue.comments.forEach(c -> list.add(comment(issue, c)));
        json.put("maxResults", issue.comments.size()).put("total", issue.comments.size()).put("startAt", 0);
        return json;
    }

    ObjectNode comment(Issue issue, Issue.Comment c) {
        ObjectNode comment = Json.object();
        comment.put("self", baseUrl + apiPath + "/issue/" + issue.id + "/comment/" + c.id());
        comment.put("id", c.id());
        comment.set("author", user(c.author()));
        comment.set("body", richText(c.bodyAdf(), c.bodyWiki()));
        comment.set("updateAuthor", user(c.author()));
        comment.put("created", time(c.created()));
        comment.put("updated", time(c.updated()));
        comment.put("jsdPublic", !c.internal());
        if (c.role() != null) {
            comment.putObject("visibility").put("type", "role").put("value", c.role()).put("identifier", c.role());
        }
        return comment;
    }

    private ArrayNode links(Issue issue) {
        ArrayNode links = Json.array();
        for (Issue.Link link : issue.links) {
            ObjectNode json = links.addObject();
            json.put("id", link.id());
            json.set("type", Json.object().put("id", link.type().id()).put("name", link.type().name())
                    .put("inward", link.type().inward()).put("outward", link.type().outward()));
            if (link.outward().equals(issue)) {
                json.set("outwardIssue", issueRef(link.inward()));
            } else {
                json.set("inwardIssue", issueRef(link.outward()));
            }
        }
        return links;
    }

    private ObjectNode issueRef(Issue issue) {
        ObjectNode ref = Json.object().put("id", issue.id).put("key", issue.key)
                .put("self", baseUrl + apiPath + "/issue/" + issue.id);
        ObjectNode fields = ref.putObject("fields");
        fields.put("summary", issue.summary);
        fields.set("status", status(issue.status));
        fields.set("priority", Json.object().put("name", issue.priority));
        fields.set("issuetype", issueType(issue.type));
        return ref;
    }

    private static ObjectNode status(String name) {
        String[] category = JiraStore.statusCategory(name);
        ObjectNode status = Json.object().put("id", String.valueOf(JiraStore.STATUSES.indexOf(name) + 1))
                .put("name", name);
        status.putObject("statusCategory").put("id", Integer.parseInt(category[0])).put("key", category[1])
                .put("colorName", category[2]).put("name", category[3]);
        return status;
    }

    private static ObjectNode issueType(String name) {
        return Json.object().put("id", String.valueOf(10000 + JiraStore.TYPES.indexOf(name))).put("name", name)
                .put("subtask", name.equals("Sub-task"));
    }

    ObjectNode attachment(Issue.Attachment a) {
        ObjectNode json = Json.object().put("id", a.id()).put("filename", a.filename()).put("mimeType", a.mimeType())
                .put("size", a.content().length).put("created", time(a.created())).put("content",
                        baseUrl + (flavour == Flavour.CLOUD ? apiPath + "/attachment/content/" + a.id()
                                : "/secure/attachment/" + a.id()
                                        + "/"
                                        + java.net.URLEncoder
                                                .encode(a.filename(), java.nio.charset.StandardCharsets.UTF_8)
                                                .replace("+", "%20")));
        json.set("author", user(a.author()));
        return json;
    }

    JsonNode user(SandboxUser user) {
        if (user == null) {
            return Json.MAPPER.getNodeFactory().nullNode();
        }
        ObjectNode json = Json.object();
        if (flavour == Flavour.CLOUD) {
            json.put("self", baseUrl + "/rest/api/3/user?accountId=" + user.accountId());
            json.put("accountId", user.accountId());
            json.put("accountType", "atlassian");
        } else {
            json.put("self", baseUrl + "/rest/api/2/user?username=" + user.username());
            json.put("name", user.username());
            json.put("key", user.key());
        }
        json.put("emailAddress", user.email());
        json.put("displayName", user.displayName());
        json.put("active", true);
        json.put("timeZone", user.timeZone());
        return json;
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode array = Json.array();
        values.forEach(array::add);
        return array;
    }

    /** Only the parts that are set, as Jira answers them. */
    private static ObjectNode timeTracking(Issue issue) {
        ObjectNode tracking = Json.object();
        if (issue.originalEstimate != null) {
            tracking.put("originalEstimate", Issue.duration(issue.originalEstimate)).put("originalEstimateSeconds",
                    issue.originalEstimate);
        }
        if (issue.remainingEstimate != null) {
            tracking.put("remainingEstimate", Issue.duration(issue.remainingEstimate)).put(
                    "remainingEstimateSeconds", issue.remainingEstimate);
        }
        if (!issue.worklogs.isEmpty()) {
            tracking.put("timeSpent", Issue.duration(issue.timeSpent())).put("timeSpentSeconds", issue.timeSpent());
        }
        return tracking;
    }

    private static JsonNode seconds(Long value) {
        return value == null ? Json.MAPPER.getNodeFactory().nullNode() : Json.MAPPER.getNodeFactory().numberNode(
                value);
    }

    private static ArrayNode named(List<String> values) {
        ArrayNode array = Json.array();
        for (int i = 0; i < values.size(); i++) {
            array.addObject().put("id", String.valueOf(10100 + i)).put("name", values.get(i));
        }
        return array;
    }

    static String time(Instant instant) {
        return JIRA_TIME.format(instant);
    }
}
