package dev.atlmcp.sandbox;

/**
 * A seeded person. Cloud identifies people by {@code accountId} and authenticates {@code email:apiToken}; Data Center
 * by {@code username}/{@code key} with a personal access token or {@code username:password}.
 */
public record SandboxUser(String accountId, String username, String key, String displayName, String email,
        String apiToken, String pat, String password, String timeZone) {

    /** True if any of the user's identifiers or names equals {@code text} (case-insensitive). */
    public boolean isKnownAs(String text) {
        return text.equalsIgnoreCase(accountId) || text.equalsIgnoreCase(username) || text.equalsIgnoreCase(key)
                || text.equalsIgnoreCase(email) || text.equalsIgnoreCase(displayName);
    }
}
