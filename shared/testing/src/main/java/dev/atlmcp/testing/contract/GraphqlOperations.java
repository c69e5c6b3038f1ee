package dev.atlmcp.testing.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
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

    /** The operation's name (its kind and first field when anonymous), and what is wrong with it, if anything. */
    record Checked(String operation, Optional<String> problem) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final GraphQLSchema schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(
            sdl()));

    Checked check(String body) {
        String query;
        try {
            JsonNode request = JSON.readTree(body == null ? "" : body);
            query = request == null ? null : request.path("query").asText(null);
        } catch (IOException e) {
            return new Checked("(not JSON)", Optional.of("the GraphQL request body is not JSON"));
        }
        if (query == null) {
            return new Checked("(no query)", Optional.of("the GraphQL request has no query"));
        }
        Document document;
        try {
            document = Parser.parse(query);
        } catch (InvalidSyntaxException e) {
            return new Checked("(unparseable)", Optional.of("the GraphQL document does not parse: " + e
                    .getMessage()));
        }
        String operation = name(document);
        List<ValidationError> errors = new Validator().validateDocument(schema, document, Locale.ENGLISH);
        return new Checked(operation, errors.isEmpty() ? Optional.empty() : Optional.of(operation + " does not "
                + "validate against the schema: " + errors.get(0).getMessage()));
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
