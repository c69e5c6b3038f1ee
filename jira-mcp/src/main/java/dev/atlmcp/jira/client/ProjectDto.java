package dev.atlmcp.jira.client;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A project as Jira returns it from {@code /project/{key}}: lead, issue types, components, versions. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProjectDto(String id, String key, String name, String description, String projectTypeKey,
        IssueDto.User lead, List<IssueType> issueTypes, List<Component> components, List<Version> versions) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record IssueType(String id, String name, Boolean subtask) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Component(String id, String name, String description) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Version(String id, String name, Boolean released, String releaseDate) {
    }
}
