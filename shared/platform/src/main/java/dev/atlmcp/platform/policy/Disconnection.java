package dev.atlmcp.platform.policy;

import jakarta.enterprise.context.ApplicationScoped;

import dev.atlmcp.auth.config.AtlassianConfig;
import dev.atlmcp.auth.config.ServerConfig;
import dev.atlmcp.auth.delegated.DelegatedAccess;

/**
 * The {@code *_disconnect_atlassian} answer: this server deletes the caller's grant for its product. Atlassian offers
 * apps no way to revoke a person's 3LO grant, so the answer says where the person removes the app themselves.
 */
@ApplicationScoped
public class Disconnection {

    private final DelegatedAccess access;
    private final ServerConfig server;
    private final AtlassianConfig atlassian;

    Disconnection(DelegatedAccess access, ServerConfig server, AtlassianConfig atlassian) {
        this.access = access;
        this.server = server;
        this.atlassian = atlassian;
    }

    public String markdown() {
        String product = server.productName();
        if (!access.enabled()) {
            return "This server does not act with your own Atlassian grant (ATLASSIAN_AUTH_MODE is not oauth), so "
                    + "there is nothing to disconnect.";
        }
        String removed = access.disconnect()
                ? "Disconnected: this server deleted your Atlassian grant for " + product + ". Agents using this "
                        + "server cannot act in " + product + " as you any more; a new call asks you to connect again."
                : "You were not connected: this server holds no Atlassian grant of yours for " + product + ".";
        return removed + (atlassian.isDataCenter() ? " To withdraw the grant in " + product + " too, "
                : " Atlassian lets apps delete their copy but not revoke a grant, so to withdraw it completely ")
                + access.whereToWithdraw() + ".";
    }
}
