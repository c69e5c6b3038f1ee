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
    /** The uploads' file name, text content, base64 content and media type. */
    public static final String FILENAME = "File name with its extension, e.g. checkout-errors.csv";
    public static final String FILE_TEXT = "The content as text, stored as UTF-8";
    public static final String FILE_BASE64 = "Or the content as base64";
    public static final String MEDIA_TYPE = "e.g. image/png; needed with base64, else taken from the extension";

    private ArgumentDescriptions() {
    }
}
