package dev.atlmcp.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.atlmcp.sandbox.http.Json;

/** A client for the sandbox's control API, for tests and scripts that run the sandbox in another process. */
public final class SandboxControl {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String url;

    public SandboxControl(String sandboxUrl) {
        this.url = sandboxUrl.replaceAll("/+$", "") + "/_sandbox";
    }

    /** A fault rule; see {@link Faults.Rule} for the fields. */
    public static ObjectNode fault() {
        return Json.object();
    }

    public void addFault(ObjectNode rule) {
        send("POST", "/faults", rule.toString());
    }

    public void clearFaults() {
        send("DELETE", "/faults", null);
    }

    /**
     * Keeps new Jira issues out of search results for {@code lag}, as a real site's search index may; reset ends it.
     */
    public void searchLag(java.time.Duration lag) {
        send("POST", "/search-lag", "{\"millis\":" + lag.toMillis() + "}");
    }

    /**
     * Switches the Cloud operations Atlassian has deprecated off (they answer 410 Gone, as removed ones do) or back on;
     * reset switches them on.
     */
    public void deprecatedEndpoints(boolean off) {
        send("POST", "/deprecated", "{\"off\":" + off + "}");
    }

    public void reset() {
        send("POST", "/reset", null);
    }

    /** The 3LO app's callback URLs and the connect client's redirect URIs at the dev identity provider, exactly. */
    public void registerCallbacks(List<String> atlassianCallbacks, List<String> signInRedirects) {
        send("PUT", "/atlassian-oauth/callbacks", Json.MAPPER.valueToTree(atlassianCallbacks).toString());
        send("PUT", "/oidc/redirects", Json.MAPPER.valueToTree(signInRedirects).toString());
    }

    /**
     * Atlassian's token settings and clock: access token lifetime, refresh token reuse window, and a jump of the clock
     * (e.g. past 90 days of inactivity). Reset restores them.
     */
    public void atlassianTokens(java.time.Duration accessToken, java.time.Duration reuseWindow,
            java.time.Duration advance) {
        send("POST", "/atlassian-oauth/settings", Json.object().put("accessTokenSeconds", accessToken.toSeconds())
                .put("reuseWindowSeconds", reuseWindow.toSeconds()).put("advanceSeconds", advance.toSeconds())
                .toString());
    }

    /** How many authorization codes and refresh tokens Atlassian exchanged since the last reset, by grant type. */
    public java.util.Map<String, Integer> atlassianGrants() {
        java.util.Map<String, Integer> counts = new java.util.TreeMap<>();
        try {
            Json.MAPPER.readTree(send("GET", "/atlassian-oauth/grants", null)).fields().forEachRemaining(e -> counts
                    .put(e.getKey(), e.getValue().asInt()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }

    public void clearRequests() {
        send("DELETE", "/requests", null);
    }

    /** Product API requests seen so far, as "METHOD /path STATUS". */
    public List<String> requests() {
        List<String> lines = new ArrayList<>();
        try {
            JsonNode list = Json.MAPPER.readTree(send("GET", "/requests", null));
            list.forEach(r -> lines.add(r.path("method").asText() + " " + r.path("path").asText() + " "
                    + r.path("status").asInt()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return lines;
    }

    /** Product API requests seen so far, with the account each authenticated as and whether it came via a proxy. */
    public List<Sandbox.LoggedRequest> requestLog() {
        List<Sandbox.LoggedRequest> log = new ArrayList<>();
        try {
            Json.MAPPER.readTree(send("GET", "/requests", null)).forEach(r -> log.add(new Sandbox.LoggedRequest(r
                    .path("method").asText(), r.path("path").asText(), r.path("status").asInt(),
                    r.path("user")
                            .asText(),
                    r.path("proxied").asBoolean())));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return log;
    }

    private String send(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).header("Content-Type",
                "application/json").method(method,
                        body == null ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException("Sandbox control " + method + " " + path + " failed: "
                        + response.statusCode() + " " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("Sandbox control unreachable at " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
