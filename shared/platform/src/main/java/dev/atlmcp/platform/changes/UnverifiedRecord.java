package dev.atlmcp.platform.changes;

import dev.atlmcp.platform.errors.ToolRefusal;

/** An undo refused because its change record is unsigned, altered or signed by an unknown key. */
public class UnverifiedRecord extends ToolRefusal {

    UnverifiedRecord(String message) {
        super("unverified_record", message);
    }
}
