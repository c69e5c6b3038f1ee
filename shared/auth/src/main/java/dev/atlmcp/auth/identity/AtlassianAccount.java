package dev.atlmcp.auth.identity;

/** An Atlassian account: the accountId on Cloud or the username on Data Center, and a name when known. */
public record AtlassianAccount(String id, String displayName) {

    @Override
    public String toString() {
        return displayName == null ? id : displayName + " (" + id + ")";
    }
}
