package dev.atlmcp.platform.changes;

import java.security.SecureRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Change ids name the item they belong to, {@code OPS-5~k3j4h5g6f7}, so an undo finds the change record on the item
 * itself without any index or server-side store.
 */
public final class ChangeIds {

    /** A change id taken apart: the item and the record's own part. */
    public record Parsed(String item, String suffix) {
    }

    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final int LENGTH = 10;
    private static final Pattern ID = Pattern.compile("(.+)~([a-z2-7]{" + LENGTH + "})");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ChangeIds() {
    }

    public static String next(String item) {
        StringBuilder id = new StringBuilder(item).append('~');
        for (int i = 0; i < LENGTH; i++) {
            id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return id.toString();
    }

    /** The record's own part of a change id made by {@link #next}. */
    public static String suffix(String id) {
        return id.substring(id.lastIndexOf('~') + 1);
    }

    /** Throws {@link IllegalArgumentException} with an example if {@code id} is not a change id. */
    public static Parsed parse(String id, String example, String listTool) {
        Matcher matcher = id == null ? null : ID.matcher(id.trim());
        if (matcher == null || !matcher.matches()) {
            throw new IllegalArgumentException("change_id must be a change id from " + listTool + ", like " + example
                    + ", got '" + id + "'");
        }
        return new Parsed(matcher.group(1), matcher.group(2));
    }
}
