package dev.atlmcp.compass.service;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.atlmcp.platform.changes.AgentChange;
import dev.atlmcp.platform.writes.WriteGate;
import dev.atlmcp.platform.writes.WritePipeline;
import dev.atlmcp.compass.client.CompassCatalog;
import dev.atlmcp.compass.client.ComponentDto;

/**
 * Compass's part of the write pipeline: what a Compass write previews and is confirmed against, the change record
 * carried in the change id, and the agent label.
 */
@ApplicationScoped
public class ChangeSender {

    private final WritePipeline pipeline;
    private final CompassCatalog catalog;

    ChangeSender(WritePipeline pipeline, CompassCatalog catalog) {
        this.pipeline = pipeline;
        this.catalog = catalog;
    }

    /**
     * Approves and sends one write.
     *
     * @param mutation
     *            the GraphQL mutation, e.g. updateComponent
     * @param input
     *            its input, for the preview and the dry run
     * @param howToCheck
     *            how the caller sees whether a write with an unknown outcome happened
     */
    public <T> T send(String tool, String what, String mutation, JsonNode input, ComponentDto component,
            String howToCheck, boolean dryRun, String confirmationToken, Supplier<T> write) {
        return pipeline.send(new WriteGate.Write(tool, what, "POST", "/graphql " + mutation, input,
                () -> component == null ? ""
                        : String.join("\n", component.lastModified(), component.name(), String.valueOf(component
                                .description()), String.valueOf(component.ownerId()), String.valueOf(
                                        component
                                                .labels()),
                                String.valueOf(component.links()))),
                dryRun, confirmationToken, howToCheck, write);
    }

    /** A new change by the caller; its id carries the signed record. */
    public AgentChange start(String tool, String action, String item, String summary, JsonNode before,
            JsonNode after) {
        AgentChange change = pipeline.start(tool, action, item, summary, before, after);
        return CompassChangeIds.encode(change, pipeline.sealed(change));
    }

    /** Audits a change just written and labels the component for the operator; returns notes for the caller. */
    public List<String> recorded(AgentChange change, ComponentDto component) {
        List<String> notes = new ArrayList<>(pipeline.recorded(change).stream().toList());
        pipeline.mark(component.name(), label -> catalog.addLabels(component.id(), List.of(label)), "The change was "
                + "made").ifPresent(notes::add);
        return notes;
    }

    /** Audits a change just written that is not on one component; returns notes for the caller. */
    public List<String> recorded(AgentChange change) {
        return new ArrayList<>(pipeline.recorded(change).stream().toList());
    }

    /** The change behind an id if the caller may undo it. */
    public AgentChange undoable(String changeId) {
        ObjectNode record = CompassChangeIds.record(changeId);
        return pipeline.undoable(record.path("changeId").asText(), record, "the answer of the change").withId(changeId
                .trim());
    }

    public List<String> undone(AgentChange change) {
        return pipeline.undoListed(pipeline.undone(change)).stream().toList();
    }
}
