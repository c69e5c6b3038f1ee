package dev.atlmcp.adf;

import java.util.List;

/** The shape every list result shares: one line saying how many and how to get more, then a GFM table. */
public final class Listing {

    private Listing() {
    }

    /**
     * E.g. {@code 4 issues of 7. More: call again with cursor="startAt:4".} or {@code No pages match.}
     *
     * @param total
     *            the number of all matches when the API tells it, else null
     * @param nextCursor
     *            the cursor for the next page, or null on the last page
     */
    public static String summary(int count, Integer total, String singular, String plural, String nextCursor) {
        if (count == 0) {
            return "No " + plural + " match.";
        }
        return count + " " + (count == 1 ? singular : plural) + (total != null ? " of " + total : "") + "."
                + (nextCursor == null ? " Last page." : " More: call again with cursor=\"" + nextCursor + "\".");
    }

    /** An ISO-8601 time (as Confluence and Compass send them) shown in UTC to the minute; anything else as given. */
    public static String time(String iso) {
        if (iso == null) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(iso).withOffsetSameInstant(java.time.ZoneOffset.UTC).format(
                    java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        } catch (java.time.format.DateTimeParseException e) {
            return iso;
        }
    }

    /**
     * Appends {@code label: value} as one line of plain text, whatever either holds; nothing when there is no value.
     */
    public static void line(StringBuilder md, String label, String value) {
        if (value != null && !value.isBlank()) {
            md.append(OneLine.of(label)).append(": ").append(OneLine.of(value)).append('\n');
        }
    }

    /**
     * A GFM table; every cell is {@link OneLine one line of plain text} with its pipes escaped, so none breaks its row.
     */
    public static String table(List<String> headers, List<List<String>> rows) {
        StringBuilder md = new StringBuilder("| ")
                .append(String.join(" | ", headers.stream().map(Listing::cell).toList()))
                .append(" |\n|");
        headers.forEach(h -> md.append(" --- |"));
        md.append('\n');
        for (List<String> row : rows) {
            md.append("| ");
            md.append(String.join(" | ", row.stream().map(Listing::cell).toList()));
            md.append(" |\n");
        }
        return md.toString().stripTrailing();
    }

    static String cell(String value) {
        return value == null ? "" : OneLine.of(value.replace("|", "\\|"));
    }
}
