package dev.atlmcp.adf;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** The ADF JSON schema (draft-04) from @atlaskit/adf-schema 57.7.22, for checking what the converters emit. */
final class AdfSchema {

    private static final JsonSchema SCHEMA = load();

    private AdfSchema() {
    }

    /** The schema's complaints about a document; empty when it is valid. */
    static String problems(JsonNode doc) {
        Set<ValidationMessage> messages = SCHEMA.validate(doc);
        return messages.stream().map(ValidationMessage::getMessage).distinct().sorted().limit(20).collect(Collectors
                .joining("\n"));
    }

    private static JsonSchema load() {
        try (InputStream in = AdfSchema.class.getResourceAsStream(
                "/schema/adf-schema-v1-full.atlaskit-adf-schema-57.7.22.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
