package dev.atlmcp.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;

import dev.atlmcp.sandbox.http.Json;

/** A plain HTTP client for talking to the sandbox the way an Atlassian client would. */
final class SandboxHttp {

    record Reply(int status, String body, HttpResponse<String> raw) {

        JsonNode json() throws IOException {
            return Json.MAPPER.readTree(body);
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    private final HttpClient client = HttpClient.newHttpClient();
    private final String url;

    SandboxHttp(String url) {
        this.url = url;
    }

    static String basic(String user, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }

    Reply get(String path, String authorization) throws IOException, InterruptedException {
        return send(request(path, authorization).GET());
    }

    /** A JSON POST; {@code headers} are further names and values. */
    Reply postJson(String path, String authorization, String body, String... headers) throws IOException,
            InterruptedException {
        HttpRequest.Builder request = request(path, authorization).header("Content-Type", "application/json");
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Reply postForm(String path, String form) throws IOException, InterruptedException {
        return send(request(path, null).header("Content-Type", "application/x-www-form-urlencoded").POST(
                HttpRequest.BodyPublishers.ofString(form)));
    }

    private HttpRequest.Builder request(String path, String authorization) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url + path)).header("Accept",
                "application/json");
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    private Reply send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body(), response);
    }
}
