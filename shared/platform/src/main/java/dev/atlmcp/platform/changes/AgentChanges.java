package dev.atlmcp.platform.changes;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.atlmcp.adf.Listing;
import dev.atlmcp.platform.audit.AuditTrail;
import dev.atlmcp.auth.config.ServerConfig;
import dev.atlmcp.platform.atlassian.ErrorMessages;
import dev.atlmcp.platform.errors.ToolRefusal;
import dev.atlmcp.auth.identity.IdentityMapper;
import dev.atlmcp.platform.signing.KeyRing;

/**
 * The agent changes of the signed-in caller: starting a change record, auditing it, listing it in the caller's index,
 * and checking that an undo is theirs to make. The records live with the changed items, in Atlassian, so they survive
 * restarts and are the same on every replica.
 */
@ApplicationScoped
public class AgentChanges {

    /** How many recent changes each caller's index keeps. */
    public static final int KEEP = 50;
    private static final String SIGNATURE = "sig";

    /** One line of a caller's index. */
    public record Entry(String id, Instant at, String tool, String summary, Instant undoneAt) {
    }

    private static final ObjectMapper CANONICAL = JsonMapper.builder().enable(
            JsonNodeFeature.WRITE_PROPERTIES_SORTED).build();

    private final IdentityMapper identity;
    private final AuditTrail trail;
    private final Instance<ChangeIndex> index;
    private final KeyRing keys;
    private final String purpose;
    private final Clock clock = Clock.systemUTC();

    AgentChanges(IdentityMapper identity, AuditTrail trail, Instance<ChangeIndex> index, KeyRing keys,
            ServerConfig server) {
        this.identity = identity;
        this.trail = trail;
        this.index = index;
        this.keys = keys;
        this.purpose = "change-record/" + server.product();
    }

    /**
     * The record as it is stored, signed: a MAC with the server's key over every field undo acts on (id, subject, tool,
     * action, item, the previous and new values, whether it was undone), so nobody who can edit the item can alter a
     * record or invent one.
     */
    public ObjectNode sealed(AgentChange change) {
        ObjectNode record = change.toJson();
        record.put(SIGNATURE, keys.sign(purpose, canonical(record)));
        return record;
    }

    /** A new change by the caller, not yet written. */
    public AgentChange start(String tool, String action, String item, String summary, JsonNode before,
            JsonNode after) {
        return new AgentChange(ChangeIds.next(item), tool, action, item, summary, clock.instant(), identity.caller()
                .subject(), before, after, null);
    }

    /**
     * Call once the change is written: audits it and adds it to the caller's index. Returns a note for the caller if
     * the index could not be updated (the change itself and its record are in place).
     */
    public Optional<String> recorded(AgentChange change) {
        trail.change(change.toAuditJson());
        return updateIndex(change, entries -> entries.add(0, entry(change)));
    }

    /** Call once a change is written whose record could not be kept: audits it, and lists it nowhere. */
    public void unrecorded(AgentChange change) {
        trail.change(change.toAuditJson().put("undoRecord", "not saved"));
    }

    /** Call once an undo is written: audits it and marks the change undone in the caller's index. */
    public Optional<String> undoRecorded(AgentChange undone) {
        trail.change(JsonNodeFactory.instance.objectNode().put("action", "undo").put("item", undone.item()).put(
                "undoes", undone.id()));
        return updateIndex(undone, entries -> entries.replaceAll(e -> e.id().equals(undone.id()) ? entry(undone)
                : e));
    }

    /**
     * The stored record of {@code changeId} if the caller may undo it; otherwise a refusal that says why.
     *
     * @param stored
     *            the record as read from the item
     */
    public AgentChange undoable(String changeId, JsonNode stored, String listTool) {
        requireSigned(changeId, stored);
        AgentChange change = AgentChange.fromJson(stored);
        if (!change.id().equals(changeId)) {
            throw new ToolRefusal("No agent change " + changeId + " is recorded on " + change.item() + ". List yours "
                    + "with " + listTool + ".");
        }
        if (!change.subject().equals(identity.caller().subject())) {
            throw new ToolRefusal("Change " + changeId + " was made by another person's agent; only they can undo "
                    + "it. Nothing was changed.");
        }
        if (change.isUndone()) {
            throw new ToolRefusal("Change " + changeId + " was already undone at " + change.undoneAt() + ". Nothing "
                    + "was changed.");
        }
        return change;
    }

    private void requireSigned(String changeId, JsonNode stored) {
        ObjectNode unsigned = stored.isObject() ? ((ObjectNode) stored).deepCopy() : JsonNodeFactory.instance
                .objectNode();
        JsonNode signature = unsigned.remove(SIGNATURE);
        KeyRing.Verdict verdict = keys.verify(purpose, canonical(unsigned), signature == null ? null : signature
                .asText());
        String why = switch (verdict) {
        case VALID -> null;
        case UNSIGNED -> "its record carries no signature (records written before version 0.2.0 have none), so this "
                + "server cannot tell that it wrote it and that nobody altered it since";
        case UNKNOWN_KEY -> "its record was signed with a key this server no longer holds (a key taken off "
                + "MCP_SIGNING_KEYS), or by another server";
        case ALTERED -> "its record was altered after this server wrote it";
        };
        if (why != null) {
            throw new UnverifiedRecord("Change " + changeId + " cannot be undone: " + why + ". Nothing was changed; "
                    + "the refusal is in the audit log. Undo it by hand if it should be undone.");
        }
    }

    /** The record's fields in one order, whatever order Atlassian hands them back in. */
    private static String canonical(JsonNode record) {
        try {
            return CANONICAL.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public Instant now() {
        return clock.instant();
    }

    /** The caller's recent changes, newest first. */
    public List<Entry> mine(int limit) {
        return read().stream().limit(limit).toList();
    }

    /** The caller's recent changes as a Markdown table with the ids to undo them. */
    public String listing(int limit, String undoTool) {
        Optional<String> unavailable = index.get().unavailable();
        if (unavailable.isPresent()) {
            return unavailable.get() + " Every write's answer gives its change id, and the audit log records it; "
                    + undoTool + " takes that id.";
        }
        List<Entry> entries = mine(limit);
        if (entries.isEmpty()) {
            return "No agent changes by you are recorded here yet.";
        }
        List<List<String>> rows = entries.stream().map(e -> List.of(e.id(), e.at().toString(), e.tool(), e.summary(),
                e.undoneAt() == null ? "can undo" : "undone " + e.undoneAt())).toList();
        return "Your recent agent changes, newest first (up to " + KEEP + " are kept). Undo one with " + undoTool
                + " and its id.\n\n" + Listing.table(List.of("Change id", "When (UTC)", "Tool", "What", "State"),
                        rows);
    }

    private Entry entry(AgentChange change) {
        return new Entry(change.id(), change.at(), change.tool(), change.summary(), change.undoneAt());
    }

    private interface Edit {
        void apply(List<Entry> entries);
    }

    private Optional<String> updateIndex(AgentChange change, Edit edit) {
        if (index.get().unavailable().isPresent()) {
            return Optional.empty();
        }
        try {
            index.get().update(indexKey(), current -> {
                List<Entry> entries = entries(current);
                edit.apply(entries);
                ObjectNode value = JsonNodeFactory.instance.objectNode();
                ArrayNode list = value.putArray("changes");
                entries.stream().limit(KEEP).forEach(e -> {
                    ObjectNode json = list.addObject().put("id", e.id()).put("at", e.at().toString()).put("tool", e
                            .tool()).put("summary", e.summary());
                    if (e.undoneAt() != null) {
                        json.put("undoneAt", e.undoneAt().toString());
                    }
                });
                return Optional.of(value);
            });
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of("The change is recorded on " + change.item() + " (undo it with its id " + change.id()
                    + "), but your list of recent changes could not be updated: " + ErrorMessages.describe(e, false)
                            .message());
        }
    }

    private List<Entry> read() {
        return entries(index.get().read(indexKey()));
    }

    private static List<Entry> entries(Optional<JsonNode> value) {
        List<Entry> entries = new ArrayList<>();
        value.ifPresent(v -> v.path("changes").forEach(e -> entries.add(new Entry(e.path("id").asText(), Instant
                .parse(e.path("at").asText()), e.path("tool").asText(), e.path("summary").asText(),
                e.hasNonNull(
                        "undoneAt") ? Instant.parse(e.path("undoneAt").asText()) : null))));
        return entries;
    }

    String indexKey() {
        return ChangeIndex.callerKey("changes", identity.caller().subject());
    }
}
