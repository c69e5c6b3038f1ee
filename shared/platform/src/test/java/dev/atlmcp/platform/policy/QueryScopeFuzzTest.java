package dev.atlmcp.platform.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Thousands of generated hostile queries (escapes in and outside strings, both quotes, Unicode escapes and look-alikes,
 * parentheses, ORDER BY tricks, functions): whatever the scope check lets through must read, by the rules of
 * Atlassian's JQL and CQL lexers, as the allow-list clause AND one parenthesised group, optionally followed by ORDER
 * BY. A query the check reads differently from Atlassian would show here as a group that closes early or a string that
 * never closes.
 */
class QueryScopeFuzzTest {

    private static final String SCOPE = "project in (\"OPS\", \"WEB\")";
    private static final List<String> FRAGMENTS = List.of("summary ~ ", "text ~ ", "\"", "'", "\\\"", "\\'", "\\\\",
            "\\", "(", ")", " OR project = PAY", " AND ", " x ", "PAY-1", " ORDER BY key", " ORDER BY ", ",",
            "\\u0022", "\\u0029", "\\u0028", "\\u0027", "）", "（", "＂", "＼", " ", "\n", "\t", "cf[10001]",
            "issueFunction in linkedIssuesOf(\"project = PAY\")", "\"a\\\"b\"", "'it\\'s'", " DESC", "=", "!=", "~",
            "space = PAY", "status was in (Done)", "\\ ", "\\t", "\\n", "\u00a0", "﹙", "﹚", "\\)", "\\(");

    @ParameterizedTest
    @ValueSource(longs = { 1, 2, 3, 4, 5 })
    void whatPassesTheCheckReadsTheSameForAtlassian(long seed) {
        Random random = new Random(seed);
        int accepted = 0;
        for (int i = 0; i < 1000; i++) {
            StringBuilder query = new StringBuilder();
            for (int n = 1 + random.nextInt(7); n > 0; n--) {
                query.append(FRAGMENTS.get(random.nextInt(FRAGMENTS.size())));
            }
            String restricted;
            try {
                restricted = QueryScope.restrict(query.toString(), "jql", "project", List.of("OPS", "WEB"));
            } catch (IllegalArgumentException refused) {
                continue;
            }
            accepted++;
            assertConfined(query.toString(), restricted);
        }
        assertTrue(accepted > 50, "the generator also makes queries the check accepts: " + accepted);
    }

    /** The restricted query, lexed as Jira does, is SCOPE [AND (group)] [ORDER BY fields]. */
    private static void assertConfined(String query, String restricted) {
        assertTrue(restricted.startsWith(SCOPE), restricted);
        String rest = restricted.substring(SCOPE.length());
        if (rest.isEmpty() || rest.startsWith(" ORDER BY ")) {
            return;
        }
        assertTrue(rest.startsWith(" AND ("), restricted);
        List<int[]> top = topLevelParentheses(rest, query);
        assertEquals(1, top.size(), () -> "one top-level group in " + restricted + " (from " + query + ")");
        String after = rest.substring(top.get(0)[1] + 1);
        assertTrue(after.isEmpty() || after.startsWith(" ORDER BY ") && !after.contains("(") && !after.contains(")"),
                () -> "nothing but ORDER BY after the group: " + restricted + " (from " + query + ")");
    }

    /**
     * The spans of top-level parenthesised groups, by Jira's lexer: a backslash escapes the next character inside and
     * outside strings (an escaped quote or parenthesis is a literal character), strings are in double or single quotes.
     */
    private static List<int[]> topLevelParentheses(String text, String query) {
        List<int[]> groups = new ArrayList<>();
        int depth = 0;
        int start = -1;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
                continue;
            }
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '(') {
                if (depth++ == 0) {
                    start = i;
                }
            } else if (c == ')') {
                if (--depth < 0) {
                    fail("a ')' closes the allow-list's group early: " + text + " (from " + query + ")");
                }
                if (depth == 0) {
                    groups.add(new int[] { start, i });
                }
            }
        }
        if (quote != 0 || depth != 0) {
            fail("Jira would read an unclosed string or group: " + text + " (from " + query + ")");
        }
        return groups;
    }
}
