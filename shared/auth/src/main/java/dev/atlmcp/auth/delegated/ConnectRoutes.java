package dev.atlmcp.auth.delegated;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import dev.atlmcp.auth.config.AtlassianConfig;
import dev.atlmcp.auth.config.ServerConfig;
import dev.atlmcp.auth.inbound.Caller;
import dev.atlmcp.auth.inbound.McpHttpRequest;

/**
 * The connect flow of delegated access. A person without a grant gets a link; opening it signs them in at the company
 * identity provider (the {@code connect} OIDC tenant: authorization code with PKCE), and only the person the link was
 * made for may go on to Atlassian's consent page. The callback completes a consent once, in the browser that started
 * it, for the person signed in there, and stores the grant. Both pages need the sign-in: Quarkus redirects to the
 * identity provider first.
 */
@ApplicationScoped
public class ConnectRoutes {

    static final String BROWSER_COOKIE = "atlmcp_connect";
    private static final Logger LOG = Logger.getLogger(ConnectRoutes.class);

    private final DelegatedAccess access;
    private final DelegatedConfig config;
    private final ConnectRequests requests;
    private final AtlassianTokens tokens;
    private final GrantVault vault;
    private final AtlassianConfig atlassian;
    private final ServerConfig server;
    private final Event<ConnectEvent> audit;

    ConnectRoutes(DelegatedAccess access, DelegatedConfig config, ConnectRequests requests, AtlassianTokens tokens,
            GrantVault vault, AtlassianConfig atlassian, ServerConfig server, Event<ConnectEvent> audit) {
        this.audit = audit;
        this.access = access;
        this.config = config;
        this.requests = requests;
        this.tokens = tokens;
        this.vault = vault;
        this.atlassian = atlassian;
        this.server = server;
    }

    void register(@Observes Router router) {
        if (!access.enabled()) {
            return;
        }
        router.get(DelegatedAccess.CONNECT_PATH).blockingHandler(this::open, false);
        router.get(DelegatedAccess.CONNECT_PATH + "/callback").blockingHandler(this::callback, false);
    }

    /** The link: the signed-in person must be the one it was made for; then the consent starts. */
    void open(RoutingContext ctx) {
        SecurityIdentity signedIn = McpHttpRequest.identity(ctx);
        String link = ctx.request().getParam("link");
        try {
            Optional<ConnectRequests.Link> found = link == null ? Optional.empty() : requests.find(link);
            if (found.isEmpty() || !found.get().product().equals(server.product())) {
                expired(ctx);
                return;
            }
            if (signedIn == null || !found.get().person().equals(access.person(signedIn))) {
                denied(ctx, signedIn, "a connect link opened by someone other than the person it was made for");
                page(ctx, 403, "This link was made for someone else", "You are signed in as " + who(signedIn)
                        + ", but this link belongs to another person. Nothing was connected. If your agent gave you "
                        + "this link, sign out of the identity provider and sign in as yourself; never open a "
                        + "connect link someone else sends you.");
                return;
            }
            String state = ConnectRequests.random();
            String browser = ConnectRequests.random();
            String verifier = ConnectRequests.random();
            if (!requests.start(link, state, browser, verifier)) {
                expired(ctx);
                return;
            }
            Cookie cookie = Cookie.cookie(BROWSER_COOKIE, browser).setPath("/connect").setHttpOnly(true)
                    .setSameSite(CookieSameSite.LAX).setMaxAge(config.connectLinkLifetime().toSeconds()).setSecure(
                            access.publicUrl().startsWith("https:"));
            ctx.response().addCookie(cookie);
            String product = server.productName();
            String body = ConnectPage.paragraph("You are signed in as " + who(signedIn) + ".")
                    + ConnectPage.paragraph("Continue to " + authority() + " to let " + server.product() + "-mcp ("
                            + access.publicUrl() + ") act in " + product + " on " + atlassian.url().orElse("")
                            + " as you, with your own permissions there. It asks to:")
                    + ConnectPage.scopes(access.requestedScopes())
                    + ConnectPage.paragraph("Agents you use through this server then see and change exactly what you "
                            + "may, and Atlassian records their changes as yours. You can disconnect at any time: ask "
                            + "your agent to run " + server.product() + "_disconnect_atlassian, or "
                            + access.whereToWithdraw() + ".")
                    + ConnectPage.action("continue", consentUrl(state, verifier), "Continue to " + authority());
            html(ctx, 200, "Connect " + product + " to your agent", body);
        } catch (VaultUnavailable e) {
            unavailable(ctx);
        } catch (NoPersonClaim e) {
            page(ctx, 403, "Your sign-in does not say who you are", e.getMessage() + ". Nothing was connected.");
        }
    }

    /** Atlassian's redirect back: the consent must be this browser's and this person's, and is completed once. */
    void callback(RoutingContext ctx) {
        SecurityIdentity signedIn = McpHttpRequest.identity(ctx);
        String error = ctx.request().getParam("error");
        if (error != null) {
            String said = error.matches("[a-z_]{1,40}") ? "'" + error + "'" : "with an error";
            page(ctx, 400, "Nothing was connected", "Atlassian answered " + said + " (for example, Cancel was chosen "
                    + "on its consent page). Ask your agent again to get a new link if you want to connect.");
            return;
        }
        String state = ctx.request().getParam("state");
        String code = ctx.request().getParam("code");
        try {
            Optional<ConnectRequests.Started> started = state == null || code == null ? Optional.empty() : requests
                    .complete(state);
            if (started.isEmpty() || !started.get().product().equals(server.product())) {
                page(ctx, 400, "This consent cannot be completed", "It is unknown, expired or already completed. "
                        + "Nothing was connected. Ask your agent again for a new link.");
                return;
            }
            Cookie browser = ctx.request().getCookie(BROWSER_COOKIE);
            if (browser == null || !PersonKey.sha256(browser.getValue()).equals(started.get().browser())) {
                denied(ctx, signedIn, "a consent completed in a browser that did not start it");
                page(ctx, 403, "This consent was started in another browser", "Nothing was connected. Open the "
                        + "link your agent gave you in this browser and start again.");
                return;
            }
            if (signedIn == null || !started.get().person().equals(access.person(signedIn))) {
                denied(ctx, signedIn, "a consent completed by someone other than the person who started it");
                page(ctx, 403, "This consent belongs to someone else", "You are signed in as " + who(signedIn)
                        + ", not as the person who started this consent. Nothing was connected.");
                return;
            }
            Grant grant = tokens.exchange(code, started.get().verifier(), access.redirectUrl());
            Optional<AtlassianTokens.Site> site = site(grant);
            if (site.isEmpty()) {
                denied(ctx, signedIn, "the grant does not include the configured site");
                page(ctx, 403, "Your grant does not include " + atlassian.url().orElse("this site"), "Atlassian's "
                        + "consent covered other sites only. Nothing was connected. Ask your agent again and choose "
                        + atlassian.url().orElse("this site") + " on Atlassian's consent page.");
                return;
            }
            vault.save(started.get().person(), server.product(), grant.of(site.get().cloudId(), access.subject(
                    signedIn)));
            audit.fire(new ConnectEvent(server.product(), "ok", "connected to " + site.get().url() + " with " + grant
                    .scopes(), signedIn, ctx));
            ctx.response().addCookie(Cookie.cookie(BROWSER_COOKIE, "").setPath("/connect").setMaxAge(0));
            page(ctx, 200, server.productName() + " is connected",
                    "Your agent now acts in " + server.productName() + " on "
                            + site.get().url() + " as you, " + who(signedIn)
                            + ". Close this tab, go back to your agent and "
                            + "ask it to try again.");
        } catch (VaultUnavailable e) {
            unavailable(ctx);
        } catch (NoPersonClaim e) {
            page(ctx, 403, "Your sign-in does not say who you are", e.getMessage() + ". Nothing was connected.");
        } catch (GrantVault.InvalidGrant | AtlassianTokens.TokenEndpointFailure e) {
            LOG.warnf("Completing a consent failed: %s", e.getMessage());
            page(ctx, 502, "Atlassian did not complete the connection", "Nothing was connected. Ask your agent "
                    + "again for a new link and try once more; if it keeps failing, tell the server's operator.");
        }
    }

    private static void expired(RoutingContext ctx) {
        page(ctx, 410, "This link has expired", "Connect links work for a few minutes and once. Ask your agent again: "
                + "it answers with a new link.");
    }

    private void denied(RoutingContext ctx, SecurityIdentity signedIn, String why) {
        audit.fire(new ConnectEvent(server.product(), "denied", why, signedIn, ctx));
    }

    /**
     * The configured site, if the grant reaches it: Data Center's provider is the site itself; a Cloud grant may cover
     * other sites, or not this one.
     */
    private Optional<AtlassianTokens.Site> site(Grant grant) {
        if (atlassian.isDataCenter()) {
            return Optional.of(new AtlassianTokens.Site("", atlassian.url().orElse(""), List.of(grant.scopes().split(
                    " "))));
        }
        return tokens.sites(grant.accessToken()).stream().filter(this::isThisSite).findFirst();
    }

    private boolean isThisSite(AtlassianTokens.Site site) {
        Optional<String> cloudId = atlassian.cloudId().map(String::trim).filter(id -> !id.isEmpty());
        if (cloudId.isPresent()) {
            return cloudId.get().equalsIgnoreCase(site.cloudId());
        }
        return atlassian.url().map(ConnectRoutes::origin).filter(origin -> origin.equals(origin(site.url())))
                .isPresent();
    }

    private static String origin(String url) {
        try {
            URI uri = URI.create(url.trim());
            return (uri.getScheme() + "://" + uri.getAuthority()).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /**
     * The authorization request: Atlassian Cloud's ({@code audience}, {@code prompt=consent}) or Data Center's OAuth
     * 2.0 provider's, both with {@code state} and PKCE (S256).
     */
    private String consentUrl(String state, String verifier) {
        boolean cloud = !atlassian.isDataCenter();
        return config.authorizeUrl() + "?" + (cloud ? "audience=api.atlassian.com&" : "") + "client_id=" + encode(
                config.clientId().orElse("")) + "&scope=" + encode(String.join(" ", access.requestedScopes()))
                + "&redirect_uri="
                + encode(access.redirectUrl()) + "&state=" + encode(state) + "&response_type=code" + (cloud
                        ? "&prompt=consent"
                        : "")
                + "&code_challenge=" + encode(PkceChallenge.s256(verifier)) + "&code_challenge_method=S256";
    }

    /** Who the person grants access at: Atlassian (Cloud), or the Data Center product itself. */
    private String authority() {
        return atlassian.isDataCenter() ? server.productName() : "Atlassian";
    }

    private String who(SecurityIdentity signedIn) {
        if (signedIn == null) {
            return "nobody";
        }
        Optional<String> name = Caller.claim(signedIn, "name");
        Optional<String> email = Caller.claim(signedIn, server.identity().emailClaim());
        return name.map(n -> n + email.map(e -> " (" + e + ")").orElse("")).or(() -> email).orElse(signedIn
                .getPrincipal().getName());
    }

    private static void unavailable(RoutingContext ctx) {
        ctx.response().putHeader("Retry-After", "30");
        page(ctx, 503, "Try again in a minute", "This server cannot reach its token store right now. Nothing was "
                + "connected; reload this page in a minute.");
    }

    private static void page(RoutingContext ctx, int status, String title, String text) {
        html(ctx, status, title, ConnectPage.paragraph(text));
    }

    private static void html(RoutingContext ctx, int status, String title, String body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "text/html; charset=utf-8").putHeader(
                "Cache-Control", "no-store").putHeader("Content-Security-Policy",
                        "default-src 'none'; style-src "
                                + "'unsafe-inline'; frame-ancestors 'none'; form-action 'none'")
                .putHeader("Referrer-Policy",
                        "no-referrer")
                .putHeader("X-Content-Type-Options", "nosniff").end(ConnectPage.html(
                        title, body));
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
