package dev.atlmcp.jira.client;

/** The body Jira takes for a new comment: an ADF document on Cloud, wiki markup text on Data Center. */
public record NewComment(Object body) {
}
