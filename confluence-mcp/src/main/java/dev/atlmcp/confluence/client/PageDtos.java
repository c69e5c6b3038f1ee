package dev.atlmcp.confluence.client;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import dev.atlmcp.platform.content.InlineText;

/** Pages and spaces as Confluence returns them: Cloud v2 and Data Center v1 differ in shape. */
public final class PageDtos {

    private PageDtos() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CloudPage(String id, @JsonDeserialize(using = InlineText.class) String title, String spaceId,
            String parentId, String authorId,
            String createdAt, CloudVersion version, Bodies body, CloudLabels labels, Links _links) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CloudVersion(int number, String message, String authorId, String createdAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CloudLabels(List<Label> results) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CloudSpace(String id, String key, @JsonDeserialize(using = InlineText.class) String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DataCenterPage(String id, String type, @JsonDeserialize(using = InlineText.class) String title,
            DataCenterSpace space, DataCenterVersion version,
            List<Ancestor> ancestors, Bodies body, Metadata metadata, History history, Links _links) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record History(Person createdBy) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DataCenterSpace(String key, @JsonDeserialize(using = InlineText.class) String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DataCenterVersion(int number, String message, String when, Person by) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Person(String accountId, String username, String userKey,
            @JsonDeserialize(using = InlineText.class) String displayName) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Ancestor(String id, @JsonDeserialize(using = InlineText.class) String title) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Metadata(CloudLabels labels) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Label(String name, String prefix) {
    }

    /** {@code storage.value} is XHTML; {@code atlas_doc_format.value} is ADF serialised as a JSON string. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Bodies(Body storage, @JsonProperty("atlas_doc_format") Body atlasDocFormat) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Body(String value, String representation) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Links(String webui, String base) {
    }
}
