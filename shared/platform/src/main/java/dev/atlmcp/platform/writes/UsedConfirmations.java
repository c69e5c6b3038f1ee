package dev.atlmcp.platform.writes;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.atlmcp.platform.changes.ChangeIndex;
import dev.atlmcp.platform.atlassian.ErrorMessages;
import dev.atlmcp.platform.errors.ToolRefusal;
import dev.atlmcp.auth.identity.IdentityMapper;

/**
 * Makes each confirmation token good for one write. This replica remembers the tokens it accepted until they expire (so
 * two calls with one token never both pass here); where the product keeps per-account data (Jira, Confluence Cloud: the
 * {@link ChangeIndex} store) the caller's used tokens are kept there too, so another replica refuses them. Two replicas
 * accepting one token at the same moment remain possible for the time of one read and write of that store; where there
 * is no store (Compass, Confluence Data Center) the token also names a state of the item that the write moves on for
 * good (Compass's last modification time, the number of change records a Confluence page holds).
 */
@ApplicationScoped
public class UsedConfirmations {

    private final ConcurrentMap<String, Instant> here = new ConcurrentHashMap<>();
    private final Instance<ChangeIndex> store;
    private final IdentityMapper identity;
    private final Clock clock = Clock.systemUTC();

    UsedConfirmations(Instance<ChangeIndex> store, IdentityMapper identity) {
        this.store = store;
        this.identity = identity;
    }

    /** Refuses a token this replica accepted before, without asking the shared store. */
    void refuseIfUsedHere(String id, String tool) {
        if (here.containsKey(id)) {
            throw used(tool);
        }
    }

    /** Marks the token {@code id} used, or refuses the write if it was used before. */
    void claim(String id, Instant expires, String tool) {
        Instant now = clock.instant();
        here.values().removeIf(e -> e.isBefore(now));
        if (here.putIfAbsent(id, expires) != null) {
            throw used(tool);
        }
        if (!store.isResolvable() || store.get().unavailable().isPresent()) {
            return;
        }
        boolean[] seen = { false };
        try {
            store.get().update(key(), current -> {
                ObjectNode value = JsonNodeFactory.instance.objectNode();
                ArrayNode kept = value.putArray("used");
                current.map(v -> v.path("used")).ifPresent(list -> list.forEach(entry -> {
                    if (Instant.ofEpochSecond(entry.path("exp").asLong()).isAfter(now)) {
                        kept.add(entry);
                        seen[0] |= id.equals(entry.path("id").asText());
                    }
                }));
                if (seen[0]) {
                    return Optional.<JsonNode> empty();
                }
                kept.addObject().put("id", id).put("exp", expires.getEpochSecond());
                return Optional.<JsonNode> of(value);
            });
        } catch (RuntimeException e) {
            here.remove(id);
            throw new ToolRefusal("Nothing was sent: this server could not record that the confirmation token is "
                    + "used, so it does not accept it yet (" + ErrorMessages.describe(e, false).message() + "). "
                    + "Call " + tool + " again with the same token.");
        }
        if (seen[0]) {
            throw used(tool);
        }
    }

    private static ToolRefusal used(String tool) {
        return new ToolRefusal("This confirmation token was already used: each one allows a single write. Nothing was "
                + "sent. Call " + tool + " without confirmation_token for a new preview.");
    }

    private String key() {
        return ChangeIndex.callerKey("confirmations", identity.caller().subject());
    }
}
