package dev.atlmcp.sandbox;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;

import dev.atlmcp.sandbox.http.ApiException;
import dev.atlmcp.sandbox.http.Json;
import dev.atlmcp.sandbox.http.Request;
import dev.atlmcp.sandbox.http.Response;
import dev.atlmcp.sandbox.http.Router;
import dev.atlmcp.sandbox.compass.CompassApi;
import dev.atlmcp.sandbox.confluence.ConfluenceApi;
import dev.atlmcp.sandbox.jira.JiraApi;
import dev.atlmcp.sandbox.oauth.AtlassianAuthServer;
import dev.atlmcp.sandbox.oauth.DataCenterAuthServer;
import dev.atlmcp.sandbox.oidc.DevTokenIssuer;

/**
 * The Atlassian sandbox: one HTTP server that serves a Cloud site at {@code /} (Jira, Confluence under {@code /wiki},
 * Compass through the GraphQL gateway at {@code /gateway/api/graphql}), Data Center sites under the context paths
 * {@code /jira} and {@code /confluence} (each with its OAuth 2.0 provider), Atlassian's API gateway for the Cloud site
 * ({@code /ex/jira/<cloudId>}, {@code /ex/confluence/<cloudId>}, {@code /graphql}; scoped and OAuth tokens only),
 * Atlassian's OAuth 2.0 (3LO) authorization server under {@code /atlassian-auth}, a dev token issuer under
 * {@code /oidc} and its own control API under {@code /_sandbox}. It also answers requests sent through it as an HTTP
 * proxy (absolute-form targets), and optionally serves everything over mutual TLS as well.
 */
public final class Sandbox implements AutoCloseable {

    public static final String DATACENTER_JIRA = "/jira";
    public static final String DATACENTER_CONFLUENCE = "/confluence";
    public static final String ISSUER_PATH = "/oidc";
    /** The API gateway's per-site prefixes; the sandbox serves the gateway on its own host. */
    public static final String GATEWAY_JIRA = "/ex/jira/" + CompassApi.CLOUD_ID;
    public static final String GATEWAY_CONFLUENCE = "/ex/confluence/" + CompassApi.CLOUD_ID;
    public static final String USER_TOKEN_HEADER = "X-Atlassian-User-Token";

    /**
     * How to start: host and port (0 = any free port), the audiences dev tokens are issued for, and optionally a
     * second, HTTPS listener on any free port that requires a client certificate.
     */
    public record Options(String host, int port, List<String> audiences, SSLContext mutualTls) {
        public Options(String host, int port, List<String> audiences) {
            this(host, port, audiences, null);
        }
    }

    /**
     * One product API request as it reached the sandbox: the account it authenticated as ({@code ""} if none) and
     * whether it came through an HTTP proxy (absolute-form request target).
     */
    public record LoggedRequest(String method, String path, int status, String user, boolean proxied) {
    }

    /** A site the sandbox serves under a path prefix; {@code title} names it in the route map (null: not listed). */
    private record Site(String prefix, String title, Router router, Function<Request, Optional<SandboxUser>> auth,
            boolean product) {

        boolean dataCenter() {
            return prefix.equals(DATACENTER_JIRA) || prefix.equals(DATACENTER_CONFLUENCE);
        }
    }

    /** Public endpoints need no credentials and answer for nobody in particular. */
    private static final SandboxUser NOBODY = new SandboxUser("", "", "", "", "", "", "", "", "UTC");

    private final HttpServer server;
    private final HttpsServer httpsServer;
    private final ExecutorService executor;
    private final Faults faults = new Faults();
    private final KeptAliveConnections connections = new KeptAliveConnections();
    private final DeprecatedEndpoints deprecated = new DeprecatedEndpoints();
    private final RateLimitHeaders rateLimits = new RateLimitHeaders();
    private final RequestLog requestLog = new RequestLog();
    private final Optional<Traffic> traffic = Traffic.fromSystemProperty();
    private final java.util.concurrent.locks.ReentrantReadWriteLock storeLock = new java.util.concurrent.locks.ReentrantReadWriteLock();
    private final List<Site> sites;
    /** The Cloud site's routes, served at the root and through the API gateway. */
    private final Router cloud = new Router();
    private final JiraApi cloudJira;
    private final JiraApi datacenterJira;
    private final ConfluenceApi cloudConfluence;
    private final ConfluenceApi datacenterConfluence;
    private final CompassApi compass;
    private final DevTokenIssuer issuer;
    private final AtlassianAuthServer atlassianAuth;
    private final DataCenterAuthServer jiraDataCenterAuth = new DataCenterAuthServer("Jira");
    private final DataCenterAuthServer confluenceDataCenterAuth = new DataCenterAuthServer("Confluence");
    private final MediaHost media;
    private final String url;
    private final String httpsUrl;

    static {
        // The JDK server writes headers and body separately; with Nagle's algorithm on, a keep-alive client's delayed
        // ACK holds every answer back by about 40 ms. Read once, when the JDK server is first used.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private Sandbox(Options options) throws IOException {
        server = HttpServer.create(new InetSocketAddress(options.host(), options.port()), 256);
        url = "http://" + (options.host().contains(":") ? "[" + options.host() + "]" : options.host()) + ":"
                + server.getAddress().getPort();
        issuer = new DevTokenIssuer(url + ISSUER_PATH, options.audiences());
        cloudJira = new JiraApi(Flavour.CLOUD, url);
        datacenterJira = new JiraApi(Flavour.DATACENTER, url + DATACENTER_JIRA);
        media = new MediaHost(options.host());
        cloudConfluence = new ConfluenceApi(Flavour.CLOUD, url + "/wiki", "/wiki", media);
        datacenterConfluence = new ConfluenceApi(Flavour.DATACENTER, url + DATACENTER_CONFLUENCE,
                DATACENTER_CONFLUENCE, null);

        atlassianAuth = new AtlassianAuthServer(CompassApi.CLOUD_ID, url);
        Router auth = new Router();
        atlassianAuth.register(auth);
        Router resources = new Router();
        atlassianAuth.registerResources(resources);
        Router admin = new Router();
        new ControlApi(this).register(admin);
        Router oidc = new Router();
        issuer.register(oidc);
        compass = new CompassApi(url);
        Router dcJira = new Router();
        datacenterJira.register(dcJira);
        Router dcConfluence = new Router();
        datacenterConfluence.register(dcConfluence);
        Router dcJiraAuth = new Router();
        jiraDataCenterAuth.register(dcJiraAuth);
        Router dcConfluenceAuth = new Router();
        confluenceDataCenterAuth.register(dcConfluenceAuth);
        cloudJira.register(cloud);
        cloudConfluence.register(cloud);
        compass.register(cloud);
        Router edge = new Router();
        compass.registerTenantInfo(edge);
        Router gatewayGraphql = new Router();
        compass.registerGateway(gatewayGraphql);
        Router gatewayAssets = new Router();
        cloudJira.registerAssetsGateway(gatewayAssets);
        Router unknownSite = new Router();
        // RFC 8414 metadata for an issuer with a path sits at /.well-known/oauth-authorization-server/oidc
        Router wellKnown = new Router();
        wellKnown.get("", r -> issuer.discoveryResponse());
        wellKnown.get("/", r -> issuer.discoveryResponse());
        sites = List.of(new Site("/_sandbox", "Control API (tests and ./demo only)", admin,
                r -> Optional.of(Directory.BOT), false),
                new Site("/.well-known/oauth-authorization-server" + ISSUER_PATH,
                        "Dev token issuer metadata (RFC 8414)", wellKnown, r -> Optional.of(Directory.BOT), false),
                new Site(ISSUER_PATH, "Dev token issuer (OpenID Connect)", oidc, r -> Optional.of(Directory.BOT),
                        false),
                new Site(DATACENTER_JIRA + DataCenterAuthServer.PATH, "Jira Data Center's OAuth 2.0 provider",
                        dcJiraAuth, r -> Optional.of(NOBODY), true),
                new Site(DATACENTER_CONFLUENCE + DataCenterAuthServer.PATH,
                        "Confluence Data Center's OAuth 2.0 provider", dcConfluenceAuth, r -> Optional.of(NOBODY),
                        true),
                new Site(DATACENTER_JIRA, "Jira Data Center", dcJira, r -> SiteLogins.dataCenter(r,
                        jiraDataCenterAuth::userOf), true),
                new Site(DATACENTER_CONFLUENCE, "Confluence Data Center", dcConfluence, r -> SiteLogins.dataCenter(r,
                        confluenceDataCenterAuth::userOf), true),
                // The gateway's per-site prefixes serve the Cloud site's routes; the route map says so once.
                new Site(AtlassianAuthServer.PREFIX, "Atlassian's OAuth 2.0 (3LO) authorization server", auth,
                        r -> Optional.of(NOBODY), true),
                new Site("/oauth/token", "API gateway: the sites an OAuth access token reaches", resources,
                        r -> Optional.of(NOBODY), true),
                new Site(GATEWAY_JIRA, null, cloud, this::gatewayLogin, true),
                new Site(GATEWAY_CONFLUENCE, null, cloud, this::gatewayLogin, true),
                new Site("/ex", "API gateway: sites it does not know", unknownSite, this::gatewayLogin, true),
                new Site("/graphql", "Compass GraphQL through the API gateway", gatewayGraphql, this::gatewayLogin,
                        true),
                new Site("/jsm/assets", "Assets through the API gateway", gatewayAssets, this::gatewayLogin, true),
                new Site("/_edge", "The site's tenant information", edge, r -> Optional.of(NOBODY), true),
                new Site("", "Cloud site: Jira, Confluence (`/wiki`) and Compass", cloud, SiteLogins::cloud, true));

        executor = Executors.newFixedThreadPool(64, runnable -> {
            Thread thread = new Thread(runnable, "sandbox-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        if (options.mutualTls() == null) {
            httpsServer = null;
            httpsUrl = null;
        } else {
            httpsServer = HttpsServer.create(new InetSocketAddress(options.host(), 0), 64);
            httpsServer.setHttpsConfigurator(new HttpsConfigurator(options.mutualTls()) {
                @Override
                public void configure(HttpsParameters params) {
                    SSLParameters parameters = getSSLContext().getDefaultSSLParameters();
                    parameters.setNeedClientAuth(true);
                    params.setSSLParameters(parameters);
                }
            });
            httpsServer.setExecutor(executor);
            httpsServer.createContext("/", this::handle);
            httpsServer.start();
            httpsUrl = "https://localhost:" + httpsServer.getAddress().getPort();
        }
    }

    public static Sandbox start(Options options) throws IOException {
        return new Sandbox(options);
    }

    /** The root URL, e.g. {@code http://127.0.0.1:8090}; the Jira Cloud site. */
    public String url() {
        return url;
    }

    /** The same sites over HTTPS with a required client certificate, if started with {@code mutualTls}. */
    public Optional<String> httpsUrl() {
        return Optional.ofNullable(httpsUrl);
    }

    /** Raises (or lowers) the Cloud sites' hourly request budget their rate-limit headers count down. */
    public void cloudHourlyLimit(long requests) {
        rateLimits.cloudPerHour(requests);
    }

    public DevTokenIssuer issuer() {
        return issuer;
    }

    public Faults faults() {
        return faults;
    }

    /** Atlassian's OAuth 2.0 (3LO) authorization server. */
    public AtlassianAuthServer atlassianAuth() {
        return atlassianAuth;
    }

    /** The Data Center products' OAuth 2.0 providers: Jira's, then Confluence's. */
    public List<DataCenterAuthServer> dataCenterAuth() {
        return List.of(jiraDataCenterAuth, confluenceDataCenterAuth);
    }

    private Optional<SandboxUser> gatewayLogin(Request request) {
        return SiteLogins.gateway(request, atlassianAuth::userOf);
    }

    /** Reseeds every site, clears faults and the request log. */
    public void reset() {
        cloudJira.reset();
        datacenterJira.reset();
        cloudConfluence.reset();
        datacenterConfluence.reset();
        compass.reset();
        atlassianAuth.reset();
        jiraDataCenterAuth.reset();
        confluenceDataCenterAuth.reset();
        issuer.reset();
        faults.clear();
        deprecated.switchOff(false);
        requestLog.clear();
    }

    /** New Jira issues stay out of search this long, on both Jira sites. */
    void searchLag(Duration lag) {
        cloudJira.searchLag(lag);
        datacenterJira.searchLag(lag);
    }

    /** Whether the Cloud operations Atlassian deprecated answer 410. */
    void deprecatedOff(boolean off) {
        deprecated.switchOff(off);
    }

    void forgetRequests() {
        requestLog.clear();
    }

    public List<LoggedRequest> requests() {
        return requestLog.entries();
    }

    /**
     * What the sandbox serves, as Markdown: per site (the path prefix it answers under), in the order sites are
     * matched, each route with the class that serves it, in matching order. {@code ROUTES.md} beside this module's
     * README is this map, kept in step by a test.
     */
    public String routeMap() {
        StringBuilder out = new StringBuilder("""
                # Sandbox routes

                Generated by `Sandbox.routeMap()` and checked by `RouteMapTest` (`-Droutes.update=true` rewrites it).
                The API gateway serves the Cloud site's routes under `%s` and `%s` too. Attachment downloads of
                Confluence Cloud redirect to `MediaHost`, a second port that refuses credentials.
                """.formatted(GATEWAY_JIRA, GATEWAY_CONFLUENCE));
        sites.stream().filter(site -> site.title() != null).forEach(site -> {
            out.append("\n## ").append(site.title()).append(" (`").append(site.prefix().isEmpty() ? "/" : site
                    .prefix()).append("`)\n\n| method | path | served by |\n|---|---|---|\n");
            site.router().routes().forEach(route -> out.append("| ").append(route.method()).append(" | `").append(
                    site.prefix()).append(route.pattern()).append("` | `").append(route.servedBy()).append("` |\n"));
        });
        return out.toString();
    }

    @Override
    public void close() {
        server.stop(0);
        if (httpsServer != null) {
            httpsServer.stop(0);
        }
        executor.shutdownNow();
        media.close();
        traffic.ifPresent(Traffic::close);
    }

    private void handle(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        String path = uri.getRawPath();
        Site site = sites.stream().filter(s -> s.prefix.isEmpty() || path.equals(s.prefix)
                || path.startsWith(s.prefix + "/")).findFirst().orElseThrow();
        String relative = path.substring(site.prefix.length());
        Request request = new Request(exchange.getRequestMethod(), relative, Request.parseQuery(uri.getRawQuery()),
                exchange.getRequestHeaders(), exchange.getRequestBody().readAllBytes(), java.util.Map.of(), null);

        Faults.Rule fault = site.product ? faults.next(request.method(), path, request.bodyText(),
                connections.idleMillis(exchange.getRemoteAddress())) : null;
        if (fault != null && fault.latencyMillis() > 0) {
            sleep(fault.latencyMillis());
        }
        if (fault != null && !fault.afterProcessing() && (fault.drop() || fault.status() > 0)) {
            applyFault(exchange, fault, path);
            return;
        }
        Optional<SandboxUser> user = site.auth.apply(request);
        Response gone = site.router.equals(cloud) ? deprecated.gone(relative) : null;
        Response response = request.header(USER_TOKEN_HEADER).isPresent() ? userTokenLeaked()
                : gone != null && user.isPresent() ? gone
                        : user.map(u -> dispatch(site, request, u)).orElseGet(() -> unauthorized(site).response());
        if (fault != null && fault.afterProcessing() && (fault.drop() || fault.status() > 0)) {
            applyFault(exchange, fault, path);
            return;
        }
        if (site.product) {
            requestLog.add(new LoggedRequest(request.method(), path, response.status(), user.map(SandboxUser::accountId)
                    .orElse(""), uri.isAbsolute()));
            traffic.ifPresent(t -> t.record(site.prefix, request, relative, uri.getRawQuery(), response));
        }
        if (site.product) {
            rateLimits.headers(site.dataCenter())
                    .forEach(response.headers()::putIfAbsent);
        }
        if (fault != null) {
            fault.headers().forEach(response::header);
        }
        write(exchange, response);
        connections.answered(exchange.getRemoteAddress());
    }

    /** The header carries a caller's token for the MCP server; reaching Atlassian it would be a leak. */
    private static Response userTokenLeaked() {
        return Response.json(400, ApiException.errorCollection(List.of(USER_TOKEN_HEADER + " must never reach "
                + "Atlassian."), java.util.Map.of()));
    }

    /**
     * Product requests read the in-memory store while others change it: reads share the lock, everything else takes it
     * alone, so a page of comments is never read while one is being added.
     */
    private Response dispatch(Site site, Request request, SandboxUser user) {
        java.util.concurrent.locks.Lock lock = "GET".equals(request.method()) ? storeLock.readLock()
                : storeLock.writeLock();
        lock.lock();
        try {
            return route(site, request, user);
        } finally {
            lock.unlock();
        }
    }

    private Response route(Site site, Request request, SandboxUser user) {
        try {
            Router.Match match = site.router.match(request.method(), request.path()).orElseThrow(
                    () -> new ApiException(Response.json(404, ApiException.errorCollection(List.of(
                            "null for uri: " + url + site.prefix + request.path()), java.util.Map.of()))));
            return match.handler().handle(request.withMatch(request.path(), match.params()).withPrincipal(user));
        } catch (ApiException e) {
            return e.response();
        } catch (RuntimeException e) {
            return Response.json(500, ApiException.errorCollection(List.of("Internal server error: " + e),
                    java.util.Map.of()));
        }
    }

    private void applyFault(HttpExchange exchange, Faults.Rule fault, String path) throws IOException {
        requestLog.add(new LoggedRequest(exchange.getRequestMethod(), path, fault.drop() ? -1 : fault.status(), "",
                exchange.getRequestURI().isAbsolute()));
        if (fault.drop()) {
            connections.closed(exchange.getRemoteAddress());
            exchange.close();
            return;
        }
        Response response = Response.json(fault.status(), ApiException.errorCollection(List.of(
                faultMessage(fault.status())), java.util.Map.of()));
        if (fault.retryAfterSeconds() != null) {
            response.header("Retry-After", String.valueOf(fault.retryAfterSeconds()));
        }
        if (fault.status() == 429) {
            response.header("RateLimit-Reason", "jira-burst-based");
            response.header("X-RateLimit-Remaining", "0");
        }
        write(exchange, response);
        connections.answered(exchange.getRemoteAddress());
    }

    private static String faultMessage(int status) {
        return switch (status) {
        case 401 -> "You are not authenticated. Authentication required to perform this operation.";
        case 403 -> "You currently don't have access to perform this operation.";
        case 429 -> "Rate limit exceeded.";
        case 503 -> "Service Unavailable";
        default -> "Internal server error";
        };
    }

    private static ApiException unauthorized(Site site) {
        Response response = Response.json(401, ApiException.errorCollection(List.of(
                "You are not authenticated. Authentication required to perform this operation."),
                java.util.Map.of()));
        if (site.dataCenter()) {
            response.header("X-Seraph-LoginReason", "AUTHENTICATED_FAILED");
        }
        return new ApiException(response);
    }

    private static void write(HttpExchange exchange, Response response) throws IOException {
        response.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        byte[] body = null;
        if (response.body() != null) {
            body = response.body() instanceof byte[] bytes ? bytes : (response.body() instanceof String s ? s
                    : Json.MAPPER.writeValueAsString(response.body())).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
        }
        exchange.sendResponseHeaders(response.status(), body == null ? -1 : body.length);
        if (body != null) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
