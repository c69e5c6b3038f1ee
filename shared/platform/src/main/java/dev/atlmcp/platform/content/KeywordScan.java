package dev.atlmcp.platform.content;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;

/**
 * Which of a fixed set of keywords (ASCII, at least two characters, compared ignoring ASCII case) occur in a text,
 * found in one pass over it: each position is looked up by its two characters, and only keywords starting with those
 * two are compared. Searching a 2 KB answer for a hundred keywords one by one costs about ten times as much.
 */
final class KeywordScan {

    private static final int ASCII = 128;

    private final List<String> keywords;
    private final int[][] byFirstTwo = new int[ASCII * ASCII][];

    /**
     * @param keywords
     *            lower-case; a keyword's index in this list is its number in {@link #present}'s answer
     */
    KeywordScan(List<String> keywords) {
        this.keywords = List.copyOf(keywords);
        List<List<Integer>> lists = new ArrayList<>(Collections.nCopies(ASCII * ASCII, null));
        for (int id = 0; id < keywords.size(); id++) {
            String keyword = keywords.get(id);
            if (keyword.length() < 2 || !keyword.chars().allMatch(c -> c < ASCII && (c < 'A' || c > 'Z'))) {
                throw new IllegalArgumentException("not a lower-case ASCII keyword of two or more characters: "
                        + keyword);
            }
            int slot = keyword.charAt(0) * ASCII + keyword.charAt(1);
            if (lists.get(slot) == null) {
                lists.set(slot, new ArrayList<>());
            }
            lists.get(slot).add(id);
        }
        for (int slot = 0; slot < lists.size(); slot++) {
            if (lists.get(slot) != null) {
                byFirstTwo[slot] = lists.get(slot).stream().mapToInt(Integer::intValue).toArray();
            }
        }
    }

    /** The numbers of the keywords {@code lower} (a text with its ASCII letters in lower case) contains. */
    BitSet present(String lower) {
        BitSet found = new BitSet(keywords.size());
        for (int i = 0, last = lower.length() - 1; i < last; i++) {
            char first = lower.charAt(i);
            char second = lower.charAt(i + 1);
            if (first >= ASCII || second >= ASCII) {
                continue;
            }
            int[] candidates = byFirstTwo[first * ASCII + second];
            if (candidates != null) {
                for (int id : candidates) {
                    if (!found.get(id) && lower.startsWith(keywords.get(id), i)) {
                        found.set(id);
                    }
                }
            }
        }
        return found;
    }
}
