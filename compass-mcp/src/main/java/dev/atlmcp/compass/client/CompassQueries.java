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

    /** Sets only the fields present in the input; answers {@code success} and {@code errors}. */
    public static final String UPDATE_COMPONENT = "mutation updateComponent($input: UpdateCompassComponentInput!) { "
            + "compass { updateComponent(input: $input) { success errors { message extensions { statusCode "
            + "errorType } } componentDetails { id name description ownerId } } } }";

    public static final String ADD_LABELS = "mutation addLabels($input: AddCompassComponentLabelsInput!) { compass { "
            + "addComponentLabels(input: $input) { success errors { message extensions { statusCode errorType } } } } }";

    private CompassQueries() {
    }
}
