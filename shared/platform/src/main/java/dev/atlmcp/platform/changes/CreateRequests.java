package dev.atlmcp.platform.changes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.atlmcp.platform.atlassian.AmbiguousWrite;
import dev.atlmcp.platform.errors.ToolRefusal;
import dev.atlmcp.auth.identity.IdentityMapper;

/**
 * Makes one item per create request (a request is named by its fingerprint: the caller and the arguments, or the
 * caller's request id). On a replica, identical requests in flight at once share the first one's outcome. What each
 * request made is kept in the caller's store in Atlassian ({@link ChangeIndex}, read after write, unlike Jira's search
 * index), so a retry on any replica finds it even while search does not show it yet; a request whose outcome was lost
 * is kept as sent, so its retry is refused until search can tell rather than made twice. Two replicas serving identical
 * requests within the time of one read and write of that store can still both create: the products offer no conditional
 * create.
 */
@ApplicationScoped
public class CreateRequests {

    /** How long what a request made is kept, like the label search's window. */
    static final Duration KEEP = Duration.ofDays(1);
    /** How long a request whose outcome was lost holds off identical ones. */
    static final Duration PENDING = Duration.ofMinutes(10);
    private static final int MOST = 100;

    private final ConcurrentMap<String, CompletableFuture<Object>> inFlight = new ConcurrentHashMap<>();
    private final Instance<ChangeIndex> store;
    private final IdentityMapper identity;
    private final Clock clock = Clock.systemUTC();

    CreateRequests(Instance<ChangeIndex> store, IdentityMapper identity) {
        this.store = store;
        this.identity = identity;
    }

    /**
     * The item an identical request made, if the caller's store knows it; refuses if one was sent and its outcome is
     * unknown.
     *
     * @param howToCheck
     *            how the caller can see whether the earlier request made its item
     */
    public Optional<String> made(String fingerprint, String howToCheck) {
        return inFlight.containsKey(fingerprint) ? Optional.empty() : kept(fingerprint, howToCheck);
    }

    private Optional<String> kept(String fingerprint, String howToCheck) {
        if (unavailable()) {
            return Optional.empty();
        }
        JsonNode entry = store.get().read(key()).map(v -> v.path(fingerprint)).orElse(null);
        if (entry == null || entry.isMissingNode()) {
            return Optional.empty();
        }
        Instant at = Instant.parse(entry.path("at").asText());
        if (entry.hasNonNull("item") && at.isAfter(clock.instant().minus(KEEP))) {
            return Optional.of(entry.path("item").asText());
        }
        if (!entry.hasNonNull("item") && at.isAfter(clock.instant().minus(PENDING))) {
            throw new ToolRefusal("Not sent: an identical request was sent at " + at + " and its outcome is not known "
                    + "(it may still be under way, or its answer was lost), so this one could make a second item. "
                    + howToCheck + "; Atlassian's search may take a minute to show it. To make another item on "
                    + "purpose, pass a new request_id.");
        }
        return Optional.empty();
    }

    /**
     * Runs {@code create} once for identical requests in flight on this replica: the others wait and get {@code found}
     * of the item it made (or its failure). Before {@code create} runs, the caller's store is asked once more (an
     * identical request may have finished between the caller's lookup and now) and the request is kept as sent; after,
     * with the item it made.
     *
     * @param item
     *            the key or id of what {@code create} made
     * @param found
     *            the answer for an item an identical request made
     */
    public <T> T once(String fingerprint, String howToCheck, Supplier<T> create, Function<T, String> item,
            Function<String, T> found) {
        return shared(fingerprint, () -> {
            Optional<String> earlier = kept(fingerprint, howToCheck);
            if (earlier.isPresent()) {
                return found.apply(earlier.get());
            }
            keep(fingerprint, null);
            try {
                T result = create.get();
                keep(fingerprint, item.apply(result));
                return result;
            } catch (AmbiguousWrite e) {
                throw e;
            } catch (RuntimeException e) {
                forget(fingerprint);
                throw e;
            }
        }, result -> found.apply(item.apply(result)));
    }

    /**
     * Runs {@code create} once for identical requests in flight on this replica, keeping nothing: for products whose
     * own lookup finds what a request made right after (a Confluence title, a Compass slug).
     */
    @SuppressWarnings("unchecked")
    public <T> T shared(String fingerprint, Supplier<T> create, UnaryOperator<T> forOthers) {
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> running = inFlight.putIfAbsent(fingerprint, mine);
        if (running != null) {
            try {
                return forOthers.apply((T) running.join());
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        try {
            T result = create.get();
            mine.complete(result);
            return result;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(fingerprint, mine);
        }
    }

    /** A request that certainly made nothing (refused, or never sent) holds off nothing. */
    private void forget(String fingerprint) {
        change(current -> current.filter(v -> v.has(fingerprint)).<JsonNode> map(v -> {
            ObjectNode value = ((ObjectNode) v).deepCopy();
            value.remove(fingerprint);
            return value;
        }));
    }

    private void keep(String fingerprint, String made) {
        change(current -> {
            ObjectNode value = current.filter(JsonNode::isObject).map(v -> ((ObjectNode) v).deepCopy()).orElseGet(
                    JsonNodeFactory.instance::objectNode);
            Instant oldest = clock.instant().minus(KEEP);
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext();) {
                if (!Instant.parse(it.next().getValue().path("at").asText(oldest.toString())).isAfter(oldest)) {
                    it.remove();
                }
            }
            while (value.size() >= MOST) {
                value.remove(value.fieldNames().next());
            }
            ObjectNode entry = value.putObject(fingerprint).put("at", clock.instant().toString());
            if (made != null) {
                entry.put("item", made);
            }
            return Optional.of(value);
        });
    }

    private void change(UnaryOperator<Optional<JsonNode>> edit) {
        if (unavailable()) {
            return;
        }
        try {
            store.get().update(key(), edit);
        } catch (RuntimeException e) {
            // the label or title search still finds what a request made once Atlassian's search shows it
        }
    }

    private boolean unavailable() {
        return !store.isResolvable() || store.get().unavailable().isPresent();
    }

    private String key() {
        return ChangeIndex.callerKey("requests", identity.caller().subject());
    }
}
