package dev.atlmcp.auth.delegated;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.security.identity.SecurityIdentity;

import dev.atlmcp.auth.config.AtlassianConfig;
import dev.atlmcp.auth.config.ServerConfig;
import dev.atlmcp.auth.inbound.Caller;

/**
 * Delegated access ({@code ATLASSIAN_AUTH_MODE=oauth}): every Atlassian call carries the signed-in person's own access
 * token from the vault, refreshed shortly before it expires. Without a grant nothing is sent and the person gets a
 * connect link; there is no fallback to any other credential.
 */
@ApplicationScoped
public class DelegatedAccess {

    private static final Logger LOG = Logger.getLogger(DelegatedAccess.class);

    public static final String CONNECT_PATH = "/connect/atlassian";
    private static final String OFFLINE_ACCESS = "offline_access";

    /** Where a person sees and removes the apps connected to their Atlassian Cloud account. */
    public static final String CONNECTED_APPS = "https://id.atlassian.com/manage-profile/apps";

    private final AtlassianConfig atlassian;
    private final ServerConfig server;
    private final DelegatedConfig config;
    private final GrantVault vault;
    private final ConnectRequests requests;
    private final AtlassianTokens tokens;
    private final SecurityIdentity identity;
    /** Fixed by the configuration, so worked out once rather than on every call. */
    private final List<String> requestedScopes;

    DelegatedAccess(AtlassianConfig atlassian, ServerConfig server, DelegatedConfig config, GrantVault vault,
            ConnectRequests requests, AtlassianTokens tokens, SecurityIdentity identity) {
        this.atlassian = atlassian;
        this.server = server;
        this.config = config;
        this.vault = vault;
        this.requests = requests;
        this.tokens = tokens;
        this.identity = identity;
        this.requestedScopes = requestedScopes(atlassian, config);
    }

    /** The outcome of the latest call's use of the vault, for the readiness report. */
    public record VaultContact(boolean reached, Instant at) {
    }

    private volatile VaultContact vaultReached;

    /** Whether the latest call reached the vault, and when; empty before the first call. */
    public Optional<VaultContact> lastVaultContact() {
        return Optional.ofNullable(vaultReached);
    }

    private static final Pattern LINK_VALUE = Pattern.compile("(" + Pattern.quote(CONNECT_PATH + "?link=")
            + ")[A-Za-z0-9_-]+");

    /** {@code text} with the values of connect links left out, for logs and audit events. */
    public static String withoutLinks(String text) {
        return text == null ? null : LINK_VALUE.matcher(text).replaceAll("$1(left out)");
    }

    public boolean enabled() {
        return atlassian.isOAuth();
    }

    /** The Authorization value for the signed-in person's next Atlassian call. */
    public String authorization() {
        String person = person();
        Instant due = Instant.now().plus(config.refreshBefore());
        Optional<Grant> grant;
        try {
            grant = vault.use(person, server.product());
            if (grant.isPresent() && grant.get().accessExpiresAt().isBefore(due)) {
                grant = vault.refreshIfDue(person, server.product(), due, g -> tokens.refresh(g, redirectUrl()));
            }
            vaultReached = new VaultContact(true, Instant.now());
        } catch (VaultUnavailable e) {
            vaultReached = new VaultContact(false, Instant.now());
            throw e;
        } catch (GrantVault.InvalidGrant e) {
            throw notConnected(person, AtlassianNotConnected.Reason.ENDED, List.of());
        } catch (VaultKeys.UnreadableGrant e) {
            LOG.warnf("A grant in the vault cannot be read (%s); the person is asked to connect again",
                    e.getMessage());
            throw notConnected(person, AtlassianNotConnected.Reason.ENDED, List.of());
        }
        Grant usable = grant.orElseThrow(() -> notConnected(person, AtlassianNotConnected.Reason.NEVER, List.of()));
        List<String> missing = missingScopes(requestedScopes, usable.scopes());
        if (!missing.isEmpty()) {
            throw notConnected(person, AtlassianNotConnected.Reason.MORE_ACCESS, missing);
        }
        return "Bearer " + usable.accessToken();
    }

    /**
     * What a person grants: on Cloud the configured scopes, with {@code offline_access} so the grant outlives the first
     * access token; on Data Center the provider's scope ({@code WRITE} or {@code READ}), whose grants always come with
     * a refresh token.
     */
    public List<String> requestedScopes() {
        return requestedScopes;
    }

    private static List<String> requestedScopes(AtlassianConfig atlassian, DelegatedConfig config) {
        List<String> scopes = new ArrayList<>();
        List<String> configured = atlassian.isDataCenter() ? config.dataCenterScopes() : config.scopes().orElse(List
                .of());
        configured.forEach(s -> scopes.addAll(List.of(s.trim().split("[\\s,]+"))));
        scopes.removeIf(String::isBlank);
        if (!atlassian.isDataCenter() && !scopes.contains(OFFLINE_ACCESS)) {
            scopes.add(OFFLINE_ACCESS);
        }
        return List.copyOf(scopes);
    }

    /**
     * The scopes this server asks for that the grant lacks (a grant from before an upgrade that added some); none when
     * Atlassian did not say what it granted. Calls would fail at Atlassian with them missing, so the person connects
     * again instead.
     */
    static List<String> missingScopes(List<String> requested, String granted) {
        if (granted == null || granted.isBlank()) {
            return List.of();
        }
        Set<String> grantedScopes = Set.copyOf(List.of(granted.trim().split("[\\s,]+")));
        return requested.stream().filter(s -> !s.equals(OFFLINE_ACCESS) && !grantedScopes.contains(s)).toList();
    }

    /** The vault's name for the signed-in person, from the configured claim of their bearer token. */
    public String person() {
        return person(identity);
    }

    public String person(SecurityIdentity signedIn) {
        return PersonKey.of(subject(signedIn));
    }

    /** The value of the configured person claim of this sign-in, as the administrators name people. */
    public String subject(SecurityIdentity signedIn) {
        String claim = server.identity().personClaim();
        return Caller.claim(signedIn, claim).orElseThrow(() -> new NoPersonClaim(claim));
    }

    /** Deletes the signed-in person's grant for this product; whether there was one. */
    public boolean disconnect() {
        return vault.delete(person(), server.product());
    }

    private AtlassianNotConnected notConnected(String person, AtlassianNotConnected.Reason reason,
            List<String> missingScopes) {
        String link = requests.create(person, server.product(), config.connectLinkLifetime());
        return new AtlassianNotConnected(server.productName(), publicUrl() + CONNECT_PATH + "?link=" + link, reason,
                missingScopes);
    }

    /**
     * Where the person withdraws the grant at Atlassian itself, which this server cannot do for them: on Cloud by
     * removing the app from their account, on Data Center in their profile in the product.
     */
    public String whereToWithdraw() {
        String product = server.productName();
        return atlassian.isDataCenter() ? "revoke this server's access in your " + product + " profile, under the "
                + "applications you authorized (or ask a " + product + " administrator)"
                : "remove the app under "
                        + "Connected apps in your Atlassian account (" + CONNECTED_APPS + ")";
    }

    String publicUrl() {
        return server.publicUrl().orElse("").trim().replaceAll("/+$", "");
    }

    /** Where Atlassian sends the person back: the configured callback, or this server's. */
    public String redirectUrl() {
        return config.redirectUrl().filter(u -> !u.isBlank()).orElse(publicUrl() + CONNECT_PATH + "/callback");
    }
}
