package dev.atlmcp.compass.client;

/**
 * The GraphQL operations this server sends, written against the field and argument names of Atlassian's schema. Every
 * union result selects {@code QueryError} so a failed lookup is told apart from an empty one.
 */
public final class CompassQueries {

    static final String COMPONENT_FIELDS = """
            id name description typeId slug state url ownerId labels { name } links { name type url }
            customFields { definition { id name }
              ... on CompassCustomTextField { textValue }
              ... on CompassCustomNumberField { numberValue }
              ... on CompassCustomBooleanField { booleanValue }
              ... on CompassCustomUserField { userIdValue }
              ... on CompassCustomSingleSelectField { option { id value } }
              ... on CompassCustomMultiSelectField { options { id value } } }""";

    static final String QUERY_ERROR = "... on QueryError { __typename message extensions { statusCode errorType } }";

    public static final String COMPONENT_BY_ID = "query component($id: ID!) { compass { component(id: $id) { "
            + "__typename ... on CompassComponent { " + COMPONENT_FIELDS + " } " + QUERY_ERROR + " } } }";

    public static final String COMPONENT_BY_SLUG = "query componentBySlug($slug: String!, $cloudId: ID!) { compass { "
            + "componentByReference(reference: { slug: { slug: $slug, cloudId: $cloudId } }) { __typename "
            + "... on CompassComponent { " + COMPONENT_FIELDS + " } " + QUERY_ERROR + " } } }";

    public static final String SEARCH = "query search($cloudId: String!, $query: CompassSearchComponentQuery) { "
            + "compass { searchComponents(cloudId: $cloudId, query: $query) { __typename "
            + "... on CompassSearchComponentConnection { totalCount nodes { link component { id name typeId slug "
            + "ownerId labels { name } } } pageInfo { hasNextPage endCursor } } " + QUERY_ERROR + " } } }";

    /** One page of a component's DEPENDS_ON relationships, INWARD (what depends on it) or OUTWARD. */
    public static final String RELATIONSHIPS = "query relationships($id: ID!, $query: CompassRelationshipQuery) { "
            + "compass { component(id: $id) { __typename ... on CompassComponent { id name relationships(query: "
            + "$query) { __typename ... on CompassRelationshipConnection { nodes { relationshipType startNode { id "
            + "name } endNode { id name } } pageInfo { hasNextPage endCursor } } " + QUERY_ERROR + " } } "
            + QUERY_ERROR + " } } }";

    /** The owner team (an experimental field: the client opts in with compass-beta) and its members. */
    public static final String OWNER_TEAM = "query ownerTeam($id: ID!) { compass { component(id: $id) { __typename "
            + "... on CompassComponent { id name ownerId ownerTeam { id displayName description members { nodes { "
            + "member { accountId name } role } } } } " + QUERY_ERROR + " } } }";

    /** A component's events in a time window, newest first, with the deployment and incident details. */
    public static final String EVENTS = "query events($id: ID!, $query: CompassEventsQuery) { compass { component(id: "
            + "$id) { __typename ... on CompassComponent { id name events(query: $query) { __typename ... on "
            + "CompassEventConnection { nodes { displayName description eventType url lastUpdated ... on "
            + "CompassDeploymentEvent { deploymentProperties { state environment { category displayName } } } ... on "
            + "CompassIncidentEvent { incidentProperties { state severity { label level } } } } pageInfo { "
            + "hasNextPage endCursor } } " + QUERY_ERROR + " } } " + QUERY_ERROR + " } } }";

    public static final String COMPONENT_TYPES = "query componentTypes($cloudId: ID!, $query: "
            + "CompassComponentTypeQueryInput) { compass { componentTypes(cloudId: $cloudId, query: $query) { "
            + "__typename ... on CompassComponentTypeConnection { nodes { id name description } pageInfo { "
            + "hasNextPage endCursor } } " + QUERY_ERROR + " } } }";

    /** Sets only the fields present in the input; answers {@code success} and {@code errors}. */
    public static final String UPDATE_COMPONENT = "mutation updateComponent($input: UpdateCompassComponentInput!) { "
            + "compass { updateComponent(input: $input) { success errors { message extensions { statusCode "
            + "errorType } } componentDetails { id name description ownerId } } } }";

    public static final String ADD_LABELS = "mutation addLabels($input: AddCompassComponentLabelsInput!) { compass { "
            + "addComponentLabels(input: $input) { success errors { message extensions { statusCode errorType } } } } }";

    private CompassQueries() {
    }
}
