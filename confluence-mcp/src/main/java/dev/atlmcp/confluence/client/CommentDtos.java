package dev.atlmcp.confluence.client;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** New comments as Confluence takes them (Cloud v2 footer comments, Data Center v1 content) and what it answers. */
public final class CommentDtos {

    /** The body of a new comment, in the shape of the site it is sent to. */
    public sealed interface NewComment permits NewFooterComment, NewDataCenterComment {
    }

    private CommentDtos() {
    }

    /**
     * Cloud: {@code representation} is {@code atlas_doc_format} with the ADF document as a JSON string; a reply names
     * its parent comment instead of the page.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NewFooterComment(String pageId, String parentCommentId, Body body) implements NewComment {
    }

    public record Body(String representation, String value) {
    }

    /** Data Center: a {@code comment} content whose container is the page; a reply has its parent as ancestor. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NewDataCenterComment(String type, Container container, List<Container> ancestors,
            DataCenterBody body) implements NewComment {
    }

    public record Container(String id, String type) {
    }

    public record DataCenterBody(Body storage) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Created(String id, PageDtos.Links _links) {
    }

    /** A page of a page's comments (Cloud v2 footer comments, Data Center v1 child comments). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CommentList(List<Created> results, ListLinks _links) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ListLinks(String next) {
    }
}
