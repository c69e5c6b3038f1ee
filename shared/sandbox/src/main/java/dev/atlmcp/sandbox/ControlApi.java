package dev.atlmcp.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;

import dev.atlmcp.sandbox.http.ApiException;
import dev.atlmcp.sandbox.http.Json;
import dev.atlmcp.sandbox.http.Response;
import dev.atlmcp.sandbox.http.Router;

/**
 * The control API under {@code /_sandbox}, for tests and {@code ./demo}: faults, search lag, deprecated operations
 * switched off, reset, the request log, the registered callbacks and clock of the OAuth servers, health.
 * {@link SandboxControl} is its client.
 */
final class ControlApi {

    private final Sandbox sandbox;

    ControlApi(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    void register(Router admin) {
        admin.post("/faults", r -> {
            try {
                sandbox.faults().add(Faults.Rule.fromJson(r.json()));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest(e.getMessage());
            }
            return Response.noContent();
        });
        admin.add("DELETE", "/faults", r -> {
            sandbox.faults().clear();
            return Response.noContent();
        });
        admin.post("/search-lag", r -> {
            Duration lag = Duration.ofMillis(r.json().path("millis").asLong());
            sandbox.searchLag(lag);
            return Response.noContent();
        });
        admin.post("/deprecated", r -> {
            sandbox.deprecatedOff(r.json().path("off").asBoolean());
            return Response.noContent();
        });
        admin.post("/reset", r -> {
            sandbox.reset();
            return Response.noContent();
        });
        admin.get("/requests", r -> {
            ArrayNode list = Json.array();
            sandbox.requests().forEach(l -> list.addObject().put("method", l.method()).put("path", l.path())
                    .put("status", l.status()).put("user", l.user()).put("proxied", l.proxied()));
            return Response.ok(list);
        });
        admin.add("DELETE", "/requests", r -> {
            sandbox.forgetRequests();
            return Response.noContent();
        });
        admin.put("/atlassian-oauth/callbacks", r -> {
            List<String> urls = new ArrayList<>();
            r.json().forEach(u -> urls.add(u.asText()));
            sandbox.atlassianAuth().callbacks(urls);
            sandbox.dataCenterAuth().forEach(provider -> provider.callbacks(urls));
            return Response.noContent();
        });
        admin.post("/atlassian-oauth/settings", r -> {
            var settings = r.json();
            if (settings.has("accessTokenSeconds")) {
                sandbox.atlassianAuth().accessLifetime(Duration.ofSeconds(settings.path("accessTokenSeconds")
                        .asLong()));
            }
            if (settings.has("reuseWindowSeconds")) {
                sandbox.atlassianAuth().reuseWindow(Duration.ofSeconds(settings.path("reuseWindowSeconds").asLong()));
            }
            if (settings.has("advanceSeconds")) {
                sandbox.atlassianAuth().advance(Duration.ofSeconds(settings.path("advanceSeconds").asLong()));
            }
            return Response.noContent();
        });
        admin.get("/atlassian-oauth/grants", r -> {
            var counts = Json.object();
            sandbox.atlassianAuth().grantCounts().forEach(counts::put);
            sandbox.dataCenterAuth().forEach(provider -> provider.grantCounts().forEach((type, n) -> counts.put(
                    "datacenter " + type, counts.path("datacenter " + type).asInt() + n)));
            return Response.ok(counts);
        });
        admin.put("/oidc/redirects", r -> {
            List<String> uris = new ArrayList<>();
            r.json().forEach(u -> uris.add(u.asText()));
            sandbox.issuer().connectRedirects(uris);
            return Response.noContent();
        });
        admin.get("/health", r -> Response.ok(Json.object().put("status", "UP")));
    }
}
