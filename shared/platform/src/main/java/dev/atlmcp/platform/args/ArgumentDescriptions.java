package dev.atlmcp.platform.args;

/**
 * The descriptions of arguments many tools share, written once: what a model reads for them is the same on every tool
 * and every server. Constants, so that {@code @ToolArg(description = ...)} can use them.
 */
public final class ArgumentDescriptions {

    /** Every write tool's confirmation token (see the write pipeline). */
    public static final String CONFIRMATION_TOKEN = "Token from a confirmation preview the user agreed to";
    /** Every write tool's dry run. */
    public static final String DRY_RUN = "true: only show the request";
    /** Every paged read's cursor. */
    public static final String CURSOR = "Cursor from the previous page; omit for the first page";
    /** A list's length where nothing more specific is said. */
    public static final String HOW_MANY = "How many, 1-50";

    private ArgumentDescriptions() {
    }
}
