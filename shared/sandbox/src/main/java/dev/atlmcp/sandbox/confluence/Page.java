package dev.atlmcp.sandbox.confluence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.atlmcp.sandbox.SandboxUser;

/**
 * A Confluence page or blog post with its full version history; the body of each version is kept as ADF and as storage
 * format. A page's place (space and parent) changes when it is moved.
 */
final class Page {

    static final String PAGE = "page";
    static final String BLOG_POST = "blogpost";

    record Version(int number, String title, JsonNode adf, String storage, SandboxUser author, Instant createdAt,
            String message) {
    }

    /**
     * A comment, kept as ADF and as storage format like page bodies: a footer comment, a reply ({@code parentId}), or
     * an inline comment anchored to the page text marked {@code markerRef} ({@code selection} is that text).
     */
    record Comment(String id, JsonNode adf, String storage, SandboxUser author, Instant createdAt, String parentId,
            String markerRef, String selection, boolean resolved) {

        boolean inline() {
            return markerRef != null;
        }
    }

    final String id;
    /** {@link #PAGE} or {@link #BLOG_POST}. */
    final String type;
    volatile Space space;
    volatile String parentId;
    final SandboxUser creator;
    final Instant createdAt;
    final List<Version> versions = new ArrayList<>();
    final List<String> labels = new ArrayList<>();
    final List<Comment> comments = new ArrayList<>();
    final List<Attachment> attachments = new ArrayList<>();
    /** Ids from the space root down to the parent; replaced when the page moves. */
    volatile List<String> ancestorIds = List.of();
    /** Restrictions by operation ({@code read}, {@code update}): who may, when someone is named. */
    final java.util.Map<String, Restriction> restrictions = new java.util.concurrent.ConcurrentHashMap<>();
    /** Content properties: key to value and version. */
    final java.util.Map<String, Property> properties = new java.util.LinkedHashMap<>();

    record Property(String id, JsonNode value, int version) {
    }

    /** A file attached to the page. */
    record Attachment(String id, String title, String mediaType, byte[] content, SandboxUser author,
            Instant createdAt) {
    }

    /** The people and groups an operation on the page is restricted to. */
    record Restriction(java.util.Set<SandboxUser> users, java.util.Set<String> groups) {

        boolean allows(SandboxUser user) {
            return users.contains(user) || groups.stream().anyMatch(g -> Groups.members(g).contains(user));
        }
    }

    Page(String id, Space space, String parentId, SandboxUser creator, Instant createdAt) {
        this(id, PAGE, space, parentId, creator, createdAt);
    }

    Page(String id, String type, Space space, String parentId, SandboxUser creator, Instant createdAt) {
        this.id = id;
        this.type = type;
        this.space = space;
        this.parentId = parentId;
        this.creator = creator;
        this.createdAt = createdAt;
    }

    Version current() {
        return versions.get(versions.size() - 1);
    }

    String title() {
        return current().title();
    }
}
