package dev.atlmcp.platform.errors;

/** A request this server refuses on purpose (policy); the message is what the caller reads. */
public class ToolRefusal extends RuntimeException {

    private final String kind;

    public ToolRefusal(String message) {
        this("refused", message);
    }

    /** {@code kind}: the class of error the metrics count it under, e.g. {@code caller_limited}. */
    protected ToolRefusal(String kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public String kind() {
        return kind;
    }
}
