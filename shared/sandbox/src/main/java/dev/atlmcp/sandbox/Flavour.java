package dev.atlmcp.sandbox;

/** Which Atlassian deployment a site imitates. */
public enum Flavour {
    /** Atlassian Cloud: Jira REST v3 with ADF, accountIds, API tokens, {@code nextPageToken} search. */
    CLOUD,
    /** Data Center: Jira REST v2 with wiki markup, usernames, personal access tokens, {@code startAt} search. */
    DATACENTER
}
