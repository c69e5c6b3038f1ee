package dev.atlmcp.sandbox;

/**
 * A seeded person. Cloud identifies people by {@code accountId} and authenticates {@code email:apiToken} on the site
 * ({@link #scopedToken()} and {@link #oauthToken()} through the API gateway); Data Center by
 * {@code username}/{@code key} with a personal access token or {@code username:password}.
 */
public record SandboxUser(String accountId, String username, String key, String displayName, String email,
        String apiToken, String pat, String password, String timeZone) {

    /** A scoped API token: accepted only through the API gateway ({@code /ex/...}), as Basic {@code email:token}. */
    public String scopedToken() {
        return "sbx-scoped-" + username + "-" + key.substring(key.length() - 2);
    }

    /** An OAuth 2.0 (3LO) access token: accepted only through the API gateway, as Bearer. */
    public String oauthToken() {
        return "sbx-oauth-" + username + "-" + key.substring(key.length() - 2);
    }

    /** True if any of the user's identifiers or names equals {@code text} (case-insensitive). */
    public boolean isKnownAs(String text) {
        return text.equalsIgnoreCase(accountId) || text.equalsIgnoreCase(username) || text.equalsIgnoreCase(key)
                || text.equalsIgnoreCase(email) || text.equalsIgnoreCase(displayName);
    }
}
