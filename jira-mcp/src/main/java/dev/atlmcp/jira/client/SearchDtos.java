package dev.atlmcp.jira.client;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** Request and response bodies of the two JQL search endpoints. */
public final class SearchDtos {

    private SearchDtos() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TokenQuery(String jql, Integer maxResults, List<String> fields, String nextPageToken) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TokenPage(List<IssueDto> issues, String nextPageToken, Boolean isLast) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OffsetQuery(String jql, Integer startAt, Integer maxResults, List<String> fields) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OffsetPage(List<IssueDto> issues, Integer startAt, Integer maxResults, Integer total) {
    }
}
