package dev.atlmcp.jira.service;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

import dev.atlmcp.jira.client.ServiceDeskClient;
import dev.atlmcp.platform.args.Arguments;
import dev.atlmcp.platform.errors.ToolRefusal;
import dev.atlmcp.platform.policy.ScopePolicy;

/**
 * Jira Service Management's desks, request types and queues, within the allowed projects. A queue's issues are shown
 * only where they belong to an allowed project, whatever the queue's JQL selects.
 */
@ApplicationScoped
public class ServiceDesks {

    private static final int PAGE = 50;
    private static final int MAX_PAGES = 10;

    public record Desk(String id, String projectKey, String name) {
    }

    public record Types(Desk desk, List<JsonNode> types) {
    }

    /** A request type's fields, as {@code requestTypeFields} gives them. */
    public record Fields(Desk desk, JsonNode type, List<JsonNode> fields) {
    }

    public record Queues(Desk desk, List<JsonNode> queues) {
    }

    /** A page of a queue's issues; {@code hidden} counts those of projects outside the policy, left out. */
    public record QueueIssues(Desk desk, JsonNode queue, List<JsonNode> issues, int hidden, String nextCursor) {
    }

    private final ServiceDeskClient client;
    private final ScopePolicy scope;

    ServiceDesks(@RestClient ServiceDeskClient client, ScopePolicy scope) {
        this.client = client;
        this.scope = scope;
    }

    /** The service desks the account can see and the policy allows. */
    public List<Desk> desks() {
        List<Desk> desks = new ArrayList<>();
        for (JsonNode d : all(start -> client.serviceDesks(start, PAGE))) {
            String key = d.path("projectKey").asText();
            if (scope.allowsProject(key)) {
                desks.add(new Desk(d.path("id").asText(), key, d.path("projectName").asText()));
            }
        }
        return desks;
    }

    /** A desk by its id or its project's key. */
    public Desk desk(String serviceDesk) {
        String wanted = Arguments.text("service_desk", serviceDesk, 100, "HELP").trim();
        List<Desk> desks = desks();
        return desks.stream().filter(d -> d.id().equals(wanted) || d.projectKey().equalsIgnoreCase(wanted))
                .findFirst().orElseThrow(() -> new ToolRefusal("There is no service desk " + wanted + " this "
                        + "account can see within this server's policy." + (desks.isEmpty() ? ""
                                : " There is: " + String.join(", ", desks.stream().map(d -> d.projectKey() + " (id "
                                        + d.id() + ")").toList()) + ".")));
    }

    public Types requestTypes(String serviceDesk) {
        Desk desk = desk(serviceDesk);
        return new Types(desk, all(start -> client.requestTypes(desk.id(), start, PAGE)));
    }

    /** A request type, by id or name (any case), with its fields. */
    public Fields fields(String serviceDesk, String requestType) {
        Types types = requestTypes(serviceDesk);
        String wanted = Arguments.text("request_type", requestType, 255, "Get IT help").trim();
        JsonNode type = types.types().stream().filter(t -> t.path("id").asText().equals(wanted) || t.path("name")
                .asText().equalsIgnoreCase(wanted)).findFirst().orElseThrow(() -> new ToolRefusal("Service desk "
                        + types.desk().projectKey() + " has no request type " + wanted + ". Its request types: "
                        + String.join(", ", types.types().stream().map(t -> t.path("name").asText() + " (" + t.path(
                                "id").asText() + ")").toList())
                        + "."));
        List<JsonNode> fields = new ArrayList<>();
        client.requestTypeFields(types.desk().id(), type.path("id").asText()).path("requestTypeFields").forEach(
                fields::add);
        return new Fields(types.desk(), type, fields);
    }

    public Queues queues(String serviceDesk) {
        Desk desk = desk(serviceDesk);
        return new Queues(desk, all(start -> client.queues(desk.id(), true, start, PAGE)));
    }

    /** A queue, by id or name (any case), and a page of its issues. */
    public QueueIssues queue(String serviceDesk, String queue, int limit, String cursor) {
        Queues queues = queues(serviceDesk);
        String wanted = Arguments.text("queue", queue, 255, "All open").trim();
        JsonNode found = queues.queues().stream().filter(q -> q.path("id").asText().equals(wanted) || q.path("name")
                .asText().equalsIgnoreCase(wanted)).findFirst().orElseThrow(() -> new ToolRefusal("Service desk "
                        + queues.desk().projectKey() + " has no queue " + wanted + ". Its queues: " + String.join(", ",
                                queues.queues().stream().map(q -> q.path("name").asText()).toList())
                        + "."));
        Arguments.limit(limit, JiraService.MAX_LIMIT);
        int start = Arguments.offset(cursor, "jira_get_queue");
        JsonNode page = client.queueIssues(queues.desk().id(), found.path("id").asText(), start, scope.cap(limit));
        List<JsonNode> issues = new ArrayList<>();
        int hidden = 0;
        for (JsonNode issue : page.path("values")) {
            String key = issue.path("key").asText();
            if (key.contains("-") && scope.allowsProject(key.substring(0, key.lastIndexOf('-')))) {
                issues.add(issue);
            } else {
                hidden++;
            }
        }
        int seen = page.path("values").size();
        return new QueueIssues(queues.desk(), found, issues, hidden, Arguments.nextOffsetCursor(start, seen, !page.path(
                "isLastPage").asBoolean(true)));
    }

    private static List<JsonNode> all(java.util.function.IntFunction<JsonNode> pageAt) {
        List<JsonNode> all = new ArrayList<>();
        int start = 0;
        for (int page = 0; page < MAX_PAGES; page++) {
            JsonNode values = pageAt.apply(start);
            values.path("values").forEach(all::add);
            if (values.path("isLastPage").asBoolean(true) || values.path("values").isEmpty()) {
                break;
            }
            start += values.path("values").size();
        }
        return all;
    }
}
