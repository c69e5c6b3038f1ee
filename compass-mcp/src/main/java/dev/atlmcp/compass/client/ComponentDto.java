package dev.atlmcp.compass.client;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import io.quarkus.runtime.annotations.RegisterForReflection;

import dev.atlmcp.platform.content.InlineText;

/**
 * A component as the GraphQL queries of this server select it. Jackson binds it from GraphQL answers read as trees,
 * which no REST client signature shows, so it is registered for reflection (native builds) with its nested types.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record ComponentDto(String id, @JsonDeserialize(using = InlineText.class) String name, String description,
        String typeId, String slug, String state,
        String url, String ownerId, List<Label> labels, List<Link> links, List<CustomField> customFields,
        List<Scorecard> scorecards, List<Score> scorecardScores, ChangeMetadata changeMetadata) {

    /** When a person last changed the component; every change moves it on. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ChangeMetadata(String lastUserModificationAt) {
    }

    /** {@link ChangeMetadata#lastUserModificationAt}, or empty if the site did not say. */
    public String lastModified() {
        return changeMetadata == null || changeMetadata.lastUserModificationAt() == null ? ""
                : changeMetadata.lastUserModificationAt();
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Label(String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Link(String id, @JsonDeserialize(using = InlineText.class) String name, String type, String url) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Scorecard(String id, String name, String importance) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Score(String scorecardId, Integer totalScore, Integer maxTotalScore, String status) {
    }

    /** Text, number, boolean or select values; only the one matching the field's type is set. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CustomField(Definition definition, String textValue, Double numberValue, Boolean booleanValue,
            String userIdValue, Option option, List<Option> options) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Definition(String id, String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Option(String id, String value) {
    }
}
