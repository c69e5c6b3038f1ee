package dev.atlmcp.jira.client;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import dev.atlmcp.platform.content.InlineText;

/**
 * A project as Jira returns it from {@code /project/{key}}: lead, issue types, components, versions. Names and
 * descriptions are shown outside data fences, so they are read as {@link InlineText one line of plain text}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProjectDto(String id, String key, @JsonDeserialize(using = InlineText.class) String name,
        @JsonDeserialize(using = InlineText.class) String description, String projectTypeKey,
        IssueDto.User lead, List<IssueType> issueTypes, List<Component> components, List<Version> versions) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record IssueType(String id, @JsonDeserialize(using = InlineText.class) String name, Boolean subtask) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Component(String id, @JsonDeserialize(using = InlineText.class) String name,
            @JsonDeserialize(using = InlineText.class) String description) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Version(String id, @JsonDeserialize(using = InlineText.class) String name, Boolean released,
            String releaseDate) {
    }
}
