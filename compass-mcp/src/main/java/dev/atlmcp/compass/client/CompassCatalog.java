package dev.atlmcp.compass.client;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.atlmcp.adf.OneLine;

/**
 * Everything this server asks of the Compass catalog, in catalog terms and free of GraphQL. Atlassian has announced
 * that Compass capabilities move to another product, so the services depend on this interface only and a different API
 * means a different implementation of it. Failures are {@code AtlassianException}s with the HTTP-like status the
 * catalog reported.
 */
public interface CompassCatalog {

    /** A search: text, type, owner team id and label are optional filters; {@code after} is a cursor. */
    record SearchQuery(String text, String type, String ownerId, String label, int first, String after) {
    }

    /** One page of results and the cursor of the next (null on the last page). */
    record Page<T>(List<T> items, Integer total, String next) {
    }

    /** A search hit: the component summary and its Compass link. */
    record Match(ComponentDto component, String link) {
    }

    /** The component on the other end of a relationship; its name is one line of plain text, like a component's. */
    record Related(String id, String name) {
        public Related {
            name = OneLine.of(name);
        }
    }

    /** A team member; the name is one line of plain text. */
    record Member(String accountId, String name, String role) {
        public Member {
            name = OneLine.of(name);
        }
    }

    /** A team; the name is one line of plain text, the description as written. */
    record Team(String id, String name, String description, List<Member> members) {
        public Team {
            name = OneLine.of(name);
        }
    }

    /** Event types (DEPLOYMENT, INCIDENT, ...; empty for all) in a time window. */
    record EventQuery(List<String> types, Instant from, Instant to, int first) {
    }

    /** One event; {@code state} and {@code detail} (environment or severity) when the event type has them. */
    record Event(String when, String type, String name, String state, String detail, String url) {
    }

    record ComponentType(String id, String name, String description) {
    }

    /**
     * A metric source of a component and its latest value ({@code value} and {@code at} null when none was reported);
     * {@code unit} is the definition's suffix, e.g. {@code %}.
     */
    record Metric(String name, String unit, Double value, String at, String url) {
    }

    /** A scorecard criterion and the component's score in it; {@code score} is null when not reported. */
    record Criterion(String id, String name, Integer weight, Integer score, Integer max) {
    }

    /** A custom field definition; {@code kind} is TEXT, NUMBER, BOOLEAN, USER, SINGLE_SELECT or MULTI_SELECT. */
    record FieldDefinition(String id, String name, String kind, String description,
            List<ComponentDto.Option> options) {
    }

    /**
     * A custom field value to set: text, a number, a boolean, an account id, an option id or a list of option ids; null
     * clears it.
     */
    record FieldValue(FieldDefinition definition, Object value) {
    }

    record NewComponent(String name, String typeId, String slug, String description, String ownerId,
            List<String> labels, List<FieldValue> customFields) {
    }

    record NewLink(String type, String url, String name) {
    }

    /** A deployment to record: its state (SUCCESSFUL, FAILED, ...) and environment (PRODUCTION, STAGING, ...). */
    record NewDeployment(String name, String description, String url, String state, String environment, Instant at) {
    }

    String cloudId();

    ComponentDto component(String id);

    ComponentDto componentBySlug(String slug);

    Page<Match> search(SearchQuery query);

    /** Components owned by the teams of the account whose credentials the request uses. */
    Page<Match> myComponents(SearchQuery query);

    /**
     * One page of a component's relationships of a type (DEPENDS_ON or CHILD_OF): inward (others to it) or outward.
     */
    Page<Related> relationships(String componentId, boolean inward, String type, int first, String after);

    /** All of them, page by page, stopping after 10 pages of 50. */
    default List<Related> allRelationships(String componentId, boolean inward, String type) {
        List<Related> all = new ArrayList<>();
        String after = null;
        for (int page = 0; page < 10; page++) {
            Page<Related> related = relationships(componentId, inward, type, 50, after);
            all.addAll(related.items());
            after = related.next();
            if (after == null) {
                break;
            }
        }
        return all;
    }

    /** The owner team with its members, or null when the component has none. */
    Team ownerTeam(String componentId);

    Page<Event> events(String componentId, EventQuery query);

    /** The component's metric sources with their latest values, the first 50. */
    List<Metric> metrics(String componentId);

    List<ComponentType> componentTypes();

    /**
     * The criteria of the component's scorecards with its score in each, by scorecard id; empty when the site does not
     * report them (the scores themselves come with the component).
     */
    Map<String, List<Criterion>> scorecardCriteria(String componentId);

    List<FieldDefinition> customFieldDefinitions();

    /**
     * A custom field definition to create: {@code kind} as {@link FieldDefinition#kind()} (TEXT, SINGLE_SELECT, ...),
     * the component type ids it applies to, and the options of a select field.
     */
    record NewFieldDefinition(String kind, String name, String description, List<String> componentTypeIds,
            List<String> options) {
    }

    /** The names of the components with a value of a custom field, and whether every component was looked at. */
    record FieldUsage(List<String> components, boolean complete) {
    }

    /** The new definition's id. */
    String createFieldDefinition(NewFieldDefinition field);

    /** Deletes a definition, and with it every component's value of it. */
    void deleteFieldDefinition(String id);

    /** Which components have a value of the custom field, looking at up to {@code maxComponents}. */
    FieldUsage fieldUsage(String definitionId, int maxComponents);

    ComponentDto createComponent(NewComponent component);

    /**
     * @param fields
     *            name, description and ownerId to set (null clears)
     */
    void updateComponent(String id, JsonNode fields, List<FieldValue> customFields);

    /** The labels that were not there before. */
    List<String> addLabels(String componentId, List<String> labels);

    void removeLabels(String componentId, List<String> labels);

    ComponentDto.Link createLink(String componentId, NewLink link);

    void deleteLink(String componentId, String linkId);

    void createRelationship(String startId, String endId, String type);

    void deleteRelationship(String startId, String endId, String type);

    void recordDeployment(String componentId, NewDeployment deployment);
}
