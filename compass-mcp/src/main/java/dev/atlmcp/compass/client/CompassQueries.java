package dev.atlmcp.compass.client;

/**
 * The GraphQL operations this server sends, written against the field and argument names of Atlassian's schema. Every
 * union result selects {@code QueryError} so a failed lookup is told apart from an empty one.
 */
final class CompassQueries {

    static final String COMPONENT_FIELDS = """
            id name description typeId slug state url ownerId labels { name } links { id name type url }
            customFields { definition { id name }
              ... on CompassCustomTextField { textValue }
              ... on CompassCustomNumberField { numberValue }
              ... on CompassCustomBooleanField { booleanValue }
              ... on CompassCustomUserField { userIdValue }
              ... on CompassCustomSingleSelectField { option { id value } }
              ... on CompassCustomMultiSelectField { options { id value } } }
            scorecards { id name importance } scorecardScores { scorecardId totalScore maxTotalScore status }
            changeMetadata { lastUserModificationAt }""";

    static final String QUERY_ERROR = "... on QueryError { __typename message extensions { statusCode errorType } }";

    static final String ERRORS = "errors { message extensions { statusCode errorType } }";

    static final String COMPONENT_BY_ID = "query component($id: ID!) { compass { component(id: $id) { "
            + "__typename ... on CompassComponent { " + COMPONENT_FIELDS + " } " + QUERY_ERROR + " } } }";

    static final String COMPONENT_BY_SLUG = "query componentBySlug($slug: String!, $cloudId: ID!) { compass { "
            + "componentByReference(reference: { slug: { slug: $slug, cloudId: $cloudId } }) { __typename "
            + "... on CompassComponent { " + COMPONENT_FIELDS + " } " + QUERY_ERROR + " } } }";

    static final String SEARCH = search("searchComponents");

    /** The same search, over the components of the teams of the account whose credentials are used. */
    static final String MY_COMPONENTS = search("myComponents");

    /** One page of a component's relationships of one type, INWARD (others to it) or OUTWARD. */
    static final String RELATIONSHIPS = "query relationships($id: ID!, $query: CompassRelationshipQuery) { "
            + "compass { component(id: $id) { __typename ... on CompassComponent { id name relationships(query: "
            + "$query) { __typename ... on CompassRelationshipConnection { nodes { relationshipType startNode { id "
            + "name } endNode { id name } } pageInfo { hasNextPage endCursor } } " + QUERY_ERROR + " } } "
            + QUERY_ERROR + " } } }";

    /** The owner team (an experimental field: the client opts in with compass-beta) and its members. */
    static final String OWNER_TEAM = "query ownerTeam($id: ID!) { compass { component(id: $id) { __typename "
            + "... on CompassComponent { id name ownerId ownerTeam { id displayName description members { nodes { "
            + "member { accountId name } role } } } } " + QUERY_ERROR + " } } }";

    /** A component's events in a time window, newest first, with the deployment and incident details. */
    static final String EVENTS = "query events($id: ID!, $query: CompassEventsQuery) { compass { component(id: "
            + "$id) { __typename ... on CompassComponent { id name events(query: $query) { __typename ... on "
            + "CompassEventConnection { nodes { displayName description eventType url lastUpdated ... on "
            + "CompassDeploymentEvent { deploymentProperties { state environment { category displayName } } } ... on "
            + "CompassIncidentEvent { incidentProperties { state severity { label level } } } } pageInfo { "
            + "hasNextPage endCursor } } " + QUERY_ERROR + " } } " + QUERY_ERROR + " } } }";

    /** A component's metric sources, each with its definition and latest value. */
    static final String METRICS = "query metrics($id: ID!, $query: CompassComponentMetricSourcesQuery) { compass { "
            + "component(id: $id) { __typename ... on CompassComponent { id name metricSources(query: $query) { "
            + "__typename ... on CompassComponentMetricSourcesConnection { nodes { id title url metricDefinition { id "
            + "name description format { __typename ... on CompassMetricDefinitionFormatSuffix { suffix } } } "
            + "values(query: { first: 1 }) { __typename ... on CompassMetricSourceValuesConnection { nodes { value "
            + "timestamp } } " + QUERY_ERROR + " } } pageInfo { hasNextPage endCursor } } " + QUERY_ERROR + " } } "
            + QUERY_ERROR + " } } }";

    static final String COMPONENT_TYPES = "query componentTypes($cloudId: ID!, $query: "
            + "CompassComponentTypeQueryInput) { compass { componentTypes(cloudId: $cloudId, query: $query) { "
            + "__typename ... on CompassComponentTypeConnection { nodes { id name description } pageInfo { "
            + "hasNextPage endCursor } } " + QUERY_ERROR + " } } }";

    /**
     * The criteria of a component's scorecards and the component's score in each. [UNVERIFIED] field names: asked apart
     * so a site whose schema differs still answers the scores.
     */
    static final String SCORECARD_CRITERIA = "query criteria($id: ID!) { compass { component(id: $id) { __typename "
            + "... on CompassComponent { scorecards { id criterias { id name weight } scorecardScore(query: { "
            + "componentId: $id }) { criteriaScores { criterionId score maxScore } } } } " + QUERY_ERROR + " } } }";

    static final String CUSTOM_FIELD_DEFINITIONS = "query customFieldDefinitions($query: "
            + "CompassCustomFieldDefinitionsQuery!) { compass { customFieldDefinitions(query: $query) { __typename "
            + "... on CompassCustomFieldDefinitionsConnection { nodes { __typename id name description ... on "
            + "CompassCustomSingleSelectFieldDefinition { options { id value } } ... on "
            + "CompassCustomMultiSelectFieldDefinition { options { id value } } } } " + QUERY_ERROR + " } } }";

    /** {@code cloudId} is an argument of the field, not part of the input. */
    static final String CREATE_COMPONENT = "mutation createComponent($cloudId: ID!, $input: "
            + "CreateCompassComponentInput!) { compass { createComponent(cloudId: $cloudId, input: $input) { success "
            + "errors { message extensions { statusCode errorType } } componentDetails { " + COMPONENT_FIELDS
            + " } } } }";

    /**
     * Sets only the fields present in the input (custom fields: [UNVERIFIED] beyond textField); answers {@code success}
     * and {@code errors}.
     */
    static final String UPDATE_COMPONENT = "mutation updateComponent($input: UpdateCompassComponentInput!) { "
            + "compass { updateComponent(input: $input) { success errors { message extensions { statusCode "
            + "errorType } } } } }";

    static final String ADD_LABELS = "mutation addLabels($input: AddCompassComponentLabelsInput!) { compass { "
            + "addComponentLabels(input: $input) { success " + ERRORS + " addedLabels { name } } } }";

    /** [UNVERIFIED] input: the same shape as addComponentLabels. */
    static final String REMOVE_LABELS = "mutation removeLabels($input: RemoveCompassComponentLabelsInput!) { "
            + "compass { removeComponentLabels(input: $input) { success " + ERRORS + " } } }";

    static final String CREATE_LINK = "mutation createLink($input: CreateCompassComponentLinkInput!) { compass { "
            + "createComponentLink(input: $input) { success " + ERRORS + " createdComponentLink { id name type url } "
            + "} } }";

    /** [UNVERIFIED] input {componentId, link: <link id>}, as public clients send it. */
    static final String DELETE_LINK = "mutation deleteLink($input: DeleteCompassComponentLinkInput!) { compass { "
            + "deleteComponentLink(input: $input) { success " + ERRORS + " deletedCompassLinkId } } }";

    /** startNode depends on (or is a child of) endNode. */
    static final String CREATE_RELATIONSHIP = "mutation createRelationship($input: CreateCompassRelationshipInput!) "
            + "{ compass { createRelationship(input: $input) { success " + ERRORS + " } } }";

    /** Records an event on a component; Compass has no operation that removes one. */
    static final String CREATE_EVENT = "mutation createEvent($input: CompassCreateEventInput!) { compass { "
            + "createCompassEvent(input: $input) { success " + ERRORS + " } } }";

    static final String DELETE_RELATIONSHIP = "mutation deleteRelationship($input: DeleteCompassRelationshipInput!) "
            + "{ compass { deleteRelationship(input: $input) { success " + ERRORS + " } } }";

    /** [UNVERIFIED] one member by kind, e.g. {textFieldDefinition: {cloudId, name, description, componentTypeIds}}. */
    static final String CREATE_FIELD_DEFINITION = "mutation createFieldDefinition($input: "
            + "CompassCreateCustomFieldDefinitionInput!) { compass { createCustomFieldDefinition(input: $input) { "
            + "success " + ERRORS + " customFieldDefinition { __typename id name } } } }";

    /** [UNVERIFIED] deletes the definition and every component's value of it. */
    static final String DELETE_FIELD_DEFINITION = "mutation deleteFieldDefinition($input: "
            + "CompassDeleteCustomFieldDefinitionInput!) { compass { deleteCustomFieldDefinition(input: $input) { "
            + "success " + ERRORS + " deletedCustomFieldDefinitionId } } }";

    /** Components with the custom fields they have values for, page by page. */
    static final String FIELD_VALUES = "query fieldValues($cloudId: String!, $query: CompassSearchComponentQuery) { "
            + "compass { searchComponents(cloudId: $cloudId, query: $query) { __typename ... on "
            + "CompassSearchComponentConnection { nodes { component { id name customFields { definition { id } "
            + "... on CompassCustomTextField { textValue } ... on CompassCustomNumberField { numberValue } "
            + "... on CompassCustomBooleanField { booleanValue } ... on CompassCustomUserField { userIdValue } "
            + "... on CompassCustomSingleSelectField { option { id } } ... on CompassCustomMultiSelectField { "
            + "options { id } } } } } pageInfo { hasNextPage endCursor } } " + QUERY_ERROR + " } } }";

    private static String search(String field) {
        return "query " + field + "($cloudId: String!, $query: CompassSearchComponentQuery) { compass { " + field
                + "(cloudId: $cloudId, query: $query) { __typename ... on CompassSearchComponentConnection { "
                + "totalCount nodes { link component { id name typeId slug ownerId labels { name } } } pageInfo { "
                + "hasNextPage endCursor } } " + QUERY_ERROR + " } } }";
    }

    private CompassQueries() {
    }
}
