package dev.atlmcp.confluence.client;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A page as the tools show it, the same for Cloud and Data Center: the body is ADF (Data Center storage format is
 * converted). People are shown by name where the API names them, else by account id. {@code source} is the body as
 * Confluence sent it, ADF JSON text on Cloud and storage format on Data Center, for edits that keep it as it is.
 */
public record PageView(String id, String title, String spaceKey, String spaceName, int version, String updatedBy,
        String updatedAt, List<String> labels, List<Ancestor> ancestors, String parentId, String url, JsonNode body,
        String creatorId, String source) {

    public record Ancestor(String id, String title) {
    }

    /** The body of a page with nothing on it. */
    public static final String EMPTY_DOC = "{\"type\":\"doc\",\"version\":1,\"content\":[]}";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** ADF JSON text as a document; blank is an empty document. */
    public static JsonNode adf(String value) {
        try {
            return JSON.readTree(value == null || value.isBlank() ? EMPTY_DOC : value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Confluence returned a page body that is not valid ADF", e);
        }
    }
}
