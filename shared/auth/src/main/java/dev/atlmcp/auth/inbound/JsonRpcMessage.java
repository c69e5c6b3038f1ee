package dev.atlmcp.auth.inbound;

import io.quarkiverse.mcp.server.JsonRpcErrorCodes;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;

/**
 * The one JSON-RPC message an MCP POST carries, read the way {@link MessageGate} needs it: a request, a notification or
 * an answer to a request the server sent. Anything else (a batch, which MCP 2025-06-18 removed, a non-object, an object
 * that is neither of the three) is refused with the JSON-RPC error to send back.
 */
public record JsonRpcMessage(Kind kind, String method, Object id, JsonObject json) {

    public enum Kind {
        REQUEST, NOTIFICATION, RESPONSE
    }

    /** Why a body is not one message this server accepts, as a JSON-RPC error code and message. */
    public static final class Refused extends Exception {
        private final int code;

        Refused(int code, String message) {
            super(message, null, false, false);
            this.code = code;
        }

        public int code() {
            return code;
        }

        /** The JSON-RPC error answer, with no id (the refused body may have none, or several). */
        public JsonObject answer() {
            return new JsonObject().put("jsonrpc", "2.0").putNull("id").put("error", new JsonObject().put("code", code)
                    .put("message", getMessage()));
        }
    }

    public static JsonRpcMessage read(Buffer body) throws Refused {
        Object json;
        try {
            json = body == null ? null : Json.decodeValue(body);
        } catch (RuntimeException e) {
            throw new Refused(JsonRpcErrorCodes.PARSE_ERROR, "The request body is not JSON. Send one JSON-RPC message "
                    + "as a JSON object.");
        }
        if (json instanceof io.vertx.core.json.JsonArray) {
            throw new Refused(JsonRpcErrorCodes.INVALID_REQUEST, "JSON-RPC batches are not supported (MCP removed "
                    + "them in protocol version 2025-06-18). Send one message per request.");
        }
        if (!(json instanceof JsonObject message)) {
            throw new Refused(JsonRpcErrorCodes.INVALID_REQUEST, "The request body must be one JSON-RPC message: a "
                    + "JSON object.");
        }
        Object method = message.getValue("method");
        boolean hasId = message.containsKey("id");
        Object id = message.getValue("id");
        if (hasId && id != null && !(id instanceof String) && !(id instanceof Number)) {
            throw new Refused(JsonRpcErrorCodes.INVALID_REQUEST, "A JSON-RPC id is a string or a number.");
        }
        if (method instanceof String name && !name.isEmpty() && !message.containsKey("result") && !message.containsKey(
                "error")) {
            return new JsonRpcMessage(hasId ? Kind.REQUEST : Kind.NOTIFICATION, name, id, message);
        }
        if (method == null && hasId && id != null && (message.containsKey("result") ^ message.containsKey("error"))) {
            return new JsonRpcMessage(Kind.RESPONSE, null, id, message);
        }
        throw new Refused(JsonRpcErrorCodes.INVALID_REQUEST, "Not a JSON-RPC request, notification or response: a "
                + "message has either a method, or an id with a result or an error.");
    }

    /** The {@code params} object, or an empty one. */
    public JsonObject params() {
        JsonObject params = json.getValue("params") instanceof JsonObject object ? object : null;
        return params == null ? new JsonObject() : params;
    }
}
