package dev.atlmcp.compass.client;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.atlmcp.platform.atlassian.AtlassianException;

/** The catalog through Compass's GraphQL API: the documents of {@link CompassQueries}, sent by the gateway. */
@ApplicationScoped
public class GraphQlCatalog implements CompassCatalog {

    private static final int FIELD_USAGE_PAGE = 50;
    private static final Map<String, String> INPUT_MEMBERS = Map.of("TEXT", "textField:textValue", "NUMBER",
            "numberField:numberValue", "BOOLEAN", "booleanField:booleanValue", "USER", "userField:userIdValue",
            "SINGLE_SELECT", "singleSelectField:option", "MULTI_SELECT", "multiSelectField:options");

    private final CompassGateway gateway;
    private final ObjectMapper json;

    GraphQlCatalog(CompassGateway gateway, ObjectMapper json) {
        this.gateway = gateway;
        this.json = json;
    }

    @Override
    public String cloudId() {
        return gateway.cloudId();
    }

    @Override
    public ComponentDto component(String id) {
        return json.convertValue(gateway.compass(CompassQueries.COMPONENT_BY_ID, vars().put("id", id), "component"),
                ComponentDto.class);
    }

    @Override
    public ComponentDto componentBySlug(String slug) {
        return json.convertValue(gateway.compass(CompassQueries.COMPONENT_BY_SLUG, vars().put("slug", slug).put(
                "cloudId", cloudId()), "componentByReference"), ComponentDto.class);
    }

    @Override
    public Page<Match> search(SearchQuery query) {
        return matches(CompassQueries.SEARCH, "searchComponents", query);
    }

    @Override
    public Page<Match> myComponents(SearchQuery query) {
        return matches(CompassQueries.MY_COMPONENTS, "myComponents", query);
    }

    private Page<Match> matches(String document, String field, SearchQuery q) {
        ObjectNode query = json.createObjectNode().put("first", q.first());
        if (q.text() != null) {
            query.put("query", q.text());
        }
        ArrayNode filters = json.createArrayNode();
        if (q.type() != null) {
            filters.addObject().put("name", "type").putObject("filter").put("eq", q.type());
        }
        if (q.ownerId() != null) {
            filters.addObject().put("name", "ownerId").putObject("filter").put("eq", q.ownerId());
        }
        if (q.label() != null) {
            filters.addObject().put("name", "labels").putObject("filter").putArray("in").add(q.label());
        }
        if (!filters.isEmpty()) {
            query.set("fieldFilters", filters);
        }
        query.putArray("sort").addObject().put("name", "title").put("order", "ASC");
        if (q.after() != null) {
            query.put("after", q.after());
        }
        JsonNode result = gateway.compass(document, vars().put("cloudId", cloudId()).set("query", query), field);
        List<Match> matches = new ArrayList<>();
        result.path("nodes").forEach(n -> matches.add(new Match(json.convertValue(n.path("component"),
                ComponentDto.class), n.path("link").asText(null))));
        return new Page<>(matches, result.hasNonNull("totalCount") ? result.get("totalCount").asInt() : null, next(
                result));
    }

    @Override
    public Page<Related> relationships(String componentId, boolean inward, String type, int first, String after) {
        ObjectNode query = json.createObjectNode().put("direction", inward ? "INWARD" : "OUTWARD").put(
                "relationshipType", type).put("first", first);
        if (after != null) {
            query.put("after", after);
        }
        JsonNode result = gateway.nested(gateway.compass(CompassQueries.RELATIONSHIPS, vars().put("id", componentId)
                .set("query", query), "component").path("relationships"), "relationships");
        List<Related> related = new ArrayList<>();
        for (JsonNode r : result.path("nodes")) {
            JsonNode other = inward ? r.path("startNode") : r.path("endNode");
            related.add(new Related(other.path("id").asText(), other.path("name").asText()));
        }
        return new Page<>(related, null, next(result));
    }

    @Override
    public Team ownerTeam(String componentId) {
        JsonNode team = gateway.compass(CompassQueries.OWNER_TEAM, vars().put("id", componentId), "component").path(
                "ownerTeam");
        if (team.isMissingNode() || team.isNull()) {
            return null;
        }
        List<Member> members = new ArrayList<>();
        team.path("members").path("nodes").forEach(m -> members.add(new Member(m.path("member").path("accountId")
                .asText(), m.path("member").path("name").asText(), m.path("role").asText(""))));
        return new Team(team.path("id").asText(), team.path("displayName").asText(null), team.path("description")
                .asText(null), members);
    }

    @Override
    public List<Metric> metrics(String componentId) {
        JsonNode result = gateway.nested(gateway.compass(CompassQueries.METRICS, vars().put("id", componentId).set(
                "query", json.createObjectNode().put("first", 50)), "component").path("metricSources"), "metrics");
        List<Metric> metrics = new ArrayList<>();
        for (JsonNode source : result.path("nodes")) {
            JsonNode definition = source.path("metricDefinition");
            JsonNode latest = gateway.nested(source.path("values"), "metric values").path("nodes").path(0);
            metrics.add(new Metric(definition.path("name").asText(source.path("title").asText()), definition.path(
                    "format").path("suffix").asText(""), latest.path("value").isNumber() ? latest.path("value")
                            .asDouble() : null,
                    latest.path("timestamp").asText(null), source.path("url").asText(
                            null)));
        }
        return metrics;
    }

    @Override
    public Page<Event> events(String componentId, EventQuery q) {
        ObjectNode query = json.createObjectNode().put("first", q.first());
        if (!q.types().isEmpty()) {
            ArrayNode types = query.putArray("eventTypes");
            q.types().forEach(types::add);
        }
        query.putObject("timeParameters").put("startFrom", q.from().toString()).put("endAt", q.to().toString());
        JsonNode result = gateway.nested(gateway.compass(CompassQueries.EVENTS, vars().put("id", componentId).set(
                "query", query), "component").path("events"), "events");
        List<Event> events = new ArrayList<>();
        for (JsonNode e : result.path("nodes")) {
            JsonNode deployment = e.path("deploymentProperties");
            JsonNode incident = e.path("incidentProperties");
            String state = deployment.path("state").asText(incident.path("state").asText(null));
            String detail = deployment.has("environment") ? deployment.path("environment").path("category").asText(
                    null) : incident.has("severity") ? incident.path("severity").path("label").asText(null) : null;
            events.add(new Event(e.path("lastUpdated").asText(null), e.path("eventType").asText(), e.path(
                    "displayName").asText(), state, detail, e.path("url").asText(null)));
        }
        return new Page<>(events, null, next(result));
    }

    @Override
    public List<ComponentType> componentTypes() {
        ObjectNode variables = vars().put("cloudId", cloudId());
        variables.putObject("query").put("first", 100);
        List<ComponentType> types = new ArrayList<>();
        gateway.compass(CompassQueries.COMPONENT_TYPES, variables, "componentTypes").path("nodes").forEach(t -> types
                .add(new ComponentType(t.path("id").asText(), t.path("name").asText(), t.path("description").asText(
                        ""))));
        return types;
    }

    @Override
    public Map<String, List<Criterion>> scorecardCriteria(String componentId) {
        Map<String, List<Criterion>> byScorecard = new HashMap<>();
        try {
            gateway.compass(CompassQueries.SCORECARD_CRITERIA, vars().put("id", componentId), "component").path(
                    "scorecards").forEach(s -> byScorecard.put(s.path("id").asText(), criteria(s)));
        } catch (AtlassianException e) {
            if (e.status() != 400) {
                throw e;
            }
        }
        return byScorecard;
    }

    private static List<Criterion> criteria(JsonNode scorecard) {
        Map<String, JsonNode> scores = new HashMap<>();
        scorecard.path("scorecardScore").path("criteriaScores").forEach(c -> scores.put(c.path("criterionId")
                .asText(), c));
        List<Criterion> criteria = new ArrayList<>();
        for (JsonNode c : scorecard.path("criterias")) {
            JsonNode score = scores.getOrDefault(c.path("id").asText(), MissingNode.getInstance());
            criteria.add(new Criterion(c.path("id").asText(), c.path("name").asText(null), integer(c.path(
                    "weight")), integer(score.path("score")), integer(score.path("maxScore"))));
        }
        return criteria;
    }

    @Override
    public List<FieldDefinition> customFieldDefinitions() {
        JsonNode result = gateway.compass(CompassQueries.CUSTOM_FIELD_DEFINITIONS, vars().set("query", json
                .createObjectNode().put("cloudId", cloudId())), "customFieldDefinitions");
        List<FieldDefinition> fields = new ArrayList<>();
        for (JsonNode f : result.path("nodes")) {
            String kind = f.path("__typename").asText().replaceFirst("^CompassCustom", "").replaceFirst(
                    "FieldDefinition$", "").replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
            List<ComponentDto.Option> options = new ArrayList<>();
            f.path("options").forEach(o -> options.add(new ComponentDto.Option(o.path("id").asText(), o.path("value")
                    .asText())));
            fields.add(new FieldDefinition(f.path("id").asText(), f.path("name").asText(), kind, f.path(
                    "description").asText(null), options));
        }
        return fields;
    }

    @Override
    public String createFieldDefinition(NewFieldDefinition field) {
        ObjectNode definition = json.createObjectNode().put("cloudId", cloudId()).put("name", field.name());
        putIfSet(definition, "description", field.description());
        ArrayNode types = definition.putArray("componentTypeIds");
        field.componentTypeIds().forEach(types::add);
        if (!field.options().isEmpty()) {
            ArrayNode options = definition.putArray("options");
            field.options().forEach(options::add);
        }
        String member = Arrays.stream(field.kind().toLowerCase(Locale.ROOT).split("_")).map(w -> Character
                .toUpperCase(w.charAt(0)) + w.substring(1)).collect(Collectors.joining());
        ObjectNode input = json.createObjectNode();
        input.set(Character.toLowerCase(member.charAt(0)) + member.substring(1) + "FieldDefinition", definition);
        return gateway.mutate(CompassQueries.CREATE_FIELD_DEFINITION, vars().set("input", input),
                "createCustomFieldDefinition").path("customFieldDefinition").path("id").asText();
    }

    @Override
    public void deleteFieldDefinition(String id) {
        gateway.mutate(CompassQueries.DELETE_FIELD_DEFINITION, vars().set("input", json.createObjectNode().put("id",
                id)), "deleteCustomFieldDefinition");
    }

    @Override
    public FieldUsage fieldUsage(String definitionId, int maxComponents) {
        List<String> using = new ArrayList<>();
        String after = null;
        for (int seen = 0; seen < maxComponents; seen += FIELD_USAGE_PAGE) {
            ObjectNode query = json.createObjectNode().put("first", FIELD_USAGE_PAGE);
            if (after != null) {
                query.put("after", after);
            }
            JsonNode result = gateway.compass(CompassQueries.FIELD_VALUES, vars().put("cloudId", cloudId()).set(
                    "query", query), "searchComponents");
            for (JsonNode node : result.path("nodes")) {
                JsonNode component = node.path("component");
                for (JsonNode f : component.path("customFields")) {
                    if (f.path("definition").path("id").asText().equals(definitionId) && hasValue(f)) {
                        using.add(component.path("name").asText());
                    }
                }
            }
            after = next(result);
            if (after == null) {
                return new FieldUsage(using, true);
            }
        }
        return new FieldUsage(using, false);
    }

    private static boolean hasValue(JsonNode field) {
        for (String value : List.of("textValue", "numberValue", "booleanValue", "userIdValue", "option")) {
            if (!field.path(value).isMissingNode() && !field.path(value).isNull()) {
                return true;
            }
        }
        return !field.path("options").isEmpty();
    }

    @Override
    public ComponentDto createComponent(NewComponent c) {
        ObjectNode input = json.createObjectNode().put("name", c.name()).put("typeId", c.typeId());
        putIfSet(input, "slug", c.slug());
        putIfSet(input, "description", c.description());
        putIfSet(input, "ownerId", c.ownerId());
        if (!c.labels().isEmpty()) {
            ArrayNode labels = input.putArray("labels");
            c.labels().forEach(labels::add);
        }
        if (!c.customFields().isEmpty()) {
            input.set("customFields", customFields(c.customFields()));
        }
        JsonNode payload = gateway.mutate(CompassQueries.CREATE_COMPONENT, vars().put("cloudId", cloudId()).set(
                "input", input), "createComponent");
        return json.convertValue(payload.path("componentDetails"), ComponentDto.class);
    }

    @Override
    public void updateComponent(String id, JsonNode fields, List<FieldValue> customFields) {
        ObjectNode input = fields.deepCopy();
        input.put("id", id);
        if (!customFields.isEmpty()) {
            input.set("customFields", customFields(customFields));
        }
        gateway.mutate(CompassQueries.UPDATE_COMPONENT, vars().set("input", input), "updateComponent");
    }

    @Override
    public List<String> addLabels(String componentId, List<String> labels) {
        JsonNode payload = gateway.mutate(CompassQueries.ADD_LABELS, vars().set("input", labelsInput(componentId,
                labels)), "addComponentLabels");
        List<String> added = new ArrayList<>();
        payload.path("addedLabels").forEach(l -> added.add(l.path("name").asText()));
        return added;
    }

    @Override
    public void removeLabels(String componentId, List<String> labels) {
        gateway.mutate(CompassQueries.REMOVE_LABELS, vars().set("input", labelsInput(componentId, labels)),
                "removeComponentLabels");
    }

    @Override
    public ComponentDto.Link createLink(String componentId, NewLink link) {
        ObjectNode input = json.createObjectNode().put("componentId", componentId);
        ObjectNode linkInput = input.putObject("link").put("type", link.type()).put("url", link.url());
        putIfSet(linkInput, "name", link.name());
        JsonNode payload = gateway.mutate(CompassQueries.CREATE_LINK, vars().set("input", input),
                "createComponentLink");
        return json.convertValue(payload.path("createdComponentLink"), ComponentDto.Link.class);
    }

    @Override
    public void deleteLink(String componentId, String linkId) {
        gateway.mutate(CompassQueries.DELETE_LINK, vars().set("input", json.createObjectNode().put("componentId",
                componentId).put("link", linkId)), "deleteComponentLink");
    }

    @Override
    public void createRelationship(String startId, String endId, String type) {
        gateway.mutate(CompassQueries.CREATE_RELATIONSHIP, vars().set("input", relationshipInput(startId, endId,
                type)), "createRelationship");
    }

    @Override
    public void deleteRelationship(String startId, String endId, String type) {
        gateway.mutate(CompassQueries.DELETE_RELATIONSHIP, vars().set("input", relationshipInput(startId, endId,
                type)), "deleteRelationship");
    }

    @Override
    public void recordDeployment(String componentId, NewDeployment d) {
        ObjectNode input = json.createObjectNode().put("cloudId", cloudId()).put("componentId", componentId);
        ObjectNode deployment = input.putObject("event").putObject("deployment").put("displayName", d.name()).put(
                "url", d.url()).put("lastUpdated", d.at().toString()).put("updateSequenceNumber", d.at()
                        .toEpochMilli());
        putIfSet(deployment, "description", d.description());
        ObjectNode properties = deployment.putObject("deploymentProperties").put("sequenceNumber", d.at()
                .toEpochMilli()).put("state", d.state()).put("completedAt", d.at().toString());
        properties.putObject("environment").put("category", d.environment()).put("displayName", d.environment()
                .toLowerCase(Locale.ROOT)).put("environmentId", d.environment().toLowerCase(Locale.ROOT));
        gateway.mutate(CompassQueries.CREATE_EVENT, vars().set("input", input), "createCompassEvent");
    }

    private ObjectNode relationshipInput(String startId, String endId, String type) {
        return json.createObjectNode().put("startNodeId", startId).put("endNodeId", endId).put("relationshipType",
                type);
    }

    private ObjectNode labelsInput(String componentId, List<String> labels) {
        ObjectNode input = json.createObjectNode().put("componentId", componentId);
        ArrayNode names = input.putArray("labelNames");
        labels.forEach(names::add);
        return input;
    }

    /** {@code [{textField: {definitionId, textValue}}, ...]}; only the text form is confirmed by Atlassian. */
    private ArrayNode customFields(List<FieldValue> values) {
        ArrayNode fields = json.createArrayNode();
        for (FieldValue value : values) {
            String[] member = INPUT_MEMBERS.get(value.definition().kind()).split(":");
            ObjectNode field = fields.addObject().putObject(member[0]).put("definitionId", value.definition().id());
            field.set(member[1], json.valueToTree(value.value()));
        }
        return fields;
    }

    private ObjectNode vars() {
        return json.createObjectNode();
    }

    private static void putIfSet(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static String next(JsonNode connection) {
        JsonNode pageInfo = connection.path("pageInfo");
        return pageInfo.path("hasNextPage").asBoolean(false) ? pageInfo.path("endCursor").asText(null) : null;
    }

    private static Integer integer(JsonNode value) {
        return value.isNumber() ? value.asInt() : null;
    }
}
