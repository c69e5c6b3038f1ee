package dev.atlmcp.auth.delegated;

/** The sign-in carries no value of the claim that names the person ({@code MCP_IDENTITY_PERSON_CLAIM}). */
public final class NoPersonClaim extends RuntimeException {

    NoPersonClaim(String claim) {
        super("Your sign-in has no '" + claim + "' claim, which this server uses to tell people apart for their "
                + "Atlassian connections (MCP_IDENTITY_PERSON_CLAIM); nothing was sent to Atlassian. Tell the server's "
                + "operator", null, false, false);
    }
}
