package dev.atlmcp.jira.tools;

/** The descriptions of arguments several Jira tools share, written once (see ArgumentDescriptions for all servers'). */
final class JiraArgumentDescriptions {

    /** An issue, by key or id. */
    static final String ISSUE_KEY = "Issue key such as OPS-42 (or numeric id)";
    /** A project, by key. */
    static final String PROJECT_KEY = "Project key such as OPS";

    private JiraArgumentDescriptions() {
    }
}
