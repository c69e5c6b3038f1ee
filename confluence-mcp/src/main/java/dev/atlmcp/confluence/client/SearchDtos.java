package dev.atlmcp.confluence.client;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The v1 search response, the same on Cloud and Data Center apart from how {@code _links.next} pages. */
public final class SearchDtos {

    private SearchDtos() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SearchPage(List<Result> results, Integer start, Integer size, Integer totalSize, Links _links) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Result(Content content, String title, String excerpt, String url, Container resultGlobalContainer,
            String lastModified, String entityType) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Content(String id, String type, String title) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Container(String title, String displayUrl) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Links(String next, String base) {
    }
}
