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

/** Reads the sandbox's Cloud site directly as the service account, to check what a tool changed or to find ids. */
public final class SandboxSite {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private SandboxSite() {
    }

    /** The body of a GET on the Cloud site; fails unless it answers 200. */
    public static String get(String path) {
        String basic = Base64.getEncoder().encodeToString((Directory.BOT.email() + ":" + Directory.BOT.apiToken())
                .getBytes(StandardCharsets.UTF_8));
        try {
            HttpResponse<String> reply = HTTP.send(HttpRequest.newBuilder(URI.create(ConfigProvider.getConfig()
                    .getValue("sandbox.url", String.class) + path)).header("Authorization", "Basic " + basic).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (reply.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + reply.statusCode() + ": " + reply
                        .body());
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
