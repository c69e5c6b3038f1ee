package dev.atlmcp.platform.args;

/**
 * Checks for tool arguments that every server uses. Each failure is an {@link IllegalArgumentException} whose message
 * names the argument and says what is expected; the error mapping shows it as "Invalid argument: ...".
 */
public final class Arguments {

    private static final String OFFSET_CURSOR = "start:";

    private Arguments() {
    }

    /** A non-blank text of at most {@code max} characters, trimmed. */
    public static String text(String name, String value, int max, String example) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be empty; for example: " + example);
        }
        if (value.length() > max) {
            throw new IllegalArgumentException(name + " is longer than " + max + " characters");
        }
        return value.trim();
    }

    /** A page size between 1 and {@code max}. */
    public static int limit(int value, int max) {
        if (value < 1 || value > max) {
            throw new IllegalArgumentException("limit must be between 1 and " + max + ", got " + value);
        }
        return value;
    }

    /** A trimmed cursor, or null for the first page. */
    public static String cursor(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The cursor for an API that pages by offset ({@code startAt}, {@code start}). */
    public static String offsetCursor(int offset) {
        return OFFSET_CURSOR + offset;
    }

    /**
     * The cursor after a page of an offset-paged API: null when the page was empty or the API says there is no more.
     */
    public static String nextOffsetCursor(int start, int returned, boolean apiHasMore) {
        return apiHasMore && returned > 0 ? offsetCursor(start + returned) : null;
    }

    /** The offset in a cursor made by {@link #offsetCursor}; 0 for the first page. */
    public static int offset(String cursor, String tool) {
        if (cursor == null) {
            return 0;
        }
        try {
            if (cursor.startsWith(OFFSET_CURSOR)) {
                int value = Integer.parseInt(cursor.substring(OFFSET_CURSOR.length()));
                if (value >= 0) {
                    return value;
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("cursor '" + cursor + "' is not one this server returned; pass the "
                + "cursor from the previous " + tool + " result, or omit it for the first page");
    }
}
