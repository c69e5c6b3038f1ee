package dev.atlmcp.testing.contract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A reviewed list kept as a tab-separated resource under {@code contract/}: {@code #} comments, one entry a line. */
final class ReviewedList {

    private ReviewedList() {
    }

    /** The entries of {@code contract/<name>}, each with exactly {@code fields} fields, the last not blank. */
    static List<String[]> rows(String name, int fields) {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = ReviewedList.class.getClassLoader().getResourceAsStream("contract/" + name)) {
            if (in == null) {
                throw new IllegalStateException("contract/" + name + " is not on the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] row = line.split("\t", -1);
                if (row.length != fields || row[fields - 1].isBlank()) {
                    throw new IllegalStateException("contract/" + name + ": " + fields + " tab-separated fields, "
                            + "the last not blank, in: " + line);
                }
                rows.add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
