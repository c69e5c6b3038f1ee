package dev.atlmcp.platform.errors;

/**
 * A write that was deliberately not sent: a dry run, or a change waiting for confirmation. Its message is the tool's
 * normal answer (a preview and what to do next), not an error.
 */
public class WriteHeld extends RuntimeException {

    public WriteHeld(String message) {
        super(message, null, false, false);
    }
}
