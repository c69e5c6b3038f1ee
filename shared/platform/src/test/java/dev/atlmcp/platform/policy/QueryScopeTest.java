package dev.atlmcp.platform.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

/** How a query is confined; the service tests send hostile queries through the sandbox's JQL and CQL parsers. */
class QueryScopeTest {

    private static String jql(String query) {
        return QueryScope.restrict(query, "jql", "project", List.of("OPS", "WEB"));
    }

    private static String refused(String query) {
        return assertThrows(IllegalArgumentException.class, () -> jql(query)).getMessage();
    }

    @Test
    void theScopeComesFirstAndOrderByStaysLast() {
        assertEquals("project in (\"OPS\", \"WEB\") AND (status = Done) ORDER BY updated DESC, key",
                jql("status = Done ORDER BY updated DESC, key"));
        assertEquals("project in (\"OPS\", \"WEB\") ORDER BY created", jql(" order  by created"));
        assertEquals("project in (\"OPS\", \"WEB\") AND (project = PAY OR project = OPS)",
                jql("project = PAY OR project = OPS"));
        assertEquals("project in (\"OPS\", \"WEB\") AND (summary ~ \"x ORDER BY key) OR (\") ORDER BY cf[10001] ASC",
                jql("summary ~ \"x ORDER BY key) OR (\" ORDER BY cf[10001] ASC"));
        assertEquals("project in (\"OPS\", \"WEB\") AND ((a = 1 ORDER BY b))", jql("(a = 1 ORDER BY b)"));
    }

    @Test
    void queriesThatCouldBreakOutAreRefused() {
        assertEquals("jql: JQL has a ')' without a matching '('.", refused("a = 1) OR (project = PAY"));
        assertEquals("jql: JQL has a '(' without a matching ')'.", refused("(a = 1"));
        assertEquals("jql: JQL has a string that is not closed with \".",
                refused("summary ~ \"x\\\") OR project = PAY"));
        assertEquals("jql: JQL contains '）', a look-alike of ')'; type the plain character.",
                refused("a = 1 ） OR （ project = PAY"));
        assertEquals("jql: JQL must not contain control or invisible formatting characters.", refused("a = 1\u0000"));
        assertEquals("jql: JQL must not contain control or invisible formatting characters.", refused("a\u200b= 1"));
        assertEquals("jql: ORDER BY may only list fields, each optionally ASC or DESC, e.g. ORDER BY updated DESC, "
                + "key.", refused("ORDER BY key OR project = PAY"));
        refused("a = 1 ORDER BY key ORDER BY rank");
        refused("a = 1 ORDER BY (key)");
    }

    @Test
    void aBackslashOutsideQuotesIsRefusedBecauseJiraReadsItAsAnEscape() {
        String message = "jql: JQL has a backslash outside quotes, which JQL reads as an escape; write values with "
                + "special characters in double quotes, e.g. summary ~ \"a\\\"b\".";
        assertEquals(message, refused("summary ~ \\\"x) OR project = PAY OR (x = \\\""));
        assertEquals(message, refused("summary ~ x \\"));
        assertEquals(message, refused("summary ~ \\u0029 OR project = PAY"));
        assertEquals("project in (\"OPS\", \"WEB\") AND (summary ~ \"a\\\"b) OR c\")", jql(
                "summary ~ \"a\\\"b) OR c\""));
    }
}
