package dev.atlmcp.auth.identity;

import java.util.Optional;

/** How a product finds Atlassian accounts; each service that can provides one bean. */
public interface AccountDirectory {

    /** The account whose credentials the current request uses: the service account, or the caller's own token's. */
    AtlassianAccount current();

    /** The single active account with exactly this email, if there is one. */
    Optional<AtlassianAccount> byEmail(String email);

    /** False for products whose APIs cannot find accounts by email; then only the mapping table maps callers. */
    default boolean searchesByEmail() {
        return true;
    }
}
