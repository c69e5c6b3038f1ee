package dev.atlmcp.confluence.service;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.atlmcp.platform.changes.AgentChange;
import dev.atlmcp.platform.writes.WritePipeline;
import dev.atlmcp.platform.changes.ChangeIds;
import dev.atlmcp.confluence.client.ConfluenceSite;

/**
 * Content properties of pages: read, create, and update with the next version; the v2 page properties on Cloud (v1
 * content properties there are deprecated; both name the same properties, so records written through v1 read back), v1
 * on Data Center.
 */
@ApplicationScoped
public class ConfluenceProperties {

    /** A property as stored: its id, value and version number. */
    public record Property(String id, JsonNode value, int version) {
    }

    private final ConfluenceSite site;
    private final WritePipeline pipeline;

    ConfluenceProperties(ConfluenceSite site, WritePipeline pipeline) {
        this.pipeline = pipeline;
        this.site = site;
    }

    /** Content property holding one change record; the change id's suffix follows. */
    static final String CHANGE_PROPERTY = "atlmcp.change.";
    private static final int MAX_PROPERTY = 32_768;
    private static final int LISTED_PER_PAGE = 100;
    private static final int MAX_LISTED_PAGES = 50;

    static String changeKey(String changeId) {
        return CHANGE_PROPERTY + ChangeIds.suffix(changeId);
    }

    private static JsonNode fitting(ObjectNode value) {
        if (value.toString().length() > MAX_PROPERTY) {
            throw new IllegalStateException("change record over " + MAX_PROPERTY + " characters");
        }
        return value;
    }

    /**
     * Stores a change record on its page after the change (which has happened, so a failure becomes a note) and lists
     * the change for the caller.
     */
    Optional<String> keep(AgentChange change, String done, String fallback) {
        return pipeline.record(change, record -> create(change.item(), changeKey(change.id()), fitting(record)), done,
                fallback);
    }

    /**
     * Marks a change record undone after an undo that could not carry it, and lists the undo; failures become notes.
     */
    List<String> markUndone(AgentChange undone, Property stored, String done) {
        return pipeline.undoRecorded(undone, record -> update(undone.item(), changeKey(undone.id()), fitting(record),
                stored), done);
    }

    /**
     * {@code state} with, on Data Center, the number of change records the page holds. Each confirmed write leaves one
     * and an undo keeps it, so a confirmation token pinned to this names a state no later write returns to, even when
     * the comments or labels are as they were after an undo. Cloud needs none: there each caller's used tokens are kept
     * in a user property every replica reads.
     */
    String withChangeRecords(String pageId, String state) {
        return site.countPageProperties(pageId, CHANGE_PROPERTY, LISTED_PER_PAGE, MAX_LISTED_PAGES).map(
                records -> state + ":records=" + records).orElse(state);
    }

    public Optional<Property> read(String pageId, String key) {
        return site.pageProperty(pageId, key).map(ConfluenceProperties::property);
    }

    private static Property property(JsonNode p) {
        return new Property(p.path("id").asText(), p.path("value"), p.path("version").path("number").asInt(1));
    }

    public void create(String pageId, String key, JsonNode value) {
        ObjectNode property = JsonNodeFactory.instance.objectNode().put("key", key);
        property.set("value", value);
        site.createPageProperty(pageId, property);
    }

    /** Replaces the value of {@code current}, which must still be the property's latest version. */
    public void update(String pageId, String key, JsonNode value, Property current) {
        ObjectNode property = JsonNodeFactory.instance.objectNode().put("key", key);
        property.set("value", value);
        property.putObject("version").put("number", current.version() + 1);
        site.updatePageProperty(pageId, key, current.id(), property);
    }
}
