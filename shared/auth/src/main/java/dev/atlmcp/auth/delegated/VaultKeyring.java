package dev.atlmcp.auth.delegated;

import jakarta.enterprise.context.ApplicationScoped;

import dev.atlmcp.auth.config.ServerConfig;

/** The vault's keys from {@code MCP_VAULT_KEYS}; start-up refuses delegated access without valid ones. */
@ApplicationScoped
public class VaultKeyring {

    private final ServerConfig config;
    private volatile VaultKeys keys;

    VaultKeyring(ServerConfig config) {
        this.config = config;
    }

    public VaultKeys keys() {
        VaultKeys loaded = keys;
        if (loaded == null) {
            loaded = VaultKeys.of(config.vault().keys()).orElseThrow(() -> new IllegalStateException(
                    "MCP_VAULT_KEYS is not set or not valid"));
            keys = loaded;
        }
        return loaded;
    }
}
