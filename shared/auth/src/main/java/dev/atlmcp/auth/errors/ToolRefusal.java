package dev.atlmcp.auth.errors;

/** A request this server refuses on purpose (policy); the message is what the caller reads. */
public class ToolRefusal extends RuntimeException {

    public ToolRefusal(String message) {
        super(message, null, false, false);
    }
}
