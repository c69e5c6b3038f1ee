package dev.atlmcp.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.eclipse.microprofile.config.ConfigProvider;

import dev.atlmcp.sandbox.Directory;
import dev.atlmcp.sandbox.SandboxUser;

/**
 * Reaches the sandbox's Cloud site directly: as the service account to check what a tool changed or to find ids, or as
 * a person to change something behind an agent's back.
 */
public final class SandboxSite {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Marks the request as the test's own, not a server's, in the sandbox's recorded traffic. */
    private static final String TEST_CALLER_HEADER = "X-Sandbox-Caller";

    private SandboxSite() {
    }

    /** The body of a GET on the Cloud site; fails unless it answers 200. */
    public static String get(String path) {
        return send(Directory.BOT, "GET", path, null);
    }

    /**
     * A request on the Cloud site as one of the seeded people, e.g. a colleague changing an issue after an agent did;
     * fails unless it answers 2xx.
     */
    public static String send(SandboxUser user, String method, String path, String json) {
        return request(basic(user.email() + ":" + user.apiToken()), method, path, json);
    }

    /**
     * A person uploads a text file on the Cloud site as Atlassian's own pages do (multipart, XSRF check off), e.g. with
     * a name an agent could not give it: {@code path} is Jira's {@code /rest/api/3/issue/KEY/attachments} or
     * Confluence's {@code /wiki/rest/api/content/ID/child/attachment} (a minor edit); fails unless it answers 2xx.
     */
    public static String upload(SandboxUser user, String path, String filename, String text) {
        String boundary = "sandbox-site-upload";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: text/plain\r\n\r\n" + text + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"minorEdit\"\r\n\r\ntrue\r\n--" + boundary + "--\r\n";
        return request(HttpRequest.newBuilder(uri(path)).header("Authorization", basic(user.email() + ":" + user
                .apiToken())).header("Content-Type", "multipart/form-data; boundary=" + boundary).header(
                        "X-Atlassian-Token", "no-check")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)), "POST", path);
    }

    /** A GET on a Data Center site as the service account; the path includes the site's context, e.g. /confluence. */
    public static String getDataCenter(String path) {
        return request(basic(Directory.BOT.username() + ":" + Directory.BOT.password()), "GET", path, null);
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    private static URI uri(String path) {
        return URI.create(ConfigProvider.getConfig().getValue("sandbox.url", String.class) + path);
    }

    private static String request(String authorization, String method, String path, String json) {
        return request(HttpRequest.newBuilder(uri(path)).header("Authorization", authorization).header("Content-Type",
                "application/json").method(method,
                        json == null ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(json)),
                method, path);
    }

    private static String request(HttpRequest.Builder builder, String method, String path) {
        try {
            HttpResponse<String> reply = HTTP.send(builder.header(TEST_CALLER_HEADER, "test").build(),
                    HttpResponse.BodyHandlers.ofString());
            if (reply.statusCode() / 100 != 2) {
                throw new IllegalStateException(method + " " + path + " answered " + reply.statusCode() + ": "
                        + reply.body());
            }
            return reply.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
