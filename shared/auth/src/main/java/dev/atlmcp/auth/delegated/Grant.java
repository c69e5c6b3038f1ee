package dev.atlmcp.auth.delegated;

import java.time.Instant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A person's grant for one product: Atlassian's access and refresh tokens, when the access token expires, the site it
 * reaches (cloud id), the scopes the person granted, and who they signed in as (their person claim, for the
 * administrators' listing; {@code null} for grants stored before this was kept). Only {@link #sealedJson} ever leaves
 * memory, sealed.
 */
public record Grant(String accessToken, String refreshToken, Instant accessExpiresAt, String cloudId, String scopes,
        Instant connectedAt, Instant refreshedAt, String subject) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The secret part, as the JSON that is sealed into the vault row. */
    String sealedJson() {
        return JSON.createObjectNode().put("access_token", accessToken).put("refresh_token", refreshToken).put(
                "cloud_id", cloudId).put("scopes", scopes).put("subject", subject).toString();
    }

    /** The same grant, for this site and person. */
    Grant of(String siteCloudId, String personSubject) {
        return new Grant(accessToken, refreshToken, accessExpiresAt, siteCloudId, scopes, connectedAt, refreshedAt,
                personSubject);
    }

    static Grant fromRow(String json, Instant accessExpiresAt, Instant connectedAt, Instant refreshedAt) {
        try {
            JsonNode node = JSON.readTree(json);
            return new Grant(node.path("access_token").asText(), node.path("refresh_token").asText(), accessExpiresAt,
                    node.path("cloud_id").asText(), node.path("scopes").asText(), connectedAt, refreshedAt, node.path(
                            "subject").textValue());
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
