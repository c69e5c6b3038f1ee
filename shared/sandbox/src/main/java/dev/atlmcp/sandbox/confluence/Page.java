package dev.atlmcp.sandbox.confluence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.atlmcp.sandbox.SandboxUser;

/** A Confluence page with its full version history; the body of each version is kept as ADF and as storage format. */
final class Page {

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
    final Space space;
    final String parentId;
    final SandboxUser creator;
    final Instant createdAt;
    final List<Version> versions = new ArrayList<>();
    final List<String> labels = new ArrayList<>();
    final List<Comment> comments = new ArrayList<>();
    final List<Attachment> attachments = new ArrayList<>();
    /** Ids from the space root down to the parent. */
    final List<String> ancestorIds = new ArrayList<>();
    /** Content properties: key to value and version. */
    final java.util.Map<String, Property> properties = new java.util.LinkedHashMap<>();

    record Property(String id, JsonNode value, int version) {
    }

    /** A file attached to the page. */
    record Attachment(String id, String title, String mediaType, byte[] content, SandboxUser author,
            Instant createdAt) {
    }

    Page(String id, Space space, String parentId, SandboxUser creator, Instant createdAt) {
        this.id = id;
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
