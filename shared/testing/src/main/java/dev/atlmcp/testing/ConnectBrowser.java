package dev.atlmcp.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import dev.atlmcp.sandbox.SandboxUser;

/**
 * A person's browser without a user interface for the connect flow: it keeps cookies, follows redirects and remembers
 * every URL it went through, reads pages with jsoup, fills and submits their forms and follows their links. The
 * headless Chromium checks drive the same pages in a real browser.
 */
public final class ConnectBrowser {

    /** A page the browser landed on: its URL, status and HTML, and the URLs that led there. */
    public record Page(URI url, int status, String html, List<URI> visited) {

        public Document document() {
            return Jsoup.parse(html, url.toString());
        }

        public String title() {
            return document().select("h1").text();
        }

        public String text() {
            return document().body().text();
        }
    }

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager(null,
            CookiePolicy.ACCEPT_ALL)).followRedirects(HttpClient.Redirect.NEVER).build();

    /** Opens a URL and follows its redirects. */
    public Page open(String url) throws IOException, InterruptedException {
        return follow(HttpRequest.newBuilder(URI.create(url)).GET().build(), new ArrayList<>());
    }

    /** Follows the link with this id. */
    public Page click(Page page, String linkId) throws IOException, InterruptedException {
        Element link = page.document().getElementById(linkId);
        if (link == null) {
            throw new IllegalStateException("No link #" + linkId + " on " + page.url() + ": " + page.text());
        }
        return open(link.absUrl("href"));
    }

    /** Fills the page's first form with {@code fields} (hidden ones kept) and submits it. */
    public Page submit(Page page, Map<String, String> fields) throws IOException, InterruptedException {
        Element form = page.document().selectFirst("form");
        if (form == null) {
            throw new IllegalStateException("No form on " + page.url() + ": " + page.text());
        }
        Map<String, String> values = new LinkedHashMap<>();
        form.select("input[type=hidden]").forEach(input -> values.put(input.attr("name"), input.attr("value")));
        values.putAll(fields);
        String body = values.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(
                Collectors.joining("&"));
        return follow(HttpRequest.newBuilder(URI.create(form.absUrl("action"))).header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                new ArrayList<>());
    }

    /**
     * The whole flow from a connect link: sign in at the sandbox identity provider as {@code signIn}, continue to
     * Atlassian, sign in there as {@code atlassian} and accept. The page it ends on is the server's answer.
     */
    public Page connect(String link, SandboxUser signIn, SandboxUser atlassian) throws IOException,
            InterruptedException {
        Page connectPage = signIn(open(link), signIn);
        if (connectPage.document().getElementById("continue") == null) {
            return connectPage;
        }
        return accept(click(connectPage, "continue"), atlassian);
    }

    /** Signs in on the identity provider's page, if it asks. */
    public Page signIn(Page page, SandboxUser person) throws IOException, InterruptedException {
        if (page.document().getElementById("username") == null) {
            return page;
        }
        return submit(page, Map.of("username", person.username(), "password", person.password()));
    }

    /** Accepts on Atlassian's consent page, or a Data Center product's, as {@code person}. */
    public Page accept(Page consent, SandboxUser person) throws IOException, InterruptedException {
        if (consent.document().getElementById("os_username") != null) {
            return submit(consent, Map.of("os_username", person.username(), "os_password", person.password(),
                    "decision", "accept"));
        }
        return submit(consent, Map.of("email", person.email(), "password", person.password(), "decision", "accept"));
    }

    private Page follow(HttpRequest request, List<URI> visited) throws IOException, InterruptedException {
        HttpRequest next = request;
        for (int hop = 0; hop < 15; hop++) {
            visited.add(next.uri());
            HttpResponse<String> response = http.send(next, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 3) {
                return new Page(next.uri(), response.statusCode(), response.body(), List.copyOf(visited));
            }
            URI location = next.uri().resolve(response.headers().firstValue("Location").orElseThrow());
            next = HttpRequest.newBuilder(location).GET().build();
        }
        throw new IllegalStateException("Too many redirects: " + visited);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
