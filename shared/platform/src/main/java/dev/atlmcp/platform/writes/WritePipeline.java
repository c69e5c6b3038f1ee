package dev.atlmcp.platform.writes;

import dev.atlmcp.platform.policy.ScopePolicy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.atlmcp.platform.changes.AgentChange;
import dev.atlmcp.platform.changes.AgentChanges;
import dev.atlmcp.platform.atlassian.AmbiguousWrite;
import dev.atlmcp.platform.atlassian.ErrorMessages;

/**
 * The steps every write of every server takes, in order: the write guard on the item actually written, the write gate
 * (dry run, confirmation, links out of the company; policy on every field is the product's check before it), one send
 * that is never retried when its outcome is unknown, the signed change record, the mark label, and the audit (through
 * {@link AgentChanges}). The gate's approval is only reachable through here, and without it no Atlassian request that
 * writes is sent ({@link WritePermit}), so a write tool that skips the pipeline fails on its first write.
 */
@ApplicationScoped
public class WritePipeline {

    private final WriteGuard guard;
    private final WriteGate gate;
    private final AgentChanges changes;
    private final ScopePolicy scope;

    WritePipeline(WriteGuard guard, WriteGate gate, AgentChanges changes, ScopePolicy scope) {
        this.guard = guard;
        this.gate = gate;
        this.changes = changes;
        this.scope = scope;
    }

    /** With {@code MCP_POLICY_WRITE_GUARD=own}: refuses unless the caller is one of the item's owners. */
    public void requireOwner(String item, String whatTheyOwn, List<String> ownerIds) {
        guard.requireOwner(item, whatTheyOwn, ownerIds);
    }

    /** Returns if the write may be sent now; otherwise answers with the dry run or the confirmation it needs. */
    public void approve(WriteGate.Write write, boolean dryRun, String confirmationToken) {
        gate.approve(write, Map.of(), null, dryRun, confirmationToken);
    }

    /** As {@link #approve(WriteGate.Write, boolean, String)}, with values the preview fixes ({@link #pinned}). */
    public void approve(WriteGate.Write write, Map<String, String> pinned, boolean dryRun, String confirmationToken) {
        gate.approve(write, pinned, null, dryRun, confirmationToken);
    }

    /**
     * As {@link #approve(WriteGate.Write, boolean, String)}, for a write that replaces {@code existing} content (a page
     * body, a description): links it already holds are not new links out of the company.
     */
    public void approveReplacing(WriteGate.Write write, JsonNode existing, boolean dryRun, String confirmationToken) {
        gate.approve(write, Map.of(), existing, dryRun, confirmationToken);
    }

    /** The value the preview fixed for {@code name}, if the token carries one. */
    public Optional<String> pinned(String tool, String confirmationToken, String name) {
        return gate.pinned(tool, confirmationToken, name);
    }

    /** Approves, then sends once. */
    public <T> T send(WriteGate.Write write, boolean dryRun, String confirmationToken, String howToCheck,
            Supplier<T> send) {
        approve(write, dryRun, confirmationToken);
        return sendApproved(write.summary(), howToCheck, send);
    }

    /**
     * Sends one approved write: a timeout, a dropped connection or a 5xx after sending is reported with
     * {@code howToCheck}, never retried.
     */
    public <T> T sendApproved(String what, String howToCheck, Supplier<T> send) {
        return AmbiguousWrite.send(what, howToCheck, send);
    }

    /** A new change by the caller, not yet stored. */
    public AgentChange start(String tool, String action, String item, String summary, JsonNode before,
            JsonNode after) {
        return changes.start(tool, action, item, summary, before, after);
    }

    /** The change record as stored, signed. */
    public ObjectNode sealed(AgentChange change) {
        return changes.sealed(change);
    }

    /**
     * Stores a change's record with {@code store} (the change has happened, so a failure becomes a note naming
     * {@code done}), audits it and lists it for the caller.
     */
    public Optional<String> record(AgentChange change, Consumer<ObjectNode> store, String done) {
        return record(change, store, done, "");
    }

    /** As {@link #record(AgentChange, Consumer, String)}; {@code fallback} ends the note when the record was lost. */
    public Optional<String> record(AgentChange change, Consumer<ObjectNode> store, String done, String fallback) {
        try {
            store.accept(sealed(change));
        } catch (RuntimeException e) {
            changes.unrecorded(change);
            return Optional.of(done + ", but its undo record could not be saved on " + change.item() + ": "
                    + ErrorMessages.describe(e, false).message() + fallback);
        }
        return changes.recorded(change);
    }

    /** Audits and lists a change whose record went with the write itself (one request). */
    public Optional<String> recorded(AgentChange change) {
        return changes.recorded(change);
    }

    /** The stored record of {@code changeId} if the caller may undo it: signed, theirs, not undone. */
    public AgentChange undoable(String changeId, JsonNode stored, String listTool) {
        return changes.undoable(changeId, stored, listTool);
    }

    /** The change marked undone now, not yet stored. */
    public AgentChange undone(AgentChange change) {
        return change.undone(changes.now());
    }

    /**
     * After an undo: stores the record marked undone with {@code store} when the undo could not carry it (a failure
     * becomes a note), audits the undo and marks it in the caller's list.
     */
    public List<String> undoRecorded(AgentChange undone, Consumer<ObjectNode> store, String done) {
        List<String> notes = new ArrayList<>();
        if (store != null) {
            try {
                store.accept(sealed(undone));
            } catch (RuntimeException e) {
                notes.add(done + ", but its change record on " + undone.item() + " could not be marked undone: "
                        + ErrorMessages.describe(e, false).message());
            }
        }
        changes.undoRecorded(undone).ifPresent(notes::add);
        return notes;
    }

    /** Audits an undo and marks it in the caller's list; its record went with the undo itself or is stored apart. */
    public Optional<String> undoListed(AgentChange undone) {
        return changes.undoRecorded(undone);
    }

    /** The label put on every item an agent writes to ({@code MCP_POLICY_MARK_LABEL}), if any. */
    public Optional<String> markLabel() {
        return scope.markLabel();
    }

    /**
     * Puts the mark label on the item with {@code label}; the write has happened, so a failure becomes a note naming
     * {@code done}.
     */
    public Optional<String> mark(String item, Consumer<String> label, String done) {
        Optional<String> mark = scope.markLabel();
        if (mark.isEmpty()) {
            return Optional.empty();
        }
        try {
            label.accept(mark.get());
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(done + ", but labelling " + item + " with '" + mark.get() + "' failed: "
                    + ErrorMessages.describe(e, false).message());
        }
    }
}
