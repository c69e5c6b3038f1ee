package dev.atlmcp.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark behind {@code bench/delegated}: what delegated access costs a call. Against one sandbox, the same
 * jira-mcp build runs with the service account and with {@code ATLASSIAN_AUTH_MODE=oauth}; a person connects through
 * the real connect pages (with nothing but the JDK's HTTP client), then {@code jira_get_issue} is timed on both at
 * concurrency 1 and 16, and 200 concurrent sessions run while the person's access token needs renewing every second,
 * counting the refreshes Atlassian saw.
 */
public final class DelegatedBench {

    private static final Pattern LINK = Pattern
            .compile("Open (http\\S+/connect/atlassian\\?link=\\S+) in your browser");
    private static final Pattern FORM_ACTION = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\"");
    private static final Pattern HIDDEN = Pattern.compile(
            "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");
    private static final Pattern CONTINUE = Pattern.compile("id=\"continue\" href=\"([^\"]+)\"");
    private static final String ISSUE = "{\"issue_key\":\"OPS-1\"}";

    private DelegatedBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = McpBench.options(args, java.util.List.of("token", "sandbox", "basic-url",
                "basic-metrics", "basic-pid", "oauth-url", "oauth-metrics", "oauth-pid", "username", "email",
                "password"), "bench/delegated");
        String token = options.get("token");
        String sandbox = options.get("sandbox");
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "15"));
        McpLoad service = new McpLoad(options.get("basic-url"), token);
        McpLoad delegated = new McpLoad(options.get("oauth-url"), token);
        connect(delegated, options.get("username"), options.get("email"), options.get("password"));

        Map<String, String> call = Map.of("jira_get_issue", ISSUE);
        McpBench.measure(service, call, 16, 5, options.get("basic-metrics"), pid(options, "basic-pid"), null);
        McpBench.measure(delegated, call, 16, 5, options.get("oauth-metrics"), pid(options, "oauth-pid"), null);
        System.out.println();
        System.out
                .println("| jira_get_issue | concurrency | calls/s | p50 ms | p90 ms | p99 ms | server overhead p50 ms "
                        + "| server overhead p99 ms | errors |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (int concurrency : new int[] { 1, 16 }) {
            row("service account", McpBench.measure(service, call, concurrency, seconds, options.get(
                    "basic-metrics"), pid(options, "basic-pid"), "jira_get_issue"), concurrency);
            row("delegated (oauth)", McpBench.measure(delegated, call, concurrency, seconds, options.get(
                    "oauth-metrics"), pid(options, "oauth-pid"), "jira_get_issue"), concurrency);
        }

        // Access tokens of 301 s: with the default refresh 5 minutes before expiry, one is due a second after it is
        // issued, so under load the person's token is renewed about every second.
        control(sandbox, "POST", "/atlassian-oauth/settings", "{\"accessTokenSeconds\":301}");
        try (McpLoad.Session session = delegated.open("bench-disconnect")) {
            session.call("jira_disconnect_atlassian", "{}");
        }
        connect(delegated, options.get("username"), options.get("email"), options.get("password"));
        int before = refreshes(sandbox);
        McpBench.Phase wave = McpBench.measure(delegated, call, 200, seconds, options.get("oauth-metrics"), pid(
                options, "oauth-pid"), "jira_get_issue");
        int refreshed = refreshes(sandbox) - before;
        System.out.printf("%n200 concurrent sessions of one person, access token due for renewal every second, %d s: "
                + "%d calls (%.0f/s), %d errors, p50 %.1f ms, p90 %.1f ms, p99 %.1f ms; %d refreshes at Atlassian "
                + "(one per renewal: %.1f per second)%n", seconds, wave.calls(), wave.callsPerSecond(), wave.errors(),
                wave.p50(), wave.p90(), wave.p99(), refreshed, refreshed / (double) seconds);
    }

    private static void row(String mode, McpBench.Phase phase, int concurrency) {
        System.out.printf("| %s | %d | %.0f | %.1f | %.1f | %.1f | %.2f | %.2f | %d |%n", mode, concurrency, phase
                .callsPerSecond(), phase.p50(), phase.p90(), phase.p99(), phase.overheadP50(), phase.overheadP99(),
                phase.errors());
    }

    /** The connect flow as a browser runs it: the link from a tool call, sign-in, Atlassian's consent. */
    private static void connect(McpLoad server, String username, String email, String password) throws Exception {
        String answer;
        try (McpLoad.Session session = server.open("bench-connect")) {
            answer = session.call("jira_get_issue", ISSUE).body();
        }
        Matcher link = LINK.matcher(answer);
        if (!link.find()) {
            throw new IllegalStateException("No connect link in " + answer);
        }
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        Page signIn = follow(browser, HttpRequest.newBuilder(URI.create(link.group(1))).build());
        Page connectPage = submit(browser, signIn, Map.of("username", username, "password", password));
        Matcher next = CONTINUE.matcher(connectPage.html());
        if (!next.find()) {
            throw new IllegalStateException("No way on to Atlassian from " + connectPage.html());
        }
        Page consent = follow(browser, HttpRequest.newBuilder(URI.create(unescape(next.group(1)))).build());
        Page done = submit(browser, consent, Map.of("email", email, "password", password, "decision", "accept"));
        if (!done.html().contains("Jira is connected")) {
            throw new IllegalStateException("Connecting failed: " + done.html());
        }
    }

    private record Page(URI url, String html) {
    }

    private static Page submit(HttpClient browser, Page page, Map<String, String> fields) throws Exception {
        Matcher action = FORM_ACTION.matcher(page.html());
        if (!action.find()) {
            throw new IllegalStateException("No form on " + page.url() + ": " + page.html());
        }
        Map<String, String> values = new LinkedHashMap<>();
        Matcher hidden = HIDDEN.matcher(page.html());
        while (hidden.find()) {
            values.put(unescape(hidden.group(1)), unescape(hidden.group(2)));
        }
        values.putAll(fields);
        StringBuilder body = new StringBuilder();
        values.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(encode(k)).append('=').append(encode(
                v)));
        return follow(browser, HttpRequest.newBuilder(page.url().resolve(unescape(action.group(1)))).header(
                "Content-Type", "application/x-www-form-urlencoded").POST(
                        HttpRequest.BodyPublishers.ofString(body
                                .toString()))
                .build());
    }

    private static Page follow(HttpClient browser, HttpRequest first) throws IOException, InterruptedException {
        HttpRequest request = first;
        for (int hop = 0; hop < 15; hop++) {
            HttpResponse<String> response = browser.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 3) {
                return new Page(request.uri(), response.body());
            }
            request = HttpRequest.newBuilder(request.uri().resolve(response.headers().firstValue("Location")
                    .orElseThrow())).build();
        }
        throw new IllegalStateException("Too many redirects from " + first.uri());
    }

    private static int refreshes(String sandbox) throws Exception {
        Matcher count = Pattern.compile("\"refresh_token\":(\\d+)").matcher(control(sandbox, "GET",
                "/atlassian-oauth/grants", null));
        return count.find() ? Integer.parseInt(count.group(1)) : 0;
    }

    private static String control(String sandbox, String method, String path, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox + "/_sandbox" + path)).header("Content-Type",
                "application/json").method(method,
                        json == null ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(json))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    private static long pid(Map<String, String> options, String name) {
        return Long.parseLong(options.get(name));
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace(
                "&#x27;", "'").replace("&amp;", "&");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
