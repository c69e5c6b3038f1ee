package dev.atlmcp.auth.delegated;

/** The vault's database could not be reached or answered with an error; nothing was sent to Atlassian. */
public final class VaultUnavailable extends RuntimeException {

    public VaultUnavailable(Throwable cause) {
        super("The token vault's database is unavailable", cause);
    }
}
