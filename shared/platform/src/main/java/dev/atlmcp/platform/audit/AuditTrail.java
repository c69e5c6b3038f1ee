package dev.atlmcp.platform.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** What one tool call did, collected while it runs: the Atlassian requests it made and the changes it wrote. */
@RequestScoped
public class AuditTrail {

    /** One request to Atlassian; {@code status} stays 0 when no response came. */
    public static final class AtlassianCall {
        final String method;
        final String path;
        volatile int status;

        AtlassianCall(String method, String path) {
            this.method = method;
            this.path = path;
        }
    }

    private final List<AtlassianCall> calls = new ArrayList<>();
    private final List<ObjectNode> changes = new ArrayList<>();
    private volatile String errorKind = "refused";

    synchronized AtlassianCall started(String method, String path) {
        AtlassianCall call = new AtlassianCall(method, path);
        calls.add(call);
        return call;
    }

    /**
     * Records a change this call wrote and returns it for the details: what was changed and what it was before. Each
     * change gets a {@code changeId}.
     */
    public synchronized ObjectNode change(String action, String item) {
        ObjectNode change = JsonNodeFactory.instance.objectNode().put("changeId", UUID.randomUUID().toString()).put(
                "action", action).put("item", item);
        changes.add(change);
        return change;
    }

    /** Records a change this call wrote, described by the caller (with its {@code changeId} and before-image). */
    public synchronized void change(ObjectNode change) {
        changes.add(change);
    }

    /** The class of error the call failed with, as {@code ErrorMessages} described it. */
    public void failed(String kind) {
        errorKind = kind;
    }

    public String errorKind() {
        return errorKind;
    }

    public synchronized List<AtlassianCall> calls() {
        return List.copyOf(calls);
    }

    public synchronized List<ObjectNode> changes() {
        return List.copyOf(changes);
    }
}
