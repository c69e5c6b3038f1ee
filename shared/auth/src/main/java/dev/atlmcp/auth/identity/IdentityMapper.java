package dev.atlmcp.auth.identity;

import dev.atlmcp.auth.inbound.Caller;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import io.quarkus.security.identity.SecurityIdentity;

import dev.atlmcp.auth.config.ServerConfig;
import dev.atlmcp.auth.outbound.OutboundCredentials;

/**
 * Maps the inbound caller to their Atlassian account, so "my" tools, {@code *_whoami} and write guards mean the caller
 * even when calls use the service account: in per-user and oauth modes the owner of the caller's own credential;
 * otherwise an entry of the mapping table ({@code MCP_IDENTITY_ACCOUNTS}, keyed by subject or email), else the one
 * account with the caller's email. Answers are cached per caller for {@code MCP_IDENTITY_CACHE_TTL}; failures are not
 * cached.
 */
@ApplicationScoped
public class IdentityMapper {

    /** How the caller was mapped; {@code account} is empty when they could not be. */
    public record Mapping(Optional<AtlassianAccount> account, String how) {
    }

    private record Cached<T>(T value, long expiresAt) {
    }

    private static final int MAX_ENTRIES = 10_000;

    private final ServerConfig.Identity config;
    private final Instance<AccountDirectory> directory;
    private final OutboundCredentials credentials;
    private final SecurityIdentity identity;
    private final Map<String, Cached<?>> cache = new ConcurrentHashMap<>();

    IdentityMapper(ServerConfig server, Instance<AccountDirectory> directory, OutboundCredentials credentials,
            SecurityIdentity identity) {
        this.config = server.identity();
        this.directory = directory;
        this.credentials = credentials;
        this.identity = identity;
    }

    /** The caller of the request being served. */
    public Caller caller() {
        return Caller.of(identity, config.emailClaim());
    }

    /** The Atlassian account of the caller of the request being served. */
    public Mapping current() {
        return map(caller());
    }

    public Mapping map(Caller caller) {
        return resolve(caller, true).orElseThrow();
    }

    /** The mapping if it needs no request to Atlassian: from the table, or remembered from an earlier lookup. */
    public Optional<Mapping> known(Caller caller) {
        return resolve(caller, false);
    }

    private Optional<Mapping> resolve(Caller caller, boolean lookUp) {
        if (credentials.asCaller() && directory.isResolvable()) {
            String how = credentials.perUser() ? "the owner of your own Atlassian token"
                    : "the Atlassian account you connected";
            return cached("user:" + credentials.callerKey(), lookUp, () -> new Mapping(Optional.of(directory.get()
                    .current()), how));
        }
        Optional<String> email = caller.email().filter(e -> caller.emailVerified() || config.trustUnverifiedEmail());
        Optional<String> listed = table(caller.subject()).or(() -> email.flatMap(this::table));
        if (listed.isPresent()) {
            return Optional.of(new Mapping(listed.map(id -> new AtlassianAccount(id, null)), "the mapping table"));
        }
        if (email.isPresent() && directory.isResolvable() && directory.get().searchesByEmail()) {
            return cached("email:" + email.get().toLowerCase(Locale.ROOT), lookUp, () -> directory.get().byEmail(
                    email.get()).map(a -> new Mapping(Optional.of(a), "your email")).orElse(new Mapping(
                            Optional
                                    .empty(),
                            "no single active account has your email " + email.get())));
        }
        String unmapped;
        if (caller.email().isEmpty()) {
            unmapped = "your token has no " + config.emailClaim() + " claim and the mapping table "
                    + "(MCP_IDENTITY_ACCOUNTS) has no entry for " + caller.subject();
        } else if (email.isEmpty()) {
            unmapped = "your identity provider does not mark your email " + caller.email().get() + " as verified "
                    + "(email_verified), so it cannot pick your Atlassian account; ask the operator to add "
                    + caller.subject() + " to the mapping table (MCP_IDENTITY_ACCOUNTS)";
        } else {
            unmapped = "this product cannot search accounts by email; add " + caller.subject() + " to the mapping "
                    + "table (MCP_IDENTITY_ACCOUNTS)";
        }
        return Optional.of(new Mapping(Optional.empty(), unmapped));
    }

    /** The account the service credential belongs to; empty in per-user mode or when no directory exists. */
    public Optional<AtlassianAccount> serviceAccount() {
        if (credentials.asCaller() || !directory.isResolvable()) {
            return Optional.empty();
        }
        return cached("service", true, () -> directory.get().current());
    }

    private Optional<String> table(String principal) {
        return config.accounts().stream().flatMap(java.util.List::stream).map(String::trim).filter(e -> {
            int eq = e.indexOf('=');
            return eq > 0 && e.substring(0, eq).trim().equalsIgnoreCase(principal);
        }).map(e -> e.substring(e.indexOf('=') + 1).trim()).filter(id -> !id.isEmpty()).findFirst();
    }

    @SuppressWarnings("unchecked")
    private <T> Optional<T> cached(String key, boolean lookUp, Supplier<T> lookup) {
        long now = System.nanoTime();
        Cached<?> hit = cache.get(key);
        if (hit != null && hit.expiresAt() - now > 0) {
            return Optional.of((T) hit.value());
        }
        if (!lookUp) {
            return Optional.empty();
        }
        T value = lookup.get();
        if (cache.size() >= MAX_ENTRIES) {
            cache.clear();
        }
        cache.put(key, new Cached<>(value, now + ttl().toNanos()));
        return Optional.of(value);
    }

    private Duration ttl() {
        return config.cacheTtl();
    }
}
