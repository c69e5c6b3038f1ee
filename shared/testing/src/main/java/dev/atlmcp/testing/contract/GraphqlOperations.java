package dev.atlmcp.testing.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import graphql.validation.ValidationError;
import graphql.validation.Validator;

/**
 * Compass publishes no schema file: each GraphQL document a server sent is parsed and validated against the schema the
 * sandbox serves ({@code sandbox/compass/schema.graphqls}, written from Atlassian's schema). This shows only that the
 * server and the sandbox agree; the operations not confirmed against a live site are marked in {@code CompassQueries}.
 */
final class GraphqlOperations {

    /**
     * The operation's name (its kind and first field when anonymous), what is wrong with it, if anything, and the OAuth
     * scopes its fields need (the schema's {@code @oauthScopes}).
     */
    record Checked(String operation, Optional<String> problem, Set<String> scopes) {
        Checked(String operation, String problem) {
            this(operation, Optional.of(problem), Set.of());
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final GraphQLSchema schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(
            sdl()));

    Checked check(String body) {
        String query;
        Map<String, Object> variables;
        try {
            JsonNode request = JSON.readTree(body == null ? "" : body);
            query = request == null ? null : request.path("query").asText(null);
            variables = request == null || !request.path("variables").isObject() ? Map.of() : JSON.convertValue(
                    request.get("variables"), new TypeReference<Map<String, Object>>() {
                    });
        } catch (IOException e) {
            return new Checked("(not JSON)", "the GraphQL request body is not JSON");
        }
        if (query == null) {
            return new Checked("(no query)", "the GraphQL request has no query");
        }
        Document document;
        try {
            document = Parser.parse(query);
        } catch (InvalidSyntaxException e) {
            return new Checked("(unparseable)", "the GraphQL document does not parse: " + e.getMessage());
        }
        String operation = name(document);
        List<ValidationError> errors = new Validator().validateDocument(schema, document, Locale.ENGLISH);
        if (!errors.isEmpty()) {
            return new Checked(operation, operation + " does not validate against the schema: " + errors.get(0)
                    .getMessage());
        }
        return new Checked(operation, Optional.empty(), scopes(document, variables));
    }

    /** Every scope named by {@code @oauthScopes} on a field the document selects. */
    private Set<String> scopes(Document document, Map<String, Object> variables) {
        Set<String> scopes = new TreeSet<>();
        QueryTraverser.newQueryTraverser().schema(schema).document(document).variables(variables).build()
                .visitPreOrder(new QueryVisitorStub() {
                    @Override
                    public void visitField(QueryVisitorFieldEnvironment field) {
                        GraphQLAppliedDirective needs = field.getFieldDefinition().getAppliedDirective("oauthScopes");
                        if (needs != null && needs.getArgument("required").getValue() instanceof List<?> required) {
                            required.forEach(scope -> scopes.add(String.valueOf(scope)));
                        }
                    }
                });
        return scopes;
    }

    private static String name(Document document) {
        return document.getDefinitionsOfType(OperationDefinition.class).stream().findFirst().map(op -> {
            String kind = op.getOperation().name().toLowerCase(Locale.ROOT);
            if (op.getName() != null) {
                return kind + " " + op.getName();
            }
            return kind + " { " + op.getSelectionSet().getSelectionsOfType(Field.class).stream().findFirst().map(
                    Field::getName).orElse("?") + " }";
        }).orElse("(no operation)");
    }

    private static String sdl() {
        try (InputStream in = GraphqlOperations.class.getClassLoader().getResourceAsStream(
                "sandbox/compass/schema.graphqls")) {
            if (in == null) {
                throw new IllegalStateException("sandbox/compass/schema.graphqls is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
