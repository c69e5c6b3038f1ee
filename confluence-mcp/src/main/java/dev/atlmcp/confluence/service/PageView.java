package dev.atlmcp.confluence.service;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

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
}
