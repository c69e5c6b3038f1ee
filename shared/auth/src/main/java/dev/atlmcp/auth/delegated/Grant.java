package dev.atlmcp.auth.delegated;

import java.time.Instant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A person's grant for one product: Atlassian's access and refresh tokens, when the access token expires, the site it
 * reaches (cloud id) and the scopes the person granted. Only {@link #sealedJson} ever leaves memory, sealed.
 */
public record Grant(String accessToken, String refreshToken, Instant accessExpiresAt, String cloudId, String scopes,
        Instant connectedAt, Instant refreshedAt) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The secret part, as the JSON that is sealed into the vault row. */
    String sealedJson() {
        return JSON.createObjectNode().put("access_token", accessToken).put("refresh_token", refreshToken).put(
                "cloud_id", cloudId).put("scopes", scopes).toString();
    }

    static Grant fromRow(String json, Instant accessExpiresAt, Instant connectedAt, Instant refreshedAt) {
        try {
            JsonNode node = JSON.readTree(json);
            return new Grant(node.path("access_token").asText(), node.path("refresh_token").asText(), accessExpiresAt,
                    node.path("cloud_id").asText(), node.path("scopes").asText(), connectedAt, refreshedAt);
        } catch (JsonProcessingException e) {
            throw new VaultKeys.UnreadableGrant("its content is not a grant");
        }
    }

    /** Tokens never show in logs or exceptions. */
    @Override
    public String toString() {
        return "Grant[cloudId=" + cloudId + ", scopes=" + scopes + ", accessExpiresAt=" + accessExpiresAt + "]";
    }
}
